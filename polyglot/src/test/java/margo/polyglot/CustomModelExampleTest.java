package margo.polyglot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import margo.core.models.CharacteristicFunctionModel;
import margo.core.models.CosPricer;
import margo.core.models.HestonParameters;
import margo.core.pricing.OptionType;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.run.Execution;
import margo.dsl.run.Mode;
import margo.dsl.run.Session;
import margo.dsl.run.Shown;
import margo.dsl.syntax.SourceFile;
import margo.dsl.plot.Figure;
import margo.dsl.plot.Series;
import margo.dsl.plot.Trace;
import margo.dsl.value.FigureValue;
import margo.dsl.value.FitValue;
import margo.dsl.value.ModelValue;
import margo.dsl.value.TableValue;
import margo.dsl.value.Value;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * The scripts of {@code examples/custom-model.margo}, as shipped: Heston in JavaScript prices as the built-in Heston
 * to 1e-10 of the forward and fits as it does, and Kou's model prices as an independent quadrature of its
 * characteristic function ({@code kou_reference.py}, which wrote {@code kou-reference.csv}).
 */
class CustomModelExampleTest {

    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
    private static String scripts;

    @BeforeAll
    static void readTheExamplesScripts() throws IOException {
        String example = Files.readString(EXAMPLES.resolve("custom-model.margo"), StandardCharsets.UTF_8);
        scripts = example.substring(example.indexOf("script js"), example.indexOf("model hs"));
    }

    private static Session session(String recipe) {
        Session session = new Session(EXAMPLES);
        Execution execution = session.run(new SourceFile("test.margo", scripts + recipe), Mode.RECIPE);
        List<String> errors = execution.diagnostics().stream().filter(Diagnostic::isError)
                .map(Diagnostic::message).collect(Collectors.toList());
        assertEquals(List.of(), errors);
        return session;
    }

    @Test
    void hestonInJavaScriptPricesAsTheBuiltInHeston() {
        double[] parameters = {0.567, 8.92, 0.364, 4.87, 0.175};   // the sample chain's fit
        Session session = session("""
                model hj = characteristic_function {
                  parameters { v0 = 0.567; kappa = 8.92; theta = 0.364; xi = 4.87; rho = 0.175 }
                  cf js heston_js
                }
                """);
        CharacteristicFunctionModel javaScript = ((ModelValue) session.valueOf("hj")).fixedModel();
        HestonParameters builtIn = HestonParameters.of(parameters);
        double forward = 62000;
        for (double t : new double[] {2.0 / 365, 0.1, 0.5, 1.5}) {
            for (double strike = 30000; strike <= 130000; strike += 5000) {
                OptionType type = strike < forward ? OptionType.PUT : OptionType.CALL;
                assertEquals(CosPricer.DEFAULT.price(builtIn, type, forward, strike, t),
                        CosPricer.DEFAULT.price(javaScript, type, forward, strike, t), 1e-10 * forward,
                        "K = " + strike + ", T = " + t);
            }
        }
    }

