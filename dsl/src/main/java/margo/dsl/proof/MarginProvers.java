package margo.dsl.proof;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;
import margo.dsl.script.ModuleJars;

/**
 * The {@link MarginProver}, found with {@link ServiceLoader} the first time a recipe proves: on the class path (the
 * zk module's tests), else in the jars of the folder that the system property {@value #PATH_PROPERTY} names
 * ({@code zk/target}, which ./margo passes), loaded by a class loader of its own, as the script engines are.
 */
public final class MarginProvers {

    /** The system property naming the folder of the zk module's jar. */
    public static final String PATH_PROPERTY = "margo.zk.path";
    /** The system property naming the zk folder (circuits, npm tooling, the cache), which the module reads. */
    public static final String HOME_PROPERTY = "margo.zk.home";

    private MarginProvers() {
    }

    /** The prover, if the zk module is installed. */
    public static Optional<MarginProver> find() {
        return Installed.PROVER;
    }

    /** Loaded on first use, so that a recipe that proves nothing does not look for the module. */
    private static final class Installed {
        static final Optional<MarginProver> PROVER = load();

        private static Optional<MarginProver> load() {
            Optional<MarginProver> onClassPath = first(MarginProvers.class.getClassLoader());
            String folder = System.getProperty(PATH_PROPERTY);
            if (onClassPath.isPresent() || folder == null || !Files.isDirectory(Path.of(folder))) {
                return onClassPath;
            }
            return first(ModuleJars.loader("margo-zk", Path.of(folder)));
        }

        private static Optional<MarginProver> first(ClassLoader loader) {
            return ServiceLoader.load(MarginProver.class, loader).findFirst();
        }
    }
}
