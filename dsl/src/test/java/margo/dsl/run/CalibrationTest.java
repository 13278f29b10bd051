package margo.dsl.run;

import static margo.dsl.run.Recipes.check;
import static margo.dsl.run.Recipes.located;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import margo.core.calibration.CalibrationResult;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.output.HtmlRenderer;
import margo.dsl.output.JsonRenderer;
import margo.dsl.output.TextRenderer;
import margo.dsl.syntax.SourceFile;
import margo.dsl.plot.Figure;
import margo.dsl.plot.Marks;
import margo.dsl.plot.Panel;
import margo.dsl.plot.Series;
import margo.dsl.plot.SmilePlot;
import margo.dsl.value.FigureValue;
import margo.dsl.value.FitValue;
import margo.dsl.value.ModelValue;
import margo.dsl.value.TableValue;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    private static final Path EXAMPLES = Path.of("../examples");

    /** Near-the-money two-sided quotes of two expiries of the sample chain: 20-odd quotes, fast to fit. */
    private static final String CHAIN = """
            data chain = options("data/deribit-btc-sample.csv") {
              keep bid_iv > 0 and ask_iv > 0 and abs(log_moneyness) <= 0.15
              keep expiry >= 20d and expiry <= 60d
            }
            """;

    /** The chain's quotes repriced by a Heston model with known parameters, and a free Heston model to fit. */
    private static final String SYNTHETIC = CHAIN + """
            model truth = heston { v0 = 0.45; kappa = 2.5; theta = 0.6; xi = 1.2; rho = -0.35 }
            data synthetic = price(truth, chain) {
              keep model_iv > 0
              set mid_iv = model_iv
            }
            model hs = heston
            """;

    private static Session run(String text) {
        Session session = new Session(EXAMPLES);
        Execution execution = session.run(new SourceFile("test.margo", text), Mode.RECIPE);
        assertFalse(execution.hasErrors(), () -> String.join("\n", located(execution.diagnostics())));
        return session;
    }

    /**
     * Runs a recipe whose fit is capped at a few iterations to keep the test fast: the fit fails, honestly, as not
     * converged, and nothing else goes wrong.
     */
    private static Session runCapped(String text) {
        Session session = new Session(EXAMPLES);
        Execution execution = session.run(new SourceFile("test.margo", text), Mode.RECIPE);
        List<String> errors = execution.diagnostics().stream().filter(Diagnostic::isError)
                .map(Diagnostic::message).toList();
        assertFalse(errors.isEmpty(), "a capped fit fails as not converged");
        for (String error : errors) {
            assertTrue(error.startsWith("fit hf failed: the solver reached its iteration limit"), error);
        }
        return session;
    }

    @Test
    void hestonRecoversTheParametersThatPricedTheChain() {
        Session session = run(SYNTHETIC + """
                fit hf = calibrate hs to synthetic { starts 1 }
                """);
        CalibrationResult result = ((FitValue) session.valueOf("hf")).result();
        double[] truth = {0.45, 2.5, 0.6, 1.2, -0.35};
        assertTrue(result.rmse() < 1e-4, "rmse " + result.rmse() + " vol points");
        for (int i = 0; i < truth.length; i++) {
            assertEquals(truth[i], result.parameters()[i], 1e-3 * Math.max(1, Math.abs(truth[i])),
                    result.parameterNames().get(i));
        }
    }

    @Test
    void theSmileOfAFitDrawsTheModelThroughTheQuotesItReproduces() {
        Session session = new Session(EXAMPLES);
        Execution execution = session.run(new SourceFile("test.margo", SYNTHETIC + """
                fit hf = calibrate hs to synthetic { starts 1 }
                plot smile(hf)
                """), Mode.RECIPE);
        assertFalse(execution.hasErrors(), () -> String.join("\n", located(execution.diagnostics())));
        Figure figure = ((FigureValue) execution.shown().getLast().value()).figure();
        assertEquals(2, figure.panels().size());
        for (Panel panel : figure.panels()) {
            Series model = (Series) panel.traces().stream().filter(t -> t.name().equals(SmilePlot.MODEL))
                    .findFirst().orElseThrow();
            assertEquals(Marks.LINES, model.marks());
            assertEquals(101, model.size());
            List<Series> quotes = panel.traces().stream().filter(t -> !t.name().equals(SmilePlot.MODEL))
                    .map(Series.class::cast).toList();
            double firstX = quotes.stream().mapToDouble(q -> q.x()[0]).min().orElseThrow();
            double lastX = quotes.stream().mapToDouble(q -> q.x()[q.size() - 1]).max().orElseThrow();
            assertEquals(firstX, model.x()[0]);
            assertEquals(lastX, model.x()[100], 1e-12);
            for (Series quote : quotes) {
                double[] x = quote.x();
                double[] y = quote.y();
                for (int i = 0; i < x.length; i++) {
                    if (x[i] == firstX) {
                        assertEquals(y[i], model.y()[0], 0.05, "model IV at the first quote, in percent");
                    }
                    if (x[i] == lastX) {
                        assertEquals(y[i], model.y()[100], 0.05, "model IV at the last quote, in percent");
                    }
                }
            }
        }
    }

    @Test
    void aFullyFixedModelPricesAndAModelWithFreeParametersSaysWhyItCannot() {
        Session session = run(CHAIN + """
                model fixed = heston { v0 = 0.5; kappa = 3; theta = 0.5; xi = 1.5; rho = -0.2 }
                let priced = price(fixed, chain)
                """);
        TableValue priced = (TableValue) session.valueOf("priced");
        var table = priced.table();
        for (int row = 0; row < table.rowCount(); row++) {
            double usd = table.doubleColumn("model_price").getDouble(row);
            double forward = table.doubleColumn("forward").getDouble(row);
            assertTrue(usd > 0, "model price " + usd);
            assertEquals(usd / forward, table.doubleColumn("model_price_coin").getDouble(row), 1e-15);
            assertTrue(table.doubleColumn("model_iv").getDouble(row) > 0.3);
        }
        Execution free = Recipes.run(EXAMPLES, CHAIN + "model hs = heston { v0 = 0.5 }\nshow price(hs, chain)");
        assertEquals(List.of("6:12 hs has free parameters (kappa, theta, xi, rho), so it has no prices yet"),
                located(free.diagnostics()));
    }

    @Test
    void showOfAFitHasTheParameterTableTheRmseByExpiryAndTheConstraint() {
        Session session = runCapped(CHAIN + """
                model hs = heston { rho = -0.2; require 2 * kappa * theta >= xi^2 penalty 100 }
                fit hf = calibrate hs to chain {
                  weight 1 / max(ask_iv - bid_iv, 0.5%)
                  method levenberg_marquardt { max_iterations 40 }
                }
                """);
        FitValue fit = (FitValue) session.valueOf("hf");
        String text = TextRenderer.render(fit);
        assertTrue(text.startsWith("fit hf: heston calibrated to chain"), text);
        assertTrue(text.contains("parameter    value  std_error"), text);
        assertTrue(text.contains("rmse by expiry (vol points)"), text);
        assertTrue(text.contains("2 * kappa * theta >= xi^2"), text);
        assertEquals(-0.2, fit.result().parameter("rho"));
        assertEquals(0.0, fit.result().standardError("rho"));
        assertEquals(2, fit.result().expiries().length);
        var json = JsonRenderer.toJson(fit).getAsJsonObject();
        assertEquals(5, json.getAsJsonObject("sections").getAsJsonArray("parameters").size());
        var timing = json.getAsJsonObject("timing");
        assertEquals("calibrated", timing.get("activity").getAsString());
        assertEquals(fit.result().elapsed().toNanos() * 1e-9, timing.get("elapsed_seconds").getAsDouble());
        assertTrue(text.contains("calibrated in"), text);
        String html = HtmlRenderer.render(fit);
        assertEquals(4, html.split("<table", -1).length - 1, "parameters, fit, rmse by expiry, constraints");
        assertTrue(html.contains(">rmse by expiry (vol points)</div>"), html);
        assertTrue(html.contains("calibrated in"), html);
        assertInstanceOf(ModelValue.class, session.valueOf("hs"));
    }

    @Test
    void aFitRunsTheSameBitForBit() {
        String recipe = CHAIN + """
                model hs = heston
                fit hf = calibrate hs to chain { starts 2  seed 7  method levenberg_marquardt { max_iterations 30 } }
                """;
        FitValue first = (FitValue) run(recipe).valueOf("hf");
        FitValue second = (FitValue) run(recipe).valueOf("hf");
        assertEquals(JsonRenderer.toJson(first, false).toString(), JsonRenderer.toJson(second, false).toString());
    }

    @Test
    void aRequireEvaluatedByStartsRunningAtOnceGivesTheSameFitBitForBit() {
        // Each start writes the parameters into the compiled condition's frame: parallel starts need frames of their
        // own, or one start's penalty would be computed at another's parameters.
        String recipe = CHAIN + """
                let cap = 0.5
                model hs = heston { require 2 * kappa * theta >= xi^2 and xi <= cap + 1 penalty 100 }
                fit hf = calibrate hs to chain { starts 6  seed 3  method levenberg_marquardt { max_iterations 25 } }
                """;
        String first = JsonRenderer.toJson(runCapped(recipe).valueOf("hf"), false).toString();
        for (int run = 0; run < 3; run++) {
            assertEquals(first, JsonRenderer.toJson(runCapped(recipe).valueOf("hf"), false).toString());
        }
    }

    @Test
    void aRequireKeepsTheValuesItsNamesHadWhenTheModelWasDeclared() {
        // The starts compile copies of the condition when the fit runs; a name rebound since must not reach them.
        String model = CHAIN + "let cap = 0.5\nmodel hs = heston { require xi <= cap penalty 1000 }\n";
        String fit = "fit hf = calibrate hs to chain { starts 3  method levenberg_marquardt { max_iterations 20 } }";
        Session declared = new Session(EXAMPLES);
        declared.run(new SourceFile("cell[1]", model), Mode.CELL);
        declared.run(new SourceFile("cell[2]", fit), Mode.CELL);
        Session rebound = new Session(EXAMPLES);
        rebound.run(new SourceFile("cell[1]", model), Mode.CELL);
        rebound.run(new SourceFile("cell[2]", "let cap = 5"), Mode.CELL);
        rebound.run(new SourceFile("cell[3]", fit), Mode.CELL);
        FitValue kept = (FitValue) declared.valueOf("hf");
        assertTrue(kept.result().parameter("xi") < 0.5 + 0.01, "the penalty holds xi near 0.5");
        assertEquals(JsonRenderer.toJson(kept, false).toString(),
                JsonRenderer.toJson(rebound.valueOf("hf"), false).toString());
    }

    @Test
    void anInterruptStopsARunningCalibrationAtItsStatement() throws Exception {
        Session session = new Session(EXAMPLES);
        List<Integer> progress = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        session.onCalibrationProgress(p -> progress.add(p.startIndex()));
        java.util.concurrent.atomic.AtomicReference<Execution> ran = new java.util.concurrent.atomic.AtomicReference<>();
        Thread running = new Thread(() -> ran.set(session.run(new SourceFile("test.margo", CHAIN + """
                model hs = heston
                fit hf = calibrate hs to chain { starts 10000 }
                """), Mode.RECIPE)));
        running.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (progress.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        session.interrupt();
        running.join(10_000);
        assertFalse(running.isAlive(), "the calibration stops soon after the interrupt");
        assertFalse(progress.isEmpty(), "progress reaches the session's listener");
        assertEquals(List.of("6:1 interrupted"), located(ran.get().diagnostics()));
        assertEquals(null, session.valueOf("hf"));
    }

    @Test
    void expiriesRestrictTheFitToTheQuotesOfTheDaysListed() {
        Session session = runCapped(CHAIN + """
                model hs = heston
                fit hf = calibrate hs to chain {
                  expiries [2024-03-29]
                  method levenberg_marquardt { max_iterations 20 }
                }
                """);
        CalibrationResult result = ((FitValue) session.valueOf("hf")).result();
        assertEquals(List.of(0), java.util.Arrays.stream(result.expiries()).boxed().toList());
        for (int expiry : result.residuals().expiryIndex()) {
            assertEquals(0, expiry);
        }
        Execution missing = Recipes.run(EXAMPLES, CHAIN + "model hs = heston\n"
                + "fit hf = calibrate hs to chain { expiries [2024-03-29, 2024-03-30] }");
        assertEquals(List.of("6:56 no quote of the data expires on 2024-03-30"), located(missing.diagnostics()));
    }

    @Test
    void modelMistakesAreReportedAtTheirClause() {
        assertEquals(List.of(
                        "1:12 unknown model family 'hestn'"),
                located(check("model hs = hestn").diagnostics()));
        assertEquals("did you mean heston?", check("model hs = hestn").diagnostics().getFirst().hint());
        assertEquals(List.of(
                        "2:3 heston has no parameter 'kapa'",
                        "3:3 the bounds of 'v0' are empty: the lower 4 is above the upper 0.01",
                        "4:30 the start 2 of 'rho' is outside its bounds [-0.99, 0.99]",
                        "5:3 the parameter 'rho' is given twice",
                        "6:11 require needs a condition over the parameters, such as 2 * kappa * theta >= xi^2,"
                                + " not a number",
                        "7:11 unknown parameter of heston 'sigma'",
                        "8:33 the penalty must be a positive number, not -1",
                        "9:11 require takes inequalities (<, <=, >, >=) joined by and / or"),
                located(check("""
                        model hs = heston {
                          kapa in [0.1, 30] start 3
                          v0 in [4, 0.01]
                          rho in [-0.99, 0.99] start 2
                          rho = -0.5
                          require kappa * theta
                          require sigma > 0
                          require kappa > theta penalty -1
                          require kappa == theta
                        }
                        """).diagnostics()));
        assertEquals("did you mean kappa?", check("model hs = heston { kapa = 1 }").diagnostics().getFirst().hint());
    }

    @Test
    void fitMistakesAreReportedAtTheirSetting() {
        assertEquals(List.of(
                        "3:20 calibrate needs a model, not a number",
                        "4:3 fit has no setting 'strats'",
                        "5:10 target must be one of implied_vol, price, not implied_volatility",
                        "6:10 method must be one of levenberg_marquardt, bobyqa, cma_es, not newton",
                        "7:10 starts must be a whole number of at least 1, not 0",
                        "8:14 time_limit takes a duration such as 1h or 1d, not a number",
                        "9:10 unknown column 'bid_ivv'",
                        "10:3 the setting 'method' is given twice",
                        "10:32 levenberg_marquardt has no setting 'max_iteration'",
                        "11:12 expiries takes a list of expiry dates or instants, e.g. [2024-03-29, 2024-04-26]"),
                located(check("""
                        data chain = options("chain.csv")
                        let x = 1
                        fit hf = calibrate x to chain {
                          strats 4
                          target implied_volatility
                          method newton
                          starts 0
                          time_limit 30
                          weight bid_ivv
                          method levenberg_marquardt { max_iteration 5 }
                          expiries [1, 2]
                        }
                        """).diagnostics()));
    }
}
