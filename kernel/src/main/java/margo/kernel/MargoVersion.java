package margo.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Margo's version, written into the jar by the build, for kernel_info and the banner. */
final class MargoVersion {

    private MargoVersion() {
    }

    static String current() {
        try (InputStream in = MargoVersion.class.getResourceAsStream("kernel.properties")) {
            if (in == null) {
                throw new IllegalStateException("kernel.properties is missing from the jar; rebuild Margo with Maven");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Margo's version from the jar", e);
        }
    }
}
