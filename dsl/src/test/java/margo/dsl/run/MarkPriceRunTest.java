package margo.dsl.run;

import static margo.dsl.run.Recipes.located;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import margo.dsl.value.BookValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** A book says what each option is valued at: the data's mark price where the chain has one, else its mark IV. */
class MarkPriceRunTest {

    @TempDir
    Path folder;

    @Test
    void aBookShowsItsOptionsValuedAtTheDatasMarkPriceOrElseAtTheMarkIv() throws Exception {
        Path examples = Path.of("../examples/data").toAbsolutePath().normalize();
        Files.copy(examples.resolve("deribit-collector-btc-eth.csv"), folder.resolve("collector.csv"));
        Files.writeString(folder.resolve("book.csv"), String.join("\n", "account,instrument,size,average_price",
                "desk,BTC,2,", "desk,BTC-26SEP25-108000-C,-1,0.05", "desk,BTC-26SEP25-109000-C,1,0.05", ""));
        Execution execution = Recipes.run(folder, """
                data btc = options("collector.csv", forward "underlying", mark_iv "implied_volatility",
                                   timestamp "timestamp") { keep underlying == "BTC" }
                book desk = positions("book.csv", market btc, index 111000)
                show desk
                show margin(desk, deribit_standard)
                """);
        assertFalse(execution.hasErrors(), () -> located(execution.diagnostics()).toString());
        Table book = ((BookValue) execution.shown().getFirst().value()).display().table();
        assertEquals(List.of("", "mark price", "interpolated mark IV"), book.stringColumn("valued_at").asList());
    }
}
