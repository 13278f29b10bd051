package margo.dsl.run;

import static margo.dsl.run.Recipes.located;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import margo.core.calibration.CalibrationResult;
import margo.dsl.registry.ModelFamily;
import margo.dsl.registry.Registry;
import margo.dsl.syntax.SourceFile;
import margo.dsl.value.FitValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The evidence for Heston's default bounds (docs/model-bounds.md): unweighted fits of the repository's chains by
 * QuantLib ({@code reference/heston_bounds_quantlib.py} and the JSON it wrote). Margo, given bounds too wide to bind
 * and QuantLib's first start (the family's default start), finds the same optimum on the same quotes; and the
 * defaults of {@code model m = heston} hold every chain's optimum with room to spare, so that a default fit is decided
 * by the data, not by a bound.
 */
class HestonBoundsEvidenceTest {

    private static final Path EXAMPLES = Path.of("../examples");
    private static final String[] NAMES = {"v0", "kappa", "theta", "xi", "rho"};
    /** Bounds that bind on none of the chains: the model's own domain, in practice. */
    private static final String WIDE = """
            model wide = heston {
              v0    in [0.0001, 10]     start 0.5
              kappa in [0.001, 2000]    start 3
              theta in [0.0001, 10]     start 0.5
              xi    in [0.001, 200]     start 1.5
              rho   in [-0.999, 0.999]  start -0.2
            }
            """;

    private static List<JsonObject> chains;

    @BeforeAll
    static void readEvidence() throws IOException {
        try (InputStream in = HestonBoundsEvidenceTest.class.getResourceAsStream(
                "/reference/heston_bounds_quantlib.json")) {
            JsonArray array = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .getAsJsonObject().getAsJsonArray("chains");
            chains = new ArrayList<>();
            for (JsonElement chain : array) {
                chains.add(chain.getAsJsonObject());
            }
        }
    }

    private static double[] quantLibOptimum(JsonObject chain) {
        JsonArray values = chain.getAsJsonArray("parameters");
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).getAsDouble();
        }
        return out;
    }

    private static CalibrationResult margoFit(JsonObject chain) {
        String data = chain.get("data").getAsString();
        String name = data.split("\\s+")[1];
        Session session = new Session(EXAMPLES);
        Execution execution = session.run(new SourceFile("evidence.margo", data + WIDE
                + "fit f = calibrate wide to " + name + " { target implied_vol  starts 1 }\n"), Mode.RECIPE);
        assertFalse(execution.hasErrors(), () -> String.join("\n", located(execution.diagnostics())));
        return ((FitValue) session.valueOf("f")).result();
    }

    @Test
    void margoFindsQuantLibsUnweightedOptimumOnTheSameQuotes() {
        for (JsonObject chain : chains) {
            String name = chain.get("name").getAsString();
            CalibrationResult margo = margoFit(chain);
            assertEquals(chain.get("quotes").getAsInt(), margo.residuals().size(), name + ": the same quotes");
            // QuantLib's Gauss-Lobatto and Margo's COS prices agree to about 1e-8, so the two optima to a few digits.
            assertTrue(margo.rmse() <= chain.get("rmse_vol_points").getAsDouble() * (1 + 1e-4),
                    name + ": Margo's RMSE " + margo.rmse() + " against QuantLib's " + chain.get("rmse_vol_points"));
            double[] quantLib = quantLibOptimum(chain);
            for (int j = 0; j < NAMES.length; j++) {
                assertEquals(quantLib[j], margo.parameters()[j], 2e-3 * Math.max(Math.abs(quantLib[j]), 0.1),
                        name + ": " + NAMES[j]);
            }
        }
    }

    @Test
    void defaultBoundsHoldEveryChainsOptimumWithRoomToSpare() {
        ModelFamily heston = Registry.standard().modelFamily("heston").orElseThrow();
        for (JsonObject chain : chains) {
            double[] optimum = quantLibOptimum(chain);
            for (int j = 0; j < NAMES.length; j++) {
                ModelFamily.Parameter p = heston.parameter(NAMES[j]).orElseThrow();
                double value = optimum[j];
                String where = chain.get("name").getAsString() + ": " + NAMES[j] + " = " + value + " in ["
                        + p.lower() + ", " + p.upper() + "]";
                if (NAMES[j].equals("rho")) {
                    assertTrue(value > p.lower() && value < p.upper(), where);
                } else {
                    assertTrue(value >= 3 * p.lower() && value <= p.upper() / 3, where + ": a factor 3 inside");
                }
            }
        }
    }
}
