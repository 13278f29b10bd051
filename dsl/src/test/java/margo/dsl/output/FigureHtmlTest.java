package margo.dsl.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import margo.dsl.plot.Axis;
import margo.dsl.plot.Figure;
import margo.dsl.plot.Marks;
import margo.dsl.plot.Palette;
import margo.dsl.plot.Panel;
import margo.dsl.plot.PlotlyFigure;
import margo.dsl.plot.Series;
import org.junit.jupiter.api.Test;

class FigureHtmlTest {

    @Test
    void theLibraryScriptCarriesThePlotlyBundleOfTheJarGzipped() throws IOException {
        Matcher packed = Pattern.compile("var packed = \"([A-Za-z0-9+/=]+)\";").matcher(FigureHtml.library());
        assertTrue(packed.find(), "the library script holds the bundle in base64");
        byte[] unpacked;
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(packed.group(1))))) {
            unpacked = gzip.readAllBytes();
        }
        assertArrayEquals(PlotlyLibrary.source(), unpacked);
        String head = new String(unpacked, 0, 200, StandardCharsets.UTF_8);
        assertTrue(head.contains("plotly.js (cartesian - minified) v" + PlotlyLibrary.version()), head);
        assertTrue(unpacked.length > 1_000_000, "the whole bundle, not a loader: " + unpacked.length + " bytes");
        assertTrue(packed.group(1).length() < 700_000, "the minified cartesian bundle, not the full one: " + packed.group(1).length() + " characters");
    }

    @Test
    void aFigureIsItsPictureThenItsPlotlyFigureInAScriptThatNoStringCanClose() {
        Series series = Series.of("</script><b>", Marks.LINES, Palette.BLUE, new double[] {1, 2}, new double[] {3, 4});
        Figure figure = new Figure("a & b", List.of(new Panel("p", new Axis("x", ""), new Axis("y", "%"), List.of(series))), 1);
        String html = FigureHtml.figure(figure, "margo-figure-7");
        assertTrue(html.startsWith("<div id=\"margo-figure-7\" class=\"margo-figure\"><svg "), html);
        assertEquals(2, html.split("</script>", -1).length, "one script, closed once: " + html);
        Matcher json = Pattern.compile("var figure = (\\{.*\\});\n").matcher(html);
        assertTrue(json.find(), html);
        assertEquals(PlotlyFigure.toJson(figure), JsonParser.parseString(json.group(1)));
        assertTrue(html.contains("getElementById(\"margo-figure-7\")"), html);
    }
}
