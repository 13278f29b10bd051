package margo.dsl.cli;

import static margo.dsl.cli.MainTest.margo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import margo.core.margin.Account;
import margo.core.margin.Black76PositionPricer;
import margo.core.margin.Book;
import margo.core.margin.BookCsv;
import margo.core.margin.MarginCalculator;
import margo.core.margin.MarginGroup;
import margo.core.margin.MarginRule;
import margo.core.margin.MarketSnapshot;
import margo.core.margin.PortfolioMarginParameters;
import margo.core.margin.PortfolioMarginRule;
import margo.core.margin.Position;
import margo.core.margin.PositionPricer;
import margo.core.margin.StandardMarginRule;
import margo.core.margin.WhatIf;
import margo.core.market.ChainColumn;
import margo.core.market.ChainFormat;
import margo.core.market.InstrumentName;
import margo.core.market.LoadOptions;
import margo.core.market.OptionChain;
import margo.core.market.OptionChains;
import margo.core.smiles.SmileFamily;
import margo.core.smiles.SmileFitOptions;
import margo.core.smiles.SmileQuotes;
import margo.core.smiles.SurfaceFit;
import margo.core.smiles.SviRaw;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * {@code examples/margin.margo} and {@code examples/surface.margo} run end to end through the CLI as JSON, and
 * their key numbers equal core's, computed here directly from the same files.
 */
class MarginAndSurfaceExamplesTest {

    static final Path DATA = Path.of("../examples/data");
    static final double INDEX = 61_000;

    static JsonObject run(String recipe) {
        MainTest.Result result = margo("run", "../examples/" + recipe, "--format", "json");
        assertEquals(0, result.exit(), result.err() + result.out());
        JsonObject root = JsonParser.parseString(result.out()).getAsJsonObject();
        assertEquals(0, root.getAsJsonArray("diagnostics").size(), root.getAsJsonArray("diagnostics").toString());
        return root;
    }

    /** The rows of the output whose label is {@code name}. */
    static JsonArray output(JsonObject root, String name) {
        for (JsonElement element : root.getAsJsonArray("outputs")) {
            JsonObject output = element.getAsJsonObject();
            if (output.get("name").getAsString().equals(name)) {
                return output.getAsJsonArray("value");
            }
        }
        throw new AssertionError("no output " + name + " in " + root.getAsJsonArray("outputs").size() + " outputs");
    }

    static OptionChain chain() throws Exception {
        return OptionChains.load(DATA.resolve("deribit-btc-sample.csv"), new LoadOptions(ChainFormat.AUTO, null, null))
                .chain();
    }

    static double number(JsonObject row, String column) {
        JsonElement cell = row.get(column);
        return cell.getAsDouble(); // "NaN", "Infinity" and "-Infinity" are strings, which Gson reads as doubles
    }

    /** The group of a result row: the cross pool's empty label is a missing cell, JSON null. */
    static String group(JsonObject row) {
        return row.get("group").isJsonNull() ? "" : row.get("group").getAsString();
    }

    /** Every cell of the recipe's table equals core's report, row by row, non-finite numbers too. */
    static void assertSameReport(Table expected, JsonArray actual) {
        assertEquals(expected.rowCount(), actual.size());
        for (int r = 0; r < expected.rowCount(); r++) {
            JsonObject row = actual.get(r).getAsJsonObject();
            Row core = expected.row(r);
            assertEquals(core.getString("account"), row.get("account").getAsString());
            assertEquals(core.getString("group"), group(row));
            for (String column : expected.columnNames().subList(2, expected.columnCount())) {
                double value = core.getDouble(column);
                double shown = number(row, column);
                if (Double.isFinite(value)) {
                    assertEquals(value, shown, 1e-9 * Math.max(1, Math.abs(value)), core.getString("account") + " " + column);
                } else {
                    assertEquals(value, shown, column + " is not finite in core, and spelled out in JSON");
                }
            }
        }
    }

