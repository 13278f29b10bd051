package margo.dsl.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import margo.dsl.value.FigureValue;
import margo.dsl.value.ReplayValue;
import org.junit.jupiter.api.Test;

/**
 * The replay recipe of docs/series.md runs as written, from examples/, on the Tardis-layout stream shipped in
 * examples/data: a reader who copies it gets the report and the plot the page describes.
 */
class DocsSeriesExampleTest {

    private static final Path EXAMPLES = Path.of("../examples");

    /** The first fenced block after the heading {@code ## Replaying a stream}. */
    private static String replayExample() throws Exception {
        String page = Files.readString(Path.of("../docs/series.md"));
        int section = page.indexOf("## Replaying a stream");
        assertTrue(section >= 0, "docs/series.md has a section on replays");
        int open = page.indexOf("```\n", section) + 4;
        return page.substring(open, page.indexOf("```", open));
    }

    @Test
    void theReplayExampleOfTheDocsRunsOnTheShippedStreamOneUpdateAMinute() throws Exception {
        String recipe = replayExample();
        assertTrue(recipe.contains("replay live"), recipe);
        Execution run = Recipes.run(EXAMPLES, recipe);
        assertFalse(run.hasErrors(), () -> Recipes.located(run.diagnostics()).toString());
        ReplayValue replay = (ReplayValue) run.shown().get(0).value();
        // One snapshot at each minute from 12:00 to 12:15, and one at the last update, 12:15:59.
        assertEquals(17, replay.fit().times().size(), replay.fit().times().toString());
        for (var result : replay.fit().results()) {
            // Heston's misfit to the SVI-shaped smiles, a vol point or two; an update over its budget keeps the best
            // point so far, which on a loaded machine may be short of the optimum.
            if (result.stopReason() != margo.core.calibration.StopReason.TIME_LIMIT) {
                assertTrue(result.rmse() < 3.0, "rmse " + result.rmse() + " vol points");
            }
            for (double error : result.standardErrors()) {
                assertTrue(error > 0.0, "each update's row has its standard errors: " + result);
            }
        }
        assertEquals(5, ((FigureValue) run.shown().get(1).value()).figure().panels().size());
    }
}
