package margo.dsl.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;
import margo.dsl.cli.MargoVersion;

/**
 * plotly.js as shipped inside Margo's jar, so that figures render with no internet: npm's minified cartesian
 * bundle ({@code plotly.js-cartesian-dist-min}, 1.4 MB, MIT, its licence beside it in the jar), which has every
 * trace Margo draws (scatter with error bars, heat map with colour bar) and none of the 3D, map or financial ones
 * it does not. Gzipped it is 0.47 MB, which is what pages and notebooks carry (base64, 0.63 MB) and browsers unpack
 * with {@code DecompressionStream}. Packed once per process, on first use.
 */
public final class PlotlyLibrary {

    private static volatile String packed;

    private PlotlyLibrary() {
    }

    /** The version of plotly.js in the jar, e.g. {@code 3.7.0}. */
    public static String version() {
        return MargoVersion.plotlyJs();
    }

    /** The path of the bundle on the classpath; its licence is {@code LICENSE} in the same folder. */
    static String resource() {
        return "margo/plotly/plotly-cartesian.min.js";
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
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 19);
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
