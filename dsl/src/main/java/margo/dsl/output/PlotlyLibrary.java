package margo.dsl.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;
import margo.dsl.cli.MargoVersion;

/**
 * plotly.js as shipped inside Margo's jar (the webjar {@code org.webjars.npm:plotly.js-dist}), so that figures
 * render with no internet. Maven Central has only the unminified bundle (11 MB); gzipped it is 2 MB, which is
 * what pages and notebook outputs carry (base64, 2.6 MB) and browsers unpack with {@code DecompressionStream}.
 * Packed once per process, on first use.
 */
public final class PlotlyLibrary {

    private static volatile String packed;

    private PlotlyLibrary() {
    }

    /** The version of plotly.js in the jar, e.g. {@code 3.3.1}. */
    public static String version() {
        return MargoVersion.plotlyJs();
    }

    /** The path of the bundle on the classpath. */
    static String resource() {
        return "META-INF/resources/webjars/plotly.js-dist/" + version() + "/plotly.js";
    }

    /** The bundle's source as it is in the jar. */
    public static byte[] source() {
        try (InputStream in = PlotlyLibrary.class.getClassLoader().getResourceAsStream(resource())) {
            if (in == null) {
                throw new IllegalStateException(resource() + " is missing from the classpath; rebuild Margo with Maven");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read plotly.js from the jar", e);
        }
    }

    /** The bundle gzipped, in base64. */
    public static String gzippedBase64() {
        String result = packed;
        if (result == null) {
            synchronized (PlotlyLibrary.class) {
                result = packed;
                if (result == null) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 21);
                    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes, 1 << 16)) {
                        gzip.write(source());
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot gzip plotly.js", e);
                    }
                    result = Base64.getEncoder().encodeToString(bytes.toByteArray());
                    packed = result;
                }
            }
        }
        return result;
    }
}
