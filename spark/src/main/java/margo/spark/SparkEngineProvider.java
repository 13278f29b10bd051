package margo.spark;

import java.util.Map;
import margo.dsl.engine.Engine;
import margo.dsl.engine.EngineProvider;

/** {@code --engine spark}: an {@link SparkEngine} on the master the settings name, else spark-submit's, else local. */
public final class SparkEngineProvider implements EngineProvider {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public Engine start(Map<String, String> settings) {
        return SparkEngine.start(settings);
    }
}
