package margo.core.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Row;

/** Timestamps in the wrong unit, or one typo'd stamp, never move a chain's valuation time. */
class TimestampsTest {

    private static final Instant VALUATION = Instant.parse("2024-03-01T08:00:00Z");

    @TempDir
    Path directory;

    private static List<String> warnings(ChainLoad load) {
        return load.warnings().stream().map(RowProblem::message).toList();
    }

    @Test
    void aDeribitJsonStampedInSecondsIsValuedWhenItWasTakenAndSaysSo() throws Exception {
        Path json = ChainFiles.resource("deribit-btc-8mar24.json");
        ChainLoad milliseconds = ChainFiles.load(json);
        String seconds = Files.readString(json).replace("\"creation_timestamp\": 1709280000000",
                "\"creation_timestamp\": 1709280000");
        ChainLoad load = ChainFiles.load(Files.writeString(directory.resolve("seconds.json"), seconds));
        assertEquals(VALUATION, load.chain().valuationTime());
        assertEquals(List.of("creation_timestamp read as seconds since 1970, not milliseconds as Deribit documents"),
                load.notes());
        assertEquals(List.of(), milliseconds.notes(), "the documented unit needs no note");
        Row expected = ChainFiles.row(milliseconds.chain().table(), "BTC-8MAR24-60000-C");
        Row row = ChainFiles.row(load.chain().table(), "BTC-8MAR24-60000-C");
        assertEquals(expected.getDouble("mid_iv"), row.getDouble("mid_iv"), 0.0);
        assertTrue(row.getDouble("mid_iv") > 0.5, "a 1970 valuation gave about 1.25%: " + row.getDouble("mid_iv"));
    }

