package margo.dsl.engine;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.StreamSupport;

/** The {@link EngineProvider}s on the class path. */
public final class Engines {

    private Engines() {
    }

    /** The provider named {@code name}, if its module is on the class path. */
    public static Optional<EngineProvider> find(String name) {
        return installed().stream().filter(provider -> provider.name().equals(name)).findFirst();
    }

    /** The names of the engines installed, for messages. */
    public static List<String> names() {
        return installed().stream().map(EngineProvider::name).toList();
    }

    private static List<EngineProvider> installed() {
        return StreamSupport.stream(ServiceLoader.load(EngineProvider.class, Engines.class.getClassLoader())
                .spliterator(), false).toList();
    }
}
