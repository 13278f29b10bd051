package margo.dsl.script;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A class loader over the jars of an optional module's folder, outside margo.jar: the script engines'
 * ({@link ScriptEngines}) and the proofs of margin's ({@code margo.dsl.proof.MarginProvers}), each found with
 * {@link java.util.ServiceLoader} in it, with the dsl's own loader as parent.
 */
public final class ModuleJars {

    private ModuleJars() {
    }

    /** The loader named {@code name} over every {@code .jar} in {@code folder}, in name order. */
    public static ClassLoader loader(String name, Path folder) {
        return new URLClassLoader(name, jars(folder), ModuleJars.class.getClassLoader());
    }

    private static URL[] jars(Path folder) {
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path jar : files.filter(file -> file.toString().endsWith(".jar")).sorted().toList()) {
                urls.add(jar.toUri().toURL());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the jars in " + folder, e);
        }
        return urls.toArray(URL[]::new);
    }
}
