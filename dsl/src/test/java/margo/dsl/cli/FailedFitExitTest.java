package margo.dsl.cli;

import static margo.dsl.cli.MainTest.margo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fit that fails exits 1, in every format, and still prints the best point it found. */
class FailedFitExitTest {

    @Test
    void anImpossibleHardConstraintExitsOneAndStillShowsTheFit(@TempDir Path folder) throws IOException {
        Path data = Path.of("../examples/data/deribit-btc-sample.csv").toAbsolutePath().normalize();
        Path recipe = Files.writeString(folder.resolve("hard.margo"), """
                data chain = options("%s") {
                  keep bid_iv > 0 and ask_iv > 0 and abs(log_moneyness) <= 0.3 and expiry >= 2d
                }
                model hs = heston {
                  v0 in [0.01, 4] start 0.5
                  require v0 >= 5
                }
                fit hf = calibrate hs to chain { starts 1 }
                show hf
                """.formatted(data));

        MainTest.Result text = margo("run", recipe.toString());
        assertEquals(1, text.exit(), text.err());
        assertTrue(text.err().contains("hard.margo:8:10: error: fit hf failed: hard constraint v0 >= 5 does not"
                + " hold"), text.err());
        assertTrue(text.out().contains("fit hf: heston calibrated to chain (failed: the best point found is shown)"),
                text.out());
        assertFalse(text.err().contains("internal error"), text.err());

        MainTest.Result json = margo("run", recipe.toString(), "--format", "json");
        assertEquals(1, json.exit());
        JsonObject root = JsonParser.parseString(json.out()).getAsJsonObject();
        assertEquals("error", root.getAsJsonArray("diagnostics").get(0).getAsJsonObject().get("severity")
                .getAsString());
        assertEquals("failed", root.getAsJsonArray("outputs").get(0).getAsJsonObject().getAsJsonObject("value")
                .getAsJsonObject("sections").getAsJsonArray("fit (errors in vol points)").get(0).getAsJsonObject()
                .get("status").getAsString());
    }
}