    @Test
    void hestonInJavaScriptFitsAsTheBuiltInHeston() {
        // The example's fit, started near its optimum: a few steps, which a test that interprets the script can
        // afford (the numerical Jacobian costs six pricings of the chain a step).
        Session session = session("""
                data chain = options("data/deribit-btc-sample.csv") {
                  keep bid_iv > 0 and ask_iv > 0
                  keep abs(log_moneyness) <= 0.3 and expiry >= 2d
                }
                model hs = heston { v0 in [0.01, 4] start 0.57  kappa in [0.1, 30] start 8.9  theta in [0.01, 4] start 0.36
                                    xi in [0.05, 8] start 4.9  rho in [-0.99, 0.99] start 0.17 }
                model hj = characteristic_function {
                  parameters { v0 in [0.01, 4] start 0.57  kappa in [0.1, 30] start 8.9  theta in [0.01, 4] start 0.36
                               xi in [0.05, 8] start 4.9  rho in [-0.99, 0.99] start 0.17 }
                  cf js heston_js
                }
                fit built_in = calibrate hs to chain { weight 1 / max(ask_iv - bid_iv, 0.5%) }
                fit in_js = calibrate hj to chain { weight 1 / max(ask_iv - bid_iv, 0.5%) }
                """);
        FitValue builtIn = (FitValue) session.valueOf("built_in");
        FitValue javaScript = (FitValue) session.valueOf("in_js");
        double[] expected = builtIn.result().parameters();
        double[] fitted = javaScript.result().parameters();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], fitted[i], 1e-4 * Math.abs(expected[i]) + 1e-6, "parameter " + i);
        }
        assertEquals(builtIn.result().rmse(), javaScript.result().rmse(), 1e-6 * builtIn.result().rmse());
    }

    @Test
    void kouMatchesAnIndependentQuadratureOfItsCharacteristicFunction() throws IOException {
        Session session = session("""
                model kj = characteristic_function {
                  parameters { sigma = 0.16; lambda = 1; q = 0.4; eta1 = 10; eta2 = 5 }
                  cf js kou
                }
                """);
        CharacteristicFunctionModel kou = ((ModelValue) session.valueOf("kj")).fixedModel();
        List<String> rows;
        try (InputStream in = getClass().getResourceAsStream("kou-reference.csv")) {
            rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
        }
        assertFalse(rows.isEmpty());
        for (String row : rows) {
            String[] cells = row.split(",");
            double t = Double.parseDouble(cells[0]);
            double strike = Double.parseDouble(cells[1]);
            OptionType type = OptionType.parse(cells[2]);
            double reference = Double.parseDouble(cells[3]);
            double price = CosPricer.DEFAULT.price(kou, type, 100.0, strike, t);
            assertEquals(reference, price, 1e-9 * 100.0, row);
            assertTrue(price > 0, row);
        }
    }

    @Test
    void aFitOfHestonInJavaScriptDrawsItsSmileAndPricesABookAsTheBuiltInHeston() {
        // Fits with every parameter fixed, so no search: the sample chain's fit, once built in and once in the script.
        String parameters = "v0 = 0.567; kappa = 8.92; theta = 0.364; xi = 4.87; rho = 0.175";
        Session session = new Session(EXAMPLES);
        Execution execution = session.run(new SourceFile("test.margo", scripts + """
                data chain = options("data/deribit-btc-sample.csv")
                data near = options("data/deribit-btc-sample.csv") {
                  keep bid_iv > 0 and ask_iv > 0 and abs(log_moneyness) <= 0.3 and expiry >= 2d
                }
                book desk = positions("data/book.csv", market chain)
                rules pm = portfolio_margin { price_range 16% }
                model hs = heston { PARAMETERS }
                model hj = characteristic_function { parameters { PARAMETERS }  cf js heston_js }
                fit built_in = calibrate hs to near
                fit in_js = calibrate hj to near
                plot smile(built_in)
                plot smile(in_js)
                show margin(desk, pm, priced_by built_in)
                show margin(desk, pm, priced_by in_js)
                show margin(desk, pm)
                """.replace("PARAMETERS", parameters)), Mode.RECIPE);
        assertEquals(List.of(), execution.diagnostics().stream().filter(Diagnostic::isError)
                .map(Diagnostic::message).toList());
        List<Value> shown = execution.shown().stream().map(Shown::value).toList();
        Figure builtInSmile = ((FigureValue) shown.get(0)).figure();
        Figure javaScriptSmile = ((FigureValue) shown.get(1)).figure();
        assertEquals(builtInSmile.panels().size(), javaScriptSmile.panels().size());
        int curves = 0;
        for (int p = 0; p < builtInSmile.panels().size(); p++) {
            List<Trace> expected = builtInSmile.panels().get(p).traces();
            List<Trace> drawn = javaScriptSmile.panels().get(p).traces();
            assertEquals(expected.size(), drawn.size(), "panel " + p);
            for (int t = 0; t < expected.size(); t++) {
                if (expected.get(t) instanceof Series series) {
                    Series other = (Series) drawn.get(t);
                    assertArrayEquals(series.x(), other.x(), "panel " + p + ", " + series.name());
                    assertArrayEquals(series.y(), other.y(), 1e-8, "panel " + p + ", " + series.name() + " (vol %)");
                    curves++;
                }
            }
        }
        assertTrue(curves >= 2 * builtInSmile.panels().size(), "market and model in every panel: " + curves);
        Table builtInMargin = ((TableValue) shown.get(2)).table();
        Table javaScriptMargin = ((TableValue) shown.get(3)).table();
        assertEquals(builtInMargin.rowCount(), javaScriptMargin.rowCount());
        assertTrue(builtInMargin.rowCount() > 0);
        int numbers = 0;
        for (String column : builtInMargin.columnNames()) {
            if (builtInMargin.column(column) instanceof DoubleColumn values) {
                DoubleColumn other = javaScriptMargin.doubleColumn(column);
                for (int row = 0; row < values.size(); row++) {
                    double expected = values.getDouble(row);
                    if (Double.isFinite(expected)) {
                        assertEquals(expected, other.getDouble(row), 1e-7 * Math.max(1, Math.abs(expected)),
                                column + ", row " + row);
                        numbers++;
                    } else {
                        assertEquals(expected, other.getDouble(row), column + ", row " + row + " (none)");
                    }
                }
            } else {
                assertEquals(builtInMargin.column(column).asList(), javaScriptMargin.column(column).asList(), column);
            }
        }
        assertTrue(numbers > 10, "margins compared: " + numbers);
        Table atMarks = ((TableValue) shown.get(4)).table();
        assertTrue(builtInMargin.columnNames().stream().anyMatch(column -> builtInMargin.column(column) instanceof DoubleColumn
                && !builtInMargin.doubleColumn(column).asList().equals(atMarks.doubleColumn(column).asList())),
                "the model, not the chain's marks, priced the book");
    }
}
