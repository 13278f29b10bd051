package margo.dsl.script;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.StreamSupport;

/**
 * The {@link ScriptEngine}s, found with {@link ServiceLoader} the first time a script needs one: on the class path
 * (the polyglot module's tests, the benchmarks), else in the jars of the folder that the system property
 * {@value #PATH_PROPERTY} names ({@code polyglot/target/engine}, which ./margo and the kernelspec pass), loaded by
 * a class loader of their own. GraalVM stays out of margo.jar: 37 MB more in the jar made every start slower
 * (Tablesaw scans the class path as it starts), scripts or not.
 */
public final class ScriptEngines {

    /** The system property naming the folder of the script engines' jars. */
    public static final String PATH_PROPERTY = "margo.scripts.path";

    private ScriptEngines() {
    }

    /** The engine for {@code language} ({@code js}), if one is installed. */
    public static Optional<ScriptEngine> find(String language) {
        return Installed.ENGINES.stream().filter(engine -> engine.language().equals(language)).findFirst();
    }

    /** The languages installed, for messages. */
    public static List<String> languages() {
        return Installed.ENGINES.stream().map(ScriptEngine::language).toList();
    }

    /** Loaded on first use, so that a recipe without scripts does not look for engines. */
    private static final class Installed {
        static final List<ScriptEngine> ENGINES = load();

        private static List<ScriptEngine> load() {
            List<ScriptEngine> onClassPath = engines(ScriptEngines.class.getClassLoader());
            String folder = System.getProperty(PATH_PROPERTY);
            if (!onClassPath.isEmpty() || folder == null || !Files.isDirectory(Path.of(folder))) {
                return onClassPath;
            }
            return engines(ModuleJars.loader("margo-scripts", Path.of(folder)));
        }

        private static List<ScriptEngine> engines(ClassLoader loader) {
            return StreamSupport.stream(ServiceLoader.load(ScriptEngine.class, loader).spliterator(), false).toList();
        }
    }
}
