package margo.dsl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/language.md, "Mistakes", for books, rules and surfaces: bad settings and bad data are errors, never traces. */
class MarginNoStackTraceTest {

    private static final String CHAIN = "data chain = options(\"data/chain.csv\")\n";
    private static final String BOOK = CHAIN + "book d = positions(\"data/book.csv\", market chain)\n";

    private static final List<String> BAD_RECIPES = List.of(
            CHAIN + "book d = positions(\"data/missing.csv\", market chain)",
            CHAIN + "book d = positions(\"data/binary.csv\", market chain)",
            CHAIN + "book d = positions(\"data/not-a-book.csv\", market chain)",
            CHAIN + "book d = positions(\"data/book.csv\", market chain, index -5)",
            "data chain = options(\"data/chain.csv\") { keep strike < 0 }\nbook d = positions(\"data/book.csv\", market chain)",
            "data t = options(\"data/chain.csv\") { set forward = 0 }\nbook d = positions(\"data/book.csv\", market t)",
            "rules r = portfolio_margin { extended [0] }",
            "rules r = portfolio_margin { price_points 1 }",
            "rules r = portfolio_margin { min_expiry 0d }",
            "rules r = span { price_scan 60% }",
            "rules r = span { price_scan 0 }",
            "rules r = deribit_standard { future_initial -1% }",
            BOOK + "show stress(d) { price -150% }",
            BOOK + "show what_if(d, \"BTC-29MAR24-70000-C\", 0, span)",
            BOOK + "show what_if(d, \"garbage\", 1, span)",
            BOOK + "show what_if(d, \"ETH-29MAR24-3000-C\", 1, span)",
            CHAIN + "surface s = svi(chain) { quotes mark }\nsurface t = sabr(chain) { beta 2 }",
            "data chain = options(\"data/chain.csv\") { keep strike < 0 }\nsurface s = ssvi(chain)",
            "surface s = svi(1)",
            "let x = vol_of(svi(chain), 1, 0)");

    @TempDir
    Path folder;

    @Test
    void noBadBookRulesOrSurfacePrintsAStackTrace() throws IOException {
        Files.createDirectories(folder.resolve("data"));
        Files.writeString(folder.resolve("data/not-a-book.csv"), "a,b\n1,2\n");
        Files.write(folder.resolve("data/binary.csv"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0x80});
        Files.copy(Path.of("../examples/data/deribit-btc-sample.csv"), folder.resolve("data/chain.csv"));
        Files.copy(Path.of("../examples/data/book.csv"), folder.resolve("data/book.csv"));
        NoStackTraceTest.assertNoStackTrace(folder, BAD_RECIPES);
    }
}
