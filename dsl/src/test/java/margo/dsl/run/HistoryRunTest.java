package margo.dsl.run;

import static margo.dsl.run.Recipes.located;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import margo.dsl.value.TableValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** {@code history(...)} in recipes: a table of bars, each row problem a warning at the call naming file and line. */
class HistoryRunTest {

    private static final Path EXAMPLES = Path.of("../examples");

    @TempDir
    Path folder;

    private Execution runWith(String csv, String recipe) throws Exception {
        Files.writeString(folder.resolve("h.csv"), csv);
        return Recipes.run(folder, recipe);
    }

    private static Table shown(Execution execution) {
        assertFalse(execution.hasErrors(), () -> located(execution.diagnostics()).toString());
        return ((TableValue) execution.shown().getFirst().value()).table();
    }

    @Test
    void historyIsATableOfBarsWithLogReturns() throws Exception {
        Table table = shown(runWith("Date,Close\n2024-01-01,100\n2024-01-02,110\n", "history(\"h.csv\")"));
        assertEquals(List.of("time", "open", "high", "low", "close", "volume", "log_return"), table.columnNames());
        assertEquals(Instant.parse("2024-01-02T00:00:00Z"), table.instantColumn("time").get(1));
        assertEquals(Math.log(1.1), table.doubleColumn("log_return").getDouble(1), 1e-15);
        assertTrue(Double.isNaN(table.doubleColumn("log_return").getDouble(0)));
        assertTrue(Double.isNaN(table.doubleColumn("open").getDouble(0)));
    }

    @Test
    void eachRowProblemIsAWarningAtTheCallNamingTheFileLineAndRepair() throws Exception {
        Execution execution = runWith("date,close\n2024-01-01,100\n2024-01-02,-1\n2024-01-03,101\n2024-01-03,101\n"
                + "2024-01-04,101\n", "let h = history(\"h.csv\")\nshow h");
        assertEquals(3, shown(execution).rowCount());
        assertEquals(List.of(
                "1:9 h.csv line 3: close is negative (-1): a price must be positive (left out)",
                "1:9 h.csv line 5: 2024-01-03 is also on line 4, with the same close (left out; line 4 kept)",
                "1:9 h.csv line 6: the close 101 at 2024-01-04 repeats the bar before exactly, a stale print?"
                        + " (kept: a zero return)"), located(execution.diagnostics()));
    }

    @Test
    void manyRowsWithOneProblemAreListedFiveTimesThenCounted() throws Exception {
        StringBuilder csv = new StringBuilder("date,close\n");
        for (int day = 1; day <= 9; day++) {
            csv.append("2024-01-0").append(day).append(",").append(day == 1 ? "100" : "bad").append("\n");
        }
        csv.append("2024-01-10,101\n");
        List<String> warnings = located(runWith(csv.toString(), "history(\"h.csv\")").diagnostics());
        assertEquals(HistoryBuiltins.LISTED_PER_PROBLEM + 1, warnings.size(), warnings::toString);
        assertEquals("1:1 h.csv: 3 more rows with the problem unparseable, the first on line 8", warnings.getLast());
    }

    @Test
    void namedColumnsOverrideTheDetectedOnes() throws Exception {
        Table table = shown(runWith("day,close,adjusted\n2024-01-01,100,50\n2024-01-02,101,51\n",
                "history(\"h.csv\", time \"day\", close \"adjusted\")"));
        assertEquals(51, table.doubleColumn("close").getDouble(1));
    }

    @Test
    void unusableHistoryIsAnErrorAtTheCallWithAHint() throws Exception {
        Execution execution = runWith("when,value\n2024-01-01,100\n", "data h = history(\"h.csv\")");
        assertTrue(execution.hasErrors());
        assertEquals(List.of("1:10 cannot use h.csv as a price history: " + folder.resolve("h.csv")
                + " has no time column (looked for timestamp, timestamps, time, datetime, date); its columns are"
                + " when, value; name the column with time \"COLUMN\""), located(execution.diagnostics()));
        assertEquals("name the columns with history(\"h.csv\", time \"COLUMN\", close \"COLUMN\")",
                execution.diagnostics().getFirst().hint());
    }

    @Test
    void keepFiltersAHistoryByTime() {
        Execution execution = Recipes.run(EXAMPLES, "data eth = history(\"data/eth-usd-daily-close-yahoo.csv\") {\n"
                + "  keep time >= 2020-01-01 and time < 2021-01-01\n}\nshow eth");
        assertEquals(List.of(), located(execution.diagnostics()));
        assertEquals(366, shown(execution).rowCount());
    }

    @Test
    void realBitcoinHistoryWarnsOfItsOneStalePrint() {
        Execution execution = Recipes.run(EXAMPLES, "history(\"data/btc-usd-daily-close-yahoo.csv\")");
        List<String> warnings = located(execution.diagnostics());
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.getFirst().startsWith("1:1 data/btc-usd-daily-close-yahoo.csv line 897: the close"),
                warnings.getFirst());
        assertEquals(4305, shown(execution).rowCount());
    }
}
