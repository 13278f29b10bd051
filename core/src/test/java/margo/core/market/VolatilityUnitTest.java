package margo.core.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Row;

/** The percent-or-decimal decision for a file's implied volatilities: by the bulk, announced, overridable. */
class VolatilityUnitTest {

    private static final String HEADER = "instrument,expiry,strike,type,bid,ask,forward,mark_iv,timestamp";

    @TempDir
    Path directory;

    private Path chain(String... markIvs) throws Exception {
        String[] lines = new String[markIvs.length + 1];
        lines[0] = HEADER;
        for (int i = 0; i < markIvs.length; i++) {
            lines[i + 1] = "BTC-29MAR24-" + (50_000 + 1_000 * i) + "-C,2024-03-29," + (50_000 + 1_000 * i)
                    + ",C,,,61000," + markIvs[i] + ",2024-03-01T08:00:00Z";
        }
        return ChainFiles.write(directory, "ivs.csv", lines);
    }

    private static List<String> warnings(ChainLoad load) {
        return load.warnings().stream().map(RowProblem::message).toList();
    }

    private static double markIv(ChainLoad load, int strike) {
        Row row = ChainFiles.row(load.chain().table(), "BTC-29MAR24-" + strike + "-C");
        return row.getDouble("mark_iv");
    }

    @Test
    void percentVolatilitiesAreReadAsPercentAndTheDecisionIsAnnouncedWithItsEvidence() throws Exception {
        ChainLoad load = ChainFiles.load(chain("65.2", "61.0", "58.3", "57.9"));
        assertEquals(List.of("implied volatilities read as percent: 4 of 4 values (100%) are above 1.5"), load.notes());
        assertEquals(0.652, markIv(load, 50_000), 1e-12);
    }

    @Test
    void oneVolatilityAboveFiveNoLongerRescalesADecimalFile() throws Exception {
        ChainLoad load = ChainFiles.load(chain("0.652", "0.61", "58.3", "0.579"));
        assertEquals(List.of("implied volatilities read as decimals: 3 of 4 values (75%) are at most 1.5"),
                load.notes());
        assertEquals(0.652, markIv(load, 50_000), 0.0);
        assertEquals(0.579, markIv(load, 53_000), 0.0);
        assertTrue(Double.isNaN(markIv(load, 52_000)), "the stray value is ignored");
        assertEquals(List.of("line 4 (BTC-29MAR24-52000-C): mark_iv 58.3 would be 5830% among decimal volatilities:"
                + " it looks like percent, so it is ignored"), warnings(load));
    }

    @Test
    void aDecimalLookingValueInAPercentFileIsAWarning() throws Exception {
        ChainLoad load = ChainFiles.load(chain("65.2", "0.61", "58.3", "57.9"));
        assertEquals(List.of("line 3 (BTC-29MAR24-51000-C): mark_iv 0.61 would be 0.6100% among percent volatilities:"
                + " it looks like a decimal, so it is ignored"), warnings(load));
        assertEquals(0.583, markIv(load, 52_000), 1e-12);
    }

    @Test
    void theCallerCanSayTheUnitAndTheNoteSaysSo() throws Exception {
        // 160-200% a year, written as decimals: the bulk rule reads them as percent; the caller knows better.
        Path file = chain("1.6", "1.8", "2.0");
        assertEquals(0.016, markIv(ChainFiles.load(file), 50_000), 1e-12);
        ChainLoad load = OptionChains.load(file, LoadOptions.DEFAULTS.withVolatilityUnit(VolatilityUnit.DECIMAL));
        assertEquals(List.of("implied volatilities read as decimals, as set when loading the file"), load.notes());
        assertEquals(List.of(), load.warnings());
        assertEquals(1.6, markIv(load, 50_000), 0.0);
    }
}
