package margo.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import margo.core.calibration.CalibrationResult;
import margo.dsl.run.DataLimit;
import margo.dsl.run.Execution;
import margo.dsl.run.Mode;
import margo.dsl.run.Session;
import margo.dsl.syntax.SourceFile;
import margo.dsl.value.SeriesFitValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A series' cold fits run on Spark, one task per snapshot, and give the in-process fits bit for bit; warm-started
 * fits, sequential by nature, stay in the driver and give the same too.
 */
class SeriesOnSparkTest {

    private static final Path SERIES = Path.of("../examples/data/heston-series").toAbsolutePath();

    @TempDir
    static Path folder;

    @BeforeAll
    static void copySeries() throws IOException {
        Files.createDirectory(folder.resolve("series"));
        try (Stream<Path> chains = Files.list(SERIES)) {
            for (Path chain : chains.sorted().limit(4).toList()) {
                Files.copy(chain, folder.resolve("series").resolve(chain.getFileName()));
            }
        }
    }

    private static String recipe(boolean warm) {
        return """
                data week = snapshots("series") {
                  keep bid_iv > 0 and ask_iv > 0
                  keep expiry >= 2d
                }
                model hs = heston
                fit hw = calibrate hs to week {
                  weight 1 / max(ask_iv - bid_iv, 0.5%%)
                  warm_start %s
                }
                show hw
                """.formatted(warm);
    }

    @Test
    void coldFitsOfEachSnapshotOnSparkAreTheInProcessFitsBitForBit() {
        assertSameFits(recipe(false));
    }

    @Test
    void warmStartedFitsStayInTheDriverAndAreTheSame() {
        assertSameFits(recipe(true));
    }

    private static void assertSameFits(String recipe) {
        Execution here = new Session(folder).run(new SourceFile("series.margo", recipe), Mode.RECIPE);
        assertFalse(here.hasErrors(), () -> here.diagnostics().toString());
        Execution onSpark;
        try (SparkEngine engine = new SparkEngine(LocalSpark.session(), 0)) {
            onSpark = new Session(folder, DataLimit.DEFAULT, engine).run(new SourceFile("series.margo", recipe),
                    Mode.RECIPE);
        }
        assertEquals(here.diagnostics().stream().map(d -> d.message()).toList(),
                onSpark.diagnostics().stream().map(d -> d.message()).toList());
        List<CalibrationResult> expected = ((SeriesFitValue) here.shown().getFirst().value()).results();
        List<CalibrationResult> actual = ((SeriesFitValue) onSpark.shown().getFirst().value()).results();
        assertEquals(4, expected.size());
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i).parameters(), actual.get(i).parameters(), 0.0, "snapshot " + i);
            assertArrayEquals(expected.get(i).standardErrors(), actual.get(i).standardErrors(), 0.0);
            assertArrayEquals(expected.get(i).residuals().model(), actual.get(i).residuals().model(), 0.0);
            assertEquals(Double.doubleToRawLongBits(expected.get(i).objective()),
                    Double.doubleToRawLongBits(actual.get(i).objective()));
            assertEquals(expected.get(i).iterations(), actual.get(i).iterations());
            assertEquals(expected.get(i).stopReason(), actual.get(i).stopReason());
        }
    }
}
