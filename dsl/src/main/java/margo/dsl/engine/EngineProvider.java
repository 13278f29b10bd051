package margo.dsl.engine;

import java.util.Map;

/**
 * Makes an {@link Engine}; found with {@link java.util.ServiceLoader} on the class path, so that the dsl never names
 * the engine's types (the spark module provides one, for {@code --engine spark}).
 */
public interface EngineProvider {

    /** The name {@code --engine} selects it by. */
    String name();

    /**
     * Starts an engine.
     *
     * @param settings the engine's settings from the command line, such as {@code master}; absent ones take the
     *                 engine's defaults
     */
    Engine start(Map<String, String> settings);
}
