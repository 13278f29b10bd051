package margo.dsl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Margo's version as Maven built it, and the version of plotly.js shipped with it ({@code version.properties},
 * filled in by resource filtering).
 */
public final class MargoVersion {

    private MargoVersion() {
    }

    /** The version, such as {@code 0.1.0-SNAPSHOT}. */
    public static String current() {
        return property("version");
    }

    /** The version of plotly.js inside the jar, such as {@code 3.7.0}. */
    public static String plotlyJs() {
        return property("plotly.version");
    }

    private static String property(String key) {
        try (InputStream in = MargoVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the build; rebuild Margo with Maven");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty(key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Margo's versions from the build", e);
        }
    }
}
