package margo.core.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import margo.core.io.DataFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Series of chain snapshots from a folder, a glob or one Tardis stream, each at its own time. */
class ChainSeriesLoaderTest {

    private static final String HEADER = "expiry,strike,type,bid,ask,underlying";
    private static final String ROWS = """
            2024-03-29,56000,call,7516.5,7824.0,BTC
            2024-03-29,56000,put,1636.5,1704.0,BTC
            2024-03-29,60000,call,5036.0,5242.5,BTC
            2024-03-29,60000,put,3076.0,3202.5,BTC
            """;

    @TempDir
    Path folder;

    private void write(String name, String header, String rows) throws Exception {
        Files.writeString(folder.resolve(name), header + "\n" + rows);
    }

    private static String stamped(String rows, String time) {
        return rows.replace("BTC\n", "BTC," + time + "\n");
    }

    private ChainSeriesLoad load(String location, Duration interval) throws Exception {
        return ChainSeriesLoader.load(folder, location, LoadOptions.DEFAULTS, interval, DataFile.DEFAULT_MAX_BYTES);
    }

    @Test
    void aFileIsAtItsDataTimestampAndOneWithoutAtTheTimeInItsNameWhichANoteSays() throws Exception {
        write("btc-2024-03-01T09-00Z.csv", HEADER, ROWS);
        write("btc-late.csv", HEADER + ",timestamp", stamped(ROWS, "2024-03-01T10:30:00Z"));
        write("btc-2024-03-01T08-00Z.csv", HEADER + ",timestamp", stamped(ROWS, "2024-03-01T07:59:00Z"));
        ChainSeriesLoad load = load(".", null);
        ChainSeries series = load.series();
        assertEquals(3, series.size());
        assertEquals(Instant.parse("2024-03-01T07:59:00Z"), series.get(0).time(), "the data's stamp, not the name's");
        assertEquals(Instant.parse("2024-03-01T09:00:00Z"), series.get(1).time());
        assertEquals(Instant.parse("2024-03-01T10:30:00Z"), series.get(2).time());
        assertTrue(load.notes().getFirst().contains("2 at the data's timestamp, 1 at the time in the file's name"),
                load.notes().toString());
        ChainSeriesLoad.File named = load.files().stream()
                .filter(file -> file.path().getFileName().toString().startsWith("btc-2024-03-01T09")).findFirst()
                .orElseThrow();
        assertTrue(named.notes().stream().anyMatch(note -> note.contains("the time in the file's name")),
                named.notes().toString());
    }

    @Test
    void aGlobTakesTheFilesItMatchesAndAFolderOnlyItsChainFiles() throws Exception {
        write("btc-2024-03-01T08-00Z.csv", HEADER, ROWS);
        write("btc-2024-03-02T08-00Z.csv", HEADER, ROWS);
        write("eth-2024-03-03T08-00Z.csv", HEADER, ROWS.replace("BTC", "ETH"));
        Files.writeString(folder.resolve("README.md"), "not a chain");
        assertEquals(2, load("btc-*.csv", null).series().size());
        assertEquals(3, load(".", null).series().size());
    }

    @Test
    void twoSnapshotsAtOneTimeAreAnErrorNamingBothFiles() throws Exception {
        write("a.csv", HEADER + ",timestamp", stamped(ROWS, "2024-03-01T08:00:00Z"));
        write("b-2024-03-01T08-00Z.csv", HEADER, ROWS);
        ChainFormatException twice = assertThrows(ChainFormatException.class, () -> load(".", null));
        assertTrue(twice.getMessage().contains("a.csv and b-2024-03-01T08-00Z.csv are both snapshots at"
                + " 2024-03-01T08:00:00Z"), twice.getMessage());
    }

    @Test
    void aFileWithNeitherATimestampNorATimeInItsNameSaysHowToGiveOne() throws Exception {
        write("btc.csv", HEADER, ROWS);
        ChainFormatException untimed = assertThrows(ChainFormatException.class, () -> load(".", null));
        assertTrue(untimed.getMessage().contains("in its file's name"), untimed.getMessage());
    }

    @Test
    void aTardisStreamIsCutAtEachIntervalIntoTheLatestUpdateOfEveryOption() throws Exception {
        Files.copy(ChainFiles.resource("tardis-deribit-options-chain.csv"), folder.resolve("tardis.csv"));
        ChainSeriesLoad load = load("tardis.csv", Duration.ofMinutes(1));
        ChainSeries series = load.series();
        assertEquals(2, series.size(), load.notes().toString());
        assertEquals(Instant.parse("2024-03-01T07:59:00Z"), series.get(0).time());
        assertEquals(Instant.parse("2024-03-01T08:00:00Z"), series.get(1).time());
        assertEquals(1, series.get(0).chain().size(), "at 07:59 only one option had updated");
        double earlyBid = series.get(0).chain().table().doubleColumn("bid").getDouble(0);
        assertEquals(0.0465, earlyBid, 0.0, "the 07:59 update, not the one after it");
        assertTrue(series.get(1).chain().size() > 1);
        assertTrue(load.notes().getFirst().contains("every 1m"), load.notes().toString());
    }

    @Test
    void fileNamesGiveTheirLastDateAndTimeInUtc() {
        assertEquals(Instant.parse("2024-03-01T08:00:00Z"), ChainSeriesLoader.timeInName("btc-2024-03-01T08-00Z.csv"));
        assertEquals(Instant.parse("2024-03-01T08:15:30Z"), ChainSeriesLoader.timeInName("chain_20240301T081530.csv"));
        assertEquals(Instant.parse("2024-03-01T00:00:00Z"), ChainSeriesLoader.timeInName("deribit-2024-03-01.json"));
        assertEquals(null, ChainSeriesLoader.timeInName("btc.csv"));
    }
}