    @Test
    void aTardisFileInMillisecondsKeepsItsExpiriesIn2024() throws Exception {
        List<String> lines = Files.readAllLines(ChainFiles.resource("tardis-deribit-options-chain.csv"));
        List<String> header = List.of(lines.getFirst().split(","));
        List<String> milliseconds = new ArrayList<>(List.of(lines.getFirst()));
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            for (String column : List.of("timestamp", "local_timestamp", "expiration")) {
                int at = header.indexOf(column);
                fields[at] = Long.toString(Long.parseLong(fields[at]) / 1000);
            }
            milliseconds.add(String.join(",", fields));
        }
        ChainLoad load = ChainFiles.load(Files.write(directory.resolve("tardis-ms.csv"), milliseconds));
        ChainLoad micro = ChainFiles.load(ChainFiles.resource("tardis-deribit-options-chain.csv"));
        assertEquals(micro.chain().valuationTime(), load.chain().valuationTime());
        assertEquals(micro.chain().table().instantColumn("expiry").asList(),
                load.chain().table().instantColumn("expiry").asList());
        assertEquals(List.of("timestamp read as milliseconds since 1970, not microseconds as Tardis.dev documents",
                "expiration read as milliseconds since 1970, not microseconds as Tardis.dev documents"),
                load.notes().subList(0, 2));
    }

    @Test
    void oneTypoedTimestampIsARowWarningNotTheValuationTime() throws Exception {
        Path file = ChainFiles.write(directory, "typo.csv", "expiry,strike,type,bid,ask,forward,timestamp",
                "2024-03-29,60000,C,3000,3100,61000,2024-03-01T08:00:00Z",
                "2024-03-29,60000,P,1900,2000,61000,2024-03-01T08:00:00Z",
                "2024-03-29,62000,C,2100,2200,61000,2034-03-01T08:00:00Z",
                "2024-03-29,62000,P,3000,3100,61000,2024-03-01T07:59:00Z");
        ChainLoad load = ChainFiles.load(file);
        assertEquals(VALUATION, load.chain().valuationTime());
        assertEquals(List.of(), ChainFiles.messages(load));
        assertEquals(4, load.chain().size(), "the row is kept, valued at the file's time");
        assertEquals(List.of("line 4: timestamp 2034-03-01T08:00:00Z is 10 years from the"
                + " file's median stamp 2024-03-01T08:00:00Z; an outlier, not used for the valuation time"),
                warnings(load));
    }

    @Test
    void aFileWhoseEveryOptionExpiredBeforeItsTimestampsIsAnError() throws Exception {
        Path file = ChainFiles.write(directory, "late.csv", "expiry,strike,type,bid,ask,forward,timestamp",
                "2024-03-29,60000,C,3000,3100,61000,2034-03-01T08:00:00Z",
                "2024-03-29,60000,P,1900,2000,61000,2034-03-01T08:00:00Z");
        ChainFormatException expired = assertThrows(ChainFormatException.class, () -> ChainFiles.load(file));
        assertEquals(file + ": every option expired before the valuation time 2034-03-01T08:00:00Z the data's"
                + " timestamps give (the latest expiry is 2024-03-29T08:00:00Z); check the timestamps, or give a"
                + " valuation time", expired.getMessage());
    }

    @Test
    void aStampInNoKnownUnitRejectsItsRow() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(ChainFiles.deribitSample()));
        List<String> header = List.of(lines.getFirst().split(","));
        String[] fields = lines.get(1).split(",", -1);
        fields[header.indexOf("creation_timestamp")] = "170928";
        lines.set(1, String.join(",", fields));
        ChainLoad load = ChainFiles.load(Files.write(directory.resolve("short-stamp.csv"), lines));
        assertEquals(List.of("line 2 (" + fields[header.indexOf("instrument_name")] + "): creation_timestamp 170928 is"
                + " not a time between 2009 and 2099 in seconds, milliseconds, microseconds or nanoseconds since 1970"),
                ChainFiles.messages(load));
    }

    @Test
    void aTardisExpirationOffTheSymbolsDateRejectsItsRow() throws Exception {
        Path tardis = ChainFiles.resource("tardis-deribit-options-chain.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(tardis));
        lines.set(1, lines.get(1).replace(",1709884800000000,", ",1709884800000,").replace("BTC-8MAR24-60000-C",
                "BTC-9MAR24-60000-C"));
        ChainLoad load = ChainFiles.load(Files.write(directory.resolve("off.csv"), lines));
        assertEquals(List.of("line 2 (BTC-9MAR24-60000-C): expiry 2024-03-08T08:00:00Z is not on the date the"
                + " instrument name says (9MAR24)"), ChainFiles.messages(load));
    }

    @Test
    void aGenericExpiryOffTheInstrumentsDateRejectsItsRow() throws Exception {
        Path file = ChainFiles.write(directory, "off.csv", "instrument,expiry,strike,type,bid,ask,forward,timestamp",
                "BTC-29MAR24-60000-C,2024-03-28,60000,C,3000,3100,61000,2024-03-01T08:00:00Z",
                "BTC-29MAR24-60000-P,2024-03-29,60000,P,1900,2000,61000,2024-03-01T08:00:00Z");
        assertEquals(List.of("line 2 (BTC-29MAR24-60000-C): expiry 2024-03-28T08:00:00Z is not on the date the"
                + " instrument name says (29MAR24)"), ChainFiles.messages(ChainFiles.load(file)));
    }

    @Test
    void unitsAreToldApartBySize() {
        assertEquals(EpochUnit.SECONDS, EpochUnit.of(1_709_280_000L));
        assertEquals(EpochUnit.MILLISECONDS, EpochUnit.of(1_709_280_000_000L));
        assertEquals(EpochUnit.MICROSECONDS, EpochUnit.of(1_709_280_000_000_000L));
        assertEquals(EpochUnit.NANOSECONDS, EpochUnit.of(1_709_280_000_000_000_000L));
        for (EpochUnit unit : EpochUnit.values()) {
            assertEquals(VALUATION, unit.instant(VALUATION.getEpochSecond() * (unit == EpochUnit.SECONDS ? 1
                    : unit == EpochUnit.MILLISECONDS ? 1_000 : unit == EpochUnit.MICROSECONDS ? 1_000_000
                    : 1_000_000_000)), unit.label());
        }
    }
}
