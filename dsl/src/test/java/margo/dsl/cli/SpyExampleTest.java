package margo.dsl.cli;

import static margo.dsl.cli.MainTest.margo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code examples/spy.margo} fits SVI, SSVI and Heston to Cboe's real SPY chain: it runs with notes only (the
 * expired and the unquoted expiry), and every fit is sane for an equity index ETF: smiles within a vol point of the
 * market, a Heston with a negative skew and no parameter at a bound. The one example on real option quotes; it
 * takes about five seconds, most of it the Heston fit to 1,262 quotes.
 */
class SpyExampleTest {

    private static JsonObject root;

    @BeforeAll
    static void runTheExample() {
        MainTest.Result result = margo("run", "../examples/spy.margo", "--format", "json");
        assertEquals(0, result.exit(), result.err() + result.out());
        root = JsonParser.parseString(result.out()).getAsJsonObject();
    }

    private static JsonElement output(String name) {
        for (JsonElement element : root.getAsJsonArray("outputs")) {
            if (element.getAsJsonObject().get("name").getAsString().equals(name)) {
                return element.getAsJsonObject().get("value");
            }
        }
        throw new AssertionError("no output " + name);
    }

    @Test
    void itRunsWithNotesOnlyOnTheExpiriesLeftOut() {
        List<String> diagnostics = new ArrayList<>();
        for (JsonElement element : root.getAsJsonArray("diagnostics")) {
            JsonObject diagnostic = element.getAsJsonObject();
            assertEquals("note", diagnostic.get("severity").getAsString(), diagnostic.toString());
            diagnostics.add(diagnostic.get("message").getAsString());
        }
        assertEquals(3, diagnostics.size(), diagnostics.toString());
        assertTrue(diagnostics.get(1).endsWith("expiry 2025-09-02 (202 options) had expired at the valuation time"
                + " 2025-09-03T13:24:00Z: left out"), diagnostics.toString());
    }

    @Test
    void sviAndSsviSmilesAreWithinAVolPointOfTheMarket() {
        for (String surface : List.of("sv", "ss")) {
            JsonArray rows = output(surface).getAsJsonArray();
            assertEquals(16, rows.size(), "a month to a year of expiries");
            for (JsonElement row : rows) {
                double rmse = row.getAsJsonObject().get("rmse_vol_points").getAsDouble();
                assertTrue(rmse < 1.0, surface + " " + row);
            }
        }
    }

    @Test
    void hestonHasANegativeSkewNoBoundBindingAndFitsWithinHalfAVolPoint() {
        JsonObject fit = output("hf").getAsJsonObject();
        Map<String, JsonObject> parameters = new HashMap<>();
        JsonObject fitRow = null;
        for (Map.Entry<String, JsonElement> section : fit.getAsJsonObject("sections").entrySet()) {
            for (JsonElement row : section.getValue().getAsJsonArray()) {
                JsonObject cells = row.getAsJsonObject();
                if (section.getKey().equals("parameters")) {
                    parameters.put(cells.get("parameter").getAsString(), cells);
                } else if (section.getKey().startsWith("fit")) {
                    fitRow = cells;
                }
            }
        }
        assertEquals(5, parameters.size(), fit.toString());
        parameters.values().forEach(row -> assertEquals("false", row.get("at_bound").getAsString(), row.toString()));
        double rho = parameters.get("rho").get("value").getAsDouble();
        assertTrue(rho < -0.5, "equity index skew: rho " + rho);
        double vol = Math.sqrt(parameters.get("v0").get("value").getAsDouble());
        assertTrue(vol > 0.10 && vol < 0.25, "SPY's short-term vol, not " + vol);
        assertTrue(fitRow != null && fitRow.get("rmse").getAsDouble() < 0.5, String.valueOf(fitRow));
    }
}
