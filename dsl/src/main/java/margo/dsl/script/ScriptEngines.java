package margo.dsl.script;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.StreamSupport;

/** The {@link ScriptEngine}s on the class path, found with {@link ServiceLoader} the first time a script needs one. */
public final class ScriptEngines {

    private ScriptEngines() {
    }

    /** The engine for {@code language} ({@code js}), if one is on the class path. */
    public static Optional<ScriptEngine> find(String language) {
        return Installed.ENGINES.stream().filter(engine -> engine.language().equals(language)).findFirst();
    }

    /** The languages installed, for messages. */
    public static List<String> languages() {
        return Installed.ENGINES.stream().map(ScriptEngine::language).toList();
    }

    /** Loaded on first use, so that a recipe without scripts does not scan the class path for engines. */
    private static final class Installed {
        static final List<ScriptEngine> ENGINES = StreamSupport.stream(
                ServiceLoader.load(ScriptEngine.class, ScriptEngines.class.getClassLoader()).spliterator(), false)
                .toList();
    }
}
