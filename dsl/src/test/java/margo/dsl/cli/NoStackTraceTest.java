package margo.dsl.cli;

import static margo.dsl.cli.MainTest.margo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/language.md, "Mistakes": no user error ever shows a Java stack trace. Every recipe here has an error, found
 * by the checker or, for data, when it runs ({@code check} reads no data, so it may pass those).
 */
class NoStackTraceTest {

    private static final List<String> BAD_RECIPES = List.of(
            "let x = ",
            "data chain = options(\"data/missing.csv\")\nshow chain",
            "data chain = options(\"data/not-a-chain.csv\")",
            "data chain = options(\"data/binary.csv\")",
            "data chain = options(\"data\")",
            "data chain = options(\"data/chain.csv\", format \"tardis_csv\")",
            "data chain = options(\"data/chain.csv\", format \"xml\")",
            "let f = \"xml\"\ndata chain = options(\"data/chain.csv\", format f)",
            "let when = 2024-03-01T08:00Z\nlet p = \"data/\"\ndata chain = options(p, as_of when)",
            "show black(1, 2)",
            "let t = \"c\" + 1",
            "let t = 2024-03-29T08:00Z - 1",
            "show 1 { rows 0 }",
            "show 1 { columns [a] }",
            "data chain = options(\"data/chain.csv\") {\n  set t = type\n  keep black(forward, strike, 1d, 0.5, instrument) > 0\n}",
            "model hs = heston { v0 in [0.01, 4] start 0.5 }\nfit f = calibrate hs to chain { target implied_vol }",
            "function f(a) = a * 2\nscript js \"\"\"function g() {}\"\"\" exports g\nexport chain to \"x.csv\"",
            "let r = 1 .. 10 step 2",
            "data = = =\n}}}\n\"unterminated",
            "let x = 1\nlet x = 2\nshow y",
            "\u0000\u0001\u0002",
            "");

    @TempDir
    Path folder;

    @Test
    void noBadRecipeOrBadDataPrintsAStackTrace() throws IOException {
        Files.createDirectories(folder.resolve("data"));
        Files.writeString(folder.resolve("data/not-a-chain.csv"), "a,b\n1,2\n");
        Files.write(folder.resolve("data/binary.csv"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0x80});
        Files.writeString(folder.resolve("data/chain.csv"),
                margo.dsl.run.SampleChain.DERIBIT_CSV);
        assertNoStackTrace(folder, BAD_RECIPES);
    }

    /** Runs and checks each recipe in {@code folder} (text and JSON): no trace, and a run of one fails. */
    static void assertNoStackTrace(Path folder, List<String> recipes) throws IOException {
        int index = 0;
        for (String text : recipes) {
            Path recipe = folder.resolve("bad" + index++ + ".margo");
            Files.writeString(recipe, text);
            for (List<String> args : List.of(List.of("run", recipe.toString()), List.of("check", recipe.toString()),
                    List.of("run", recipe.toString(), "--format", "json"))) {
                MainTest.Result result = margo(args.toArray(String[]::new));
                String output = result.out() + result.err();
                assertFalse(output.contains("Exception"), () -> text + "\n" + output);
                assertFalse(output.contains("at margo."), () -> text + "\n" + output);
                assertFalse(output.contains("internal error"), () -> text + "\n" + output);
                if (!text.isEmpty() && args.getFirst().equals("run")) {
                    assertNotEquals(0, result.exit(), () -> args + " of:\n" + text + "\n" + output);
                }
            }
        }
    }
}
