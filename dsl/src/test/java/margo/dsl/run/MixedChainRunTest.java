package margo.dsl.run;

import static margo.dsl.run.Recipes.located;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import margo.dsl.diagnostic.Diagnostic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A chain of BTC and ETH options: each a market of its own, and an error where one underlying is needed. */
class MixedChainRunTest {

    private static final String MIXED = "data chain = options(\"mixed.csv\")\n";
    private static final String ERROR = "chain mixes options on BTC (130 rows) and ETH (130 rows); a fit, a surface,"
            + " model prices and a book's market each take one underlying's options";
    private static final String HINT = "split it by underlying, e.g. data btc = chain { keep underlying == \"BTC\" }";

    @TempDir
    Path folder;

    /**
     * The Deribit sample, and the same quotes as ETH options with strikes and forwards a twentieth of BTC's: coin
     * prices depend only on strike over forward, so ETH's IVs are BTC's.
     */
    @BeforeEach
    void writeMixedChain() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("../examples/data/deribit-btc-sample.csv"));
        List<String> header = List.of(lines.getFirst().split(","));
        int name = header.indexOf("instrument_name");
        int price = header.indexOf("underlying_price");
        int index = header.indexOf("underlying_index");
        List<String> mixed = new ArrayList<>(lines);
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            String[] parts = fields[name].split("-");
            fields[name] = "ETH-" + parts[1] + "-" + Long.parseLong(parts[2]) / 20 + "-" + parts[3];
            fields[price] = Double.toString(Double.parseDouble(fields[price]) / 20);
            fields[index] = fields[index].replace("BTC", "ETH");
            mixed.add(String.join(",", fields));
        }
        Files.write(folder.resolve("mixed.csv"), mixed);
    }

    @Test
    void aFitOnAMixedChainIsAnErrorAtTheChainSayingHowToSplitIt() {
        Execution execution = Recipes.run(folder, MIXED + "model hs = heston\nfit hf = calibrate hs to chain\n");
        assertEquals(List.of("3:26 " + ERROR), located(errors(execution)));
        assertEquals(HINT, errors(execution).getFirst().hint());
    }

    @Test
    void aSurfaceOrABookOnAMixedChainIsTheSameError() throws Exception {
        Files.copy(Path.of("../examples/data/book.csv"), folder.resolve("book.csv"));
        Execution surface = Recipes.run(folder, MIXED + "surface sv = svi(chain)\n");
        assertEquals(List.of("2:18 " + ERROR), located(errors(surface)));
        Execution book = Recipes.run(folder,
                MIXED + "book desk = positions(\"book.csv\", market chain, index 61000)\n");
        assertEquals(List.of("2:42 " + ERROR), located(errors(book)));
    }

    @Test
    void keepingOneUnderlyingGivesAChainThatFitsAndValuesABook() throws Exception {
        Files.copy(Path.of("../examples/data/book.csv"), folder.resolve("book.csv"));
        Execution execution = Recipes.run(folder, MIXED + """
                data eth = chain { keep underlying == "ETH" }
                data btc = chain { keep underlying == "BTC" }
                surface sv = svi(eth)
                book desk = positions("book.csv", market btc, index 61000)
                show margin(desk, deribit_standard)
                """);
        assertFalse(execution.hasErrors(), () -> located(execution.diagnostics()).toString());
    }

    private static List<Diagnostic> errors(Execution execution) {
        return execution.diagnostics().stream().filter(Diagnostic::isError).toList();
    }
}
