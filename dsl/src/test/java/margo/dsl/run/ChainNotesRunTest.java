package margo.dsl.run;

import static margo.dsl.run.Recipes.located;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.diagnostic.Severity;
import margo.dsl.value.TableValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a load decided for a whole file is a note at the options call; iv_unit overrides the decision. */
class ChainNotesRunTest {

    @TempDir
    Path folder;

    @BeforeEach
    void writeChain() throws Exception {
        Files.writeString(folder.resolve("ivs.csv"), """
                instrument,expiry,strike,type,bid,ask,forward,mark_iv,timestamp
                BTC-29MAR24-60000-C,2024-03-29,60000,C,,,61000,1.6,2024-03-01T08:00:00Z
                BTC-29MAR24-62000-C,2024-03-29,62000,C,,,61000,1.8,2024-03-01T08:00:00Z
                BTC-29MAR24-64000-C,2024-03-29,64000,C,,,61000,2.0,2034-03-01T08:00:00Z
                """);
    }

    @Test
    void theVolatilityUnitIsANoteAndAnOutlierStampAWarningAtTheCall() {
        Execution execution = Recipes.run(folder, "data chain = options(\"ivs.csv\")\n");
        assertFalse(execution.hasErrors(), () -> located(execution.diagnostics()).toString());
        assertEquals(List.of("1:14 ivs.csv line 4 (BTC-29MAR24-64000-C): timestamp 2034-03-01T08:00:00Z is 10 years"
                        + " from the file's median stamp 2024-03-01T08:00:00Z; an outlier, not used for the valuation"
                        + " time",
                "1:14 ivs.csv: implied volatilities read as percent: 3 of 3 values (100%) are above 1.5"),
                located(execution.diagnostics()));
        assertEquals(List.of(Severity.WARNING, Severity.NOTE),
                execution.diagnostics().stream().map(Diagnostic::severity).toList());
    }

    @Test
    void ivUnitSaysTheFilesUnit() {
        Execution execution = Recipes.run(folder,
                "data chain = options(\"ivs.csv\", iv_unit \"decimal\")\nshow chain\n");
        assertFalse(execution.hasErrors(), () -> located(execution.diagnostics()).toString());
        assertTrue(located(execution.diagnostics()).contains(
                "1:14 ivs.csv: implied volatilities read as decimals, as set when loading the file"),
                () -> located(execution.diagnostics()).toString());
        TableValue chain = (TableValue) execution.shown().getFirst().value();
        assertEquals(1.6, chain.table().doubleColumn("mark_iv").getDouble(0), 0.0);
    }

    @Test
    void anUnknownIvUnitIsAnErrorAtTheArgument() {
        Execution execution = Recipes.run(folder, "data chain = options(\"ivs.csv\", iv_unit \"percentage\")\n");
        assertEquals(List.of("1:41 'iv_unit' must be one of percent, decimal; not \"percentage\""),
                located(execution.diagnostics()));
    }
}
