package margo.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.output.Cells;
import margo.dsl.run.Execution;
import margo.dsl.run.Recipes;
import margo.dsl.run.Shown;
import margo.dsl.value.ReportValue;
import margo.dsl.value.TableValue;
import margo.dsl.value.Value;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Everything the text output shows is in the JSON output, for every kind of value a recipe can show: each word of
 * the text is a key or a word of a string in the JSON, and each number of the text is, to the digits shown, a
 * number of the JSON (or the size of one of its arrays or objects, for "5 rows × 3 columns"). A kind of value without a sample here
 * fails {@link #everyKindOfValueHasASample()}: add one when you add a kind, with its JSON mapping and its entry in
 * docs/json-output.md.
 */
class JsonMatchesTextTest {

    private static final Path EXAMPLES = Path.of("../examples");

    /** One recipe that shows a value of every kind the language makes, non-finite numbers among them. */
    private static final String EVERY_KIND = """
            data chain = options("data/deribit-btc-sample.csv") {
              keep bid_iv > 0 and ask_iv > 0 and abs(log_moneyness) <= 0.2 and expiry >= 20d and expiry <= 40d
            }
            show 1 / 3
            show 16%
            show 7d
            show 1 / 0
            show -1 / 0
            show "a word"
            show 2 > 1
            show 2024-03-29T08:00:00Z
            show [1, 2.5, "x"]
            show chain { columns [instrument, strike, mid_iv, expiry] }
            plot smile(chain)
            show deribit_standard
            book desk = positions("data/book.csv", market chain, index 61000)
            show desk
            show margin(desk, deribit_standard)
            surface sv = svi(chain)
            show sv
            model hs = heston { rho = -0.3; require 2 * kappa * theta >= xi^2 penalty 100 }
            show hs
            fit hf = calibrate hs to chain { method levenberg_marquardt { max_iterations 15 } starts 2 }
            show hf
            show layout(forward "underlying_price", iv_unit "percent")
            data btc = history("data/btc-usd-daily-close-yahoo.csv")
            show haircut(btc, add_on 1%)
            show hedge(desk, "covered-call") { using ["BTC-PERPETUAL", "BTC-29MAR24-66000-C"]  target { net_delta 0 +/- 0.3 } }
            data week = snapshots("data/heston-series") { keep snapshot <= 2024-03-02T08:00:00Z }
            fit hw = calibrate hs to week
            show hw
            """;

    /** Words that only lay text out: table shapes, list bullets, the figure's pointer to HTML. */
    private static final Set<String> LAYOUT = Set.of("row", "rows", "column", "columns", "×", "…", "more", "-",
            "line", "in", "s", "a", "chart", "see", "it", "with", "--format", "html");

    private static List<Shown> shown;

    @BeforeAll
    static void runEveryKind() {
        Execution execution = Recipes.run(EXAMPLES, EVERY_KIND);
        // The fit is capped at 15 iterations: it fails as not converged, which its report shows too.
        for (Diagnostic diagnostic : execution.diagnostics().stream().filter(Diagnostic::isError).toList()) {
            assertTrue(diagnostic.message().startsWith("fit hf failed: the solver reached its iteration limit"),
                    diagnostic.message());
        }
        shown = new ArrayList<>(execution.shown());
        // No statement shows a bare report today; history's risk reports will. A timed one, built by hand.
        Table table = Table.create("levels", StringColumn.create("level", "99%"),
                DoubleColumn.create("value", new double[] {Double.NaN}));
        shown.add(new Shown(99, "report", new ReportValue("a report", List.of(new ReportValue.Section(
                "levels (USD)", new TableValue(table, null))), List.of("note: NaN where undefined"),
                new ReportValue.Timing("estimated", Duration.ofMillis(1234)))));
    }

    @Test
    void everyKindOfValueHasASample() {
        Set<Class<?>> sampled = new HashSet<>();
        shown.forEach(s -> sampled.add(s.value().getClass()));
        for (Class<?> kind : concreteKinds(Value.class)) {
            assertTrue(sampled.contains(kind), kind.getSimpleName() + " has no sample in EVERY_KIND: add a"
                    + " statement that shows one, its case in JsonRenderer and its entry in docs/json-output.md");
        }
    }

    static Stream<Shown> samples() {
        if (shown == null) {
            runEveryKind();
        }
        return shown.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyWordAndNumberOfTheTextIsInTheJson(Shown sample) {
        Execution one = new Execution(List.of(), List.of(sample));
        String text = Report.text(one, true);
        JsonObject output = JsonParser.parseString(Report.json("test.margo", one, true)).getAsJsonObject()
                .getAsJsonArray("outputs").get(0).getAsJsonObject();
        Set<String> words = new HashSet<>();
        List<Double> numbers = new ArrayList<>();
        collect(output, words, numbers);
        List<String> missing = new ArrayList<>();
        for (String token : tokens(text)) {
            // A cell with no value reads "none" in text and is the string "NaN" in JSON.
            boolean noValue = token.equals(Cells.NO_VALUE) && words.contains("NaN");
            if (!words.contains(token) && !LAYOUT.contains(token) && !matchesANumber(token, numbers) && !noValue) {
                missing.add(token);
            }
        }
        assertEquals(List.of(), missing, "shown in text but not in JSON, for " + sample.value().kind() + ":\n"
                + text + "\n" + output);
    }

    @Test
    void nonFiniteNumbersAreSpelledOutAndTheTimingIsNamedInSeconds() {
        Map<String, JsonElement> byName = new LinkedHashMap<>();
        Execution all = new Execution(List.of(), shown);
        for (JsonElement output : JsonParser.parseString(Report.json("test.margo", all, true)).getAsJsonObject()
                .getAsJsonArray("outputs")) {
            byName.put(output.getAsJsonObject().get("name").getAsString(), output);
        }
        assertEquals("Infinity", value(byName, "1 / 0").getAsString());
        assertEquals("-Infinity", value(byName, "-1 / 0").getAsString());
        assertEquals("percent", byName.get("16%").getAsJsonObject().get("display").getAsString());
        assertEquals("duration", byName.get("7d").getAsJsonObject().get("kind").getAsString());
        JsonObject timing = value(byName, "hf").getAsJsonObject().getAsJsonObject("timing");
        assertTrue(timing.get("elapsed_seconds").getAsDouble() > 0, timing.toString());
        assertEquals("NaN", value(byName, "report").getAsJsonObject().getAsJsonObject("sections")
                .getAsJsonArray("levels (USD)").get(0).getAsJsonObject().get("value").getAsString());
        JsonObject untimed = JsonParser.parseString(Report.json("test.margo", all, false)).getAsJsonObject();
        assertTrue(untimed.toString().contains("\"timing\":null"), "--no-timings leaves the timing out");
        assertFalse(untimed.toString().contains("elapsed_seconds"), "--no-timings leaves the timing out");
    }

    private static JsonElement value(Map<String, JsonElement> byName, String name) {
        JsonElement output = byName.get(name);
        assertNotNull(output, name + " among " + byName.keySet());
        return output.getAsJsonObject().get("value");
    }

    /**
     * Every key, every word of every string (and the string whole), every number and every array length and object
     * size (for "16 rows × 4 columns").
     */
    private static void collect(JsonElement element, Set<String> words, List<Double> numbers) {
        if (element.isJsonObject()) {
            numbers.add((double) element.getAsJsonObject().size());
            for (Map.Entry<String, JsonElement> entry : element.getAsJsonObject().entrySet()) {
                words.add(entry.getKey());
                words.addAll(tokens(entry.getKey()));
                collect(entry.getValue(), words, numbers);
            }
        } else if (element.isJsonArray()) {
            JsonArray array = element.getAsJsonArray();
            numbers.add((double) array.size());
            array.forEach(item -> collect(item, words, numbers));
        } else if (element.isJsonPrimitive()) {
            JsonPrimitive primitive = element.getAsJsonPrimitive();
            if (primitive.isNumber()) {
                numbers.add(primitive.getAsDouble());
            } else {
                String string = primitive.getAsString();
                words.add(string);
                List<String> parts = tokens(string);
                words.addAll(parts);
                parts.forEach(part -> parseNumber(part).ifPresent(n -> numbers.add(n[0])));
            }
        }
    }

    /** Whitespace-separated words with the brackets, quotes and commas of lists and headings taken off. */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (String raw : text.split("\\s+")) {
            String token = raw.replaceAll("^[\\[(\"]+|[\\]),:;\"]+$", "");
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    /** Whether the text's number, read to the digits it shows, is one of the JSON's. */
    private static boolean matchesANumber(String token, List<Double> numbers) {
        var parsed = parseNumber(token);
        if (parsed.isEmpty()) {
            return false;
        }
        double value = parsed.get()[0];
        double tolerance = parsed.get()[1];
        for (double n : numbers) {
            if (Math.abs(n - value) <= tolerance) {
                return true;
            }
        }
        return false;
    }

    /** {value, half a unit of the last digit shown}, reading {@code 16%} as 0.16 and {@code 7d} as 7/365 years. */
    private static java.util.Optional<double[]> parseNumber(String token) {
        double scale = 1.0;
        String digits = token;
        if (token.endsWith("%")) {
            scale = 0.01;
            digits = token.substring(0, token.length() - 1);
        } else if (token.matches("-?\\d+d")) {
            scale = 1.0 / 365;
            digits = token.substring(0, token.length() - 1);
        } else if (token.matches("-?\\d+h")) {
            scale = 1.0 / (365 * 24);
            digits = token.substring(0, token.length() - 1);
        } else if (token.matches("-?\\d+\\.\\d+y")) {
            digits = token.substring(0, token.length() - 1);
        }
        if (!digits.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
            return java.util.Optional.empty();
        }
        String mantissa = digits.split("[eE]")[0];
        int decimals = mantissa.contains(".") ? mantissa.length() - mantissa.indexOf('.') - 1 : 0;
        int exponent = digits.matches(".*[eE].*") ? Integer.parseInt(digits.split("[eE]")[1]) : 0;
        double half = 0.5 * Math.pow(10, exponent - decimals) * (1 + 1e-9);
        return java.util.Optional.of(new double[] {Double.parseDouble(digits) * scale, half * scale});
    }

    /** The records that implement {@code type}, through its sealed subinterfaces. */
    private static List<Class<?>> concreteKinds(Class<?> type) {
        List<Class<?>> kinds = new ArrayList<>();
        if (!type.isSealed()) {
            kinds.add(type);
            return kinds;
        }
        for (Class<?> permitted : type.getPermittedSubclasses()) {
            kinds.addAll(concreteKinds(permitted));
        }
        return kinds;
    }
}
