package margo.dsl.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import margo.dsl.syntax.SourceFile;
import margo.dsl.value.NumberValue;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class EvaluationProperties {

    /** An arithmetic expression as recipe text together with the value Java computes for it, operation by operation. */
    record Arithmetic(String text, double value) {}

    @Provide
    Arbitrary<Arithmetic> arithmetic() {
        return expression(4);
    }

    private Arbitrary<Arithmetic> expression(int depth) {
        Arbitrary<Arithmetic> number = Arbitraries.integers().between(0, 99_999).flatMap(whole ->
                Arbitraries.integers().between(0, 3).map(decimals -> {
                    String text = decimals == 0 ? Integer.toString(whole)
                            : String.format(java.util.Locale.ROOT, "%." + decimals + "f", whole / Math.pow(10, decimals));
                    return new Arithmetic(text, Double.parseDouble(text));
                }));
        if (depth == 0) {
            return number;
        }
        Arbitrary<Arithmetic> smaller = expression(depth - 1);
        Arbitrary<Arithmetic> binary = net.jqwik.api.Combinators.combine(smaller, smaller,
                Arbitraries.of("+", "-", "*", "/", "^", "min", "max")).as((a, b, op) -> switch (op) {
                    case "+" -> new Arithmetic("(" + a.text() + " + " + b.text() + ")", a.value() + b.value());
                    case "-" -> new Arithmetic("(" + a.text() + " - " + b.text() + ")", a.value() - b.value());
                    case "*" -> new Arithmetic("(" + a.text() + " * " + b.text() + ")", a.value() * b.value());
                    case "/" -> new Arithmetic("(" + a.text() + " / " + b.text() + ")", a.value() / b.value());
                    case "^" -> new Arithmetic("(" + a.text() + " ^ " + b.text() + ")", Math.pow(a.value(), b.value()));
                    case "min" -> new Arithmetic("min(" + a.text() + ", " + b.text() + ")", Math.min(a.value(), b.value()));
                    default -> new Arithmetic("max(" + a.text() + ", " + b.text() + ")", Math.max(a.value(), b.value()));
                });
        Arbitrary<Arithmetic> unary = net.jqwik.api.Combinators.combine(smaller,
                Arbitraries.of("-", "abs", "sqrt", "log", "exp")).as((a, op) -> switch (op) {
                    // Parenthesised whole: -x ^ y is -(x ^ y), as in mathematics.
                    case "-" -> new Arithmetic("(-(" + a.text() + "))", -a.value());
                    case "abs" -> new Arithmetic("abs(" + a.text() + ")", Math.abs(a.value()));
                    case "sqrt" -> new Arithmetic("sqrt(" + a.text() + ")", Math.sqrt(a.value()));
                    case "log" -> new Arithmetic("log(" + a.text() + ")", Math.log(a.value()));
                    default -> new Arithmetic("exp(" + a.text() + ")", Math.exp(a.value()));
                });
        return Arbitraries.oneOf(number, binary, unary);
    }

    @Property(tries = 500)
    void compiledArithmeticGivesTheSameBitsAsJava(@ForAll("arithmetic") Arithmetic arithmetic) {
        Execution execution = new Session(Path.of(".")).run(new SourceFile("p.margo", "let x = " + arithmetic.text() + "\nx"),
                Mode.RECIPE);
        assertFalse(execution.hasErrors(), () -> arithmetic.text() + ": " + Recipes.located(execution.diagnostics()));
        double value = ((NumberValue) execution.shown().getFirst().value()).value();
        assertEquals(Double.doubleToLongBits(arithmetic.value()), Double.doubleToLongBits(value),
                () -> arithmetic.text() + " = " + arithmetic.value() + ", Margo says " + value);
    }

    /** Fragments of recipes, glued at random, over the names of a real chain. */
    @Provide
    Arbitrary<String> recipeLikeText() {
        Arbitrary<String> fragment = Arbitraries.of(List.of(
                "data", "let", "show", "keep", "set", "x", "chain", "options(\"data/chain.csv\")", " = ", "{", "}", "(",
                ")", "[", "]", ",", "\n", " ", "1", "16%", "2d", "2024-03-29T08:00Z", "\"call\"", "+", "-", "*", "/", "^",
                "<", ">=", "==", "and", "or", "not", "bid", "mid_iv", "expiry", "type", "strike", "black(", "implied_vol(",
                "abs(", "max(", "columns", "rows", "set y = ", "show chain { columns [", "keep expiry >= 7d\n", "time_to_expiry", "let y = ", "show ", "}\n", "mid_usd", "forward", "data chain = options(\"data/chain.csv\") {\n", "keep bid > 0\n"));
        return fragment.list().ofMaxSize(30).map(parts -> String.join("", parts));
    }

    @Property(tries = 1000)
    void checkingAndRunningNeverThrowWhateverTheText(@ForAll("recipeLikeText") String text) throws Exception {
        Path folder = java.nio.file.Files.createTempDirectory("margo-property");
        try {
            java.nio.file.Files.createDirectories(folder.resolve("data"));
            java.nio.file.Files.writeString(folder.resolve("data/chain.csv"), SampleChain.DERIBIT_CSV);
            Session session = new Session(folder);
            session.check(new SourceFile("p.margo", text), Mode.RECIPE);
            session.run(new SourceFile("p.margo", text), Mode.RECIPE);
            session.run(new SourceFile("cell[2]", text), Mode.CELL);
        } finally {
            try (var files = java.nio.file.Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
