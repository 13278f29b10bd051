package margo.dsl.cli;

import static margo.dsl.cli.MainTest.margo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CalibrateExampleTest {

    static final Path CALIBRATE = Path.of("../examples/calibrate.margo");

    @Test
    void theCalibrationExampleFitsTheSampleChainWithinAFewVolPointsAndRerunsBitForBitWithoutTimings() {
        MainTest.Result first = margo("run", CALIBRATE.toString(), "--format", "json");
        assertEquals(0, first.exit(), first.err());
        JsonObject root = JsonParser.parseString(first.out()).getAsJsonObject();
        JsonArray outputs = root.getAsJsonArray("outputs");
        assertEquals(3, outputs.size());
        JsonObject fit = outputs.get(0).getAsJsonObject();
        assertEquals("fit", fit.get("kind").getAsString());
        JsonObject sections = fit.getAsJsonObject("value").getAsJsonObject("sections");
        JsonObject overall = sections.getAsJsonArray("fit (errors in vol points)").get(0).getAsJsonObject();
        double rmse = overall.get("rmse").getAsDouble();
        assertTrue(rmse > 0 && rmse < 3, "rmse " + rmse + " vol points");
        assertEquals(5, sections.getAsJsonArray("rmse by expiry (vol points)").size());
        assertEquals("figure", outputs.get(1).getAsJsonObject().get("kind").getAsString());
        JsonArray priced = outputs.get(2).getAsJsonObject().getAsJsonArray("value");
        assertTrue(priced.get(0).getAsJsonObject().has("model_iv"));

        MainTest.Result untimed = margo("run", CALIBRATE.toString(), "--format", "json", "--no-timings");
        MainTest.Result again = margo("run", CALIBRATE.toString(), "--format", "json", "--no-timings");
        assertEquals(untimed.out(), again.out(), "without timings, a rerun gives the same bytes");
        assertTrue(fit.getAsJsonObject("value").getAsJsonObject("timing").get("elapsed_seconds").getAsDouble() > 0,
                "with timings (the default) the fit says how long it took");
    }

    @Test
    void theCalibrationExampleAsHtmlIsTheSameBytesOnEveryRunUnlessTimingsAreAskedFor() {
        MainTest.Result first = margo("run", CALIBRATE.toString(), "--format", "html");
        MainTest.Result second = margo("run", CALIBRATE.toString(), "--format", "html");
        assertEquals(0, first.exit(), first.err());
        assertEquals(first.out(), second.out(), "a page is the same on every run");
        assertFalse(first.out().contains("calibrated in"), "no timing in the page by default");

        MainTest.Result timed = margo("run", CALIBRATE.toString(), "--format", "html", "--timings");
        assertTrue(timed.out().contains("calibrated in"), "--timings puts it back");
    }
}
