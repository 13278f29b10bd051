package margo.polyglot;

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
import margo.dsl.syntax.SourceFile;
import margo.dsl.value.FitValue;
import margo.dsl.value.ModelValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
}