    @Test
    void marginExampleMatchesCoresReportUnderBothRulesAndItsWhatIfAndStress() throws Exception {
        JsonObject root = run("margin.margo");
        PositionPricer pricer = new Black76PositionPricer(MarketSnapshot.fromChain(chain(), INDEX));
        Book book = BookCsv.load(DATA.resolve("book.csv"), pricer).book();
        // The recipe's pm writes out Deribit's BTC parameters, which are core's defaults.
        MarginRule portfolio = new PortfolioMarginRule(PortfolioMarginParameters.DERIBIT_BTC);
        assertSameReport(new MarginCalculator(StandardMarginRule.DERIBIT).report(book, pricer),
                output(root, "margin(desk, deribit_standard)"));
        assertSameReport(new MarginCalculator(portfolio).report(book, pricer), output(root, "margin(desk, pm)"));

        InstrumentName call = InstrumentName.parse("BTC-29MAR24-70000-C");
        WhatIf whatIf = new MarginCalculator(portfolio).whatIf(book.account("calendar").group(""),
                List.of(new Position(call, -10, pricer.unitValue(call))), pricer);
        JsonArray trade = output(root, "what_if(desk, \"BTC-29MAR24-70000-C\", -10, pm, account \"calendar\")");
        assertEquals(1, trade.size());
        JsonObject after = trade.get(0).getAsJsonObject();
        assertEquals(whatIf.before().initialMargin(), number(after, "initial_margin_before"), 1e-6);
        assertEquals(whatIf.after().initialMargin(), number(after, "initial_margin_after"), 1e-6);
        assertEquals(whatIf.accepted(), after.get("accepted").getAsBoolean());
        assertTrue(whatIf.initialMarginChange() > 0, "selling more calls adds margin");

        JsonArray stress = output(root, "stress(desk, pm)");
        int row = 0;
        for (Account account : book.accounts()) {
            for (MarginGroup group : account.groups()) {
                double pnl = new MarginCalculator(portfolio).stress(group, -0.40, 0.30, pricer).pnl();
                JsonObject shown = stress.get(row++).getAsJsonObject();
                assertEquals(account.name(), shown.get("account").getAsString());
                assertEquals(pnl, number(shown, "pnl"), 1e-6 * Math.max(1, Math.abs(pnl)));
            }
        }
        assertEquals(row, stress.size());

        Map<String, Double> attributed = new HashMap<>();
        for (JsonElement position : output(root, "attribution(desk, pm)")) {
            JsonObject p = position.getAsJsonObject();
            attributed.merge(p.get("account").getAsString() + "/" + group(p),
                    number(p, "initial_margin"), Double::sum);
        }
        for (JsonElement state : output(root, "margin(desk, pm)")) {
            JsonObject s = state.getAsJsonObject();
            String key = s.get("account").getAsString() + "/" + group(s);
            assertEquals(number(s, "initial_margin"), attributed.get(key), 1e-6 * number(s, "initial_margin"),
                    "contributions sum to the group's IM: " + key);
        }
    }

    @Test
    void surfaceExampleMatchesCoresFitsAndItsVolsAreTheSurfaces() throws Exception {
        JsonObject root = run("surface.margo");
        OptionChain chain = chain();
        SurfaceFit svi = SmileFamily.SVI.fit(SmileQuotes.fromChain(chain, SmileQuotes.Source.MID,
                SmileQuotes.Weighting.EQUAL, SmileFamily.SVI.minimumQuotes()), SmileFitOptions.DEFAULT.withArbitrageFree(true));
        SurfaceFit ssvi = SmileFamily.SSVI.fit(SmileQuotes.fromChain(chain, SmileQuotes.Source.MID,
                SmileQuotes.Weighting.VEGA, SmileFamily.SSVI.minimumQuotes()), SmileFitOptions.DEFAULT);
        for (var expected : List.of(Map.entry("sv", svi), Map.entry("ss", ssvi))) {
            JsonArray rows = output(root, expected.getKey());
            SurfaceFit fit = expected.getValue();
            assertEquals(fit.quotes().size(), rows.size());
            for (int i = 0; i < rows.size(); i++) {
                JsonObject shown = rows.get(i).getAsJsonObject();
                SviRaw smile = (SviRaw) fit.smiles().get(i);
                assertEquals(fit.rmse()[i], number(shown, "rmse_vol_points"), 1e-12);
                assertEquals(smile.a(), number(shown, "a"), 1e-12);
                assertEquals(smile.sigma(), number(shown, "sigma"), 1e-12);
                int expiry = i;
                boolean butterflyFree = fit.arbitrage().butterfly().stream().noneMatch(v -> v.expiryIndex() == expiry);
                assertEquals(butterflyFree, shown.get("butterfly_arbitrage").getAsString().equals("none on the grid"));
            }
        }
        assertEquals(svi.arbitrage().butterfly().size() + svi.arbitrage().calendar().size(),
                output(root, "arbitrage(sv)").size());

        Table table = chain.table();
        Map<String, double[]> coordinates = new HashMap<>();
        for (int r = 0; r < table.rowCount(); r++) {
            coordinates.put(table.stringColumn(ChainColumn.INSTRUMENT.columnName()).get(r), new double[] {
                    table.doubleColumn(ChainColumn.TIME_TO_EXPIRY.columnName()).getDouble(r),
                    table.doubleColumn(ChainColumn.LOG_MONEYNESS.columnName()).getDouble(r)});
        }
        JsonArray fitted = output(root, "fitted");
        assertTrue(fitted.size() > 100, "every two-sided quote, not only the rows displayed");
        for (JsonElement element : fitted) {
            JsonObject option = element.getAsJsonObject();
            double[] at = coordinates.get(option.get("instrument").getAsString());
            assertEquals(svi.impliedVolatility(at[0], at[1]), number(option, "svi_iv"), 1e-14);
            assertEquals(ssvi.impliedVolatility(at[0], at[1]), number(option, "ssvi_iv"), 1e-14);
        }
    }
}
