package margo.dsl.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import margo.dsl.run.Execution;
import margo.dsl.run.Recipes;
import margo.dsl.value.FigureValue;
import margo.dsl.value.TableValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * The smile of the example chain, run from a recipe, and its two renderings: every expected count is computed
 * from the chain the recipe loaded, not written down.
 */
class SmileFigureTest {

    private static Table chain;
    private static Figure byMoneyness;
    private static Figure byStrike;

    @BeforeAll
    static void runTheRecipe() {
        Execution execution = Recipes.run(Path.of("../examples"), """
                data chain = options("data/deribit-btc-sample.csv")
                show chain
                plot smile(chain)
                plot smile(chain, x "strike")
                """);
        assertFalse(execution.hasErrors(), execution.diagnostics().toString());
        chain = ((TableValue) execution.shown().get(0).value()).table();
        byMoneyness = ((FigureValue) execution.shown().get(1).value()).figure();
        byStrike = ((FigureValue) execution.shown().get(2).value()).figure();
    }

    /** Rows with a mid IV, the only ones a smile draws. */
    private static List<Integer> drawnRows() {
        List<Integer> rows = new ArrayList<>();
        NumericColumn<?> mid = chain.numberColumn("mid_iv");
        for (int row = 0; row < chain.rowCount(); row++) {
            if (Double.isFinite(mid.getDouble(row))) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static Set<Instant> drawnExpiries() {
        Set<Instant> expiries = new TreeSet<>();
        drawnRows().forEach(row -> expiries.add(chain.instantColumn("expiry").get(row)));
        return expiries;
    }

    @Test
    void aSmileHasOnePanelPerExpiryInDateOrderTitledWithTheDaysToExpiry() {
        List<Instant> expiries = List.copyOf(drawnExpiries());
        assertTrue(expiries.size() > 1, "the example chain has several expiries");
        assertEquals(expiries.size(), byMoneyness.panels().size());
        assertEquals("smile of chain", byMoneyness.title());
        assertEquals("2024-03-08 · 7d", byMoneyness.panels().getFirst().title(), "valued at 2024-03-01T08:00Z");
        for (int i = 0; i < expiries.size(); i++) {
            assertTrue(byMoneyness.panels().get(i).title().startsWith(expiries.get(i).toString().substring(0, 10)));
        }
    }

    @Test
    void everyQuoteWithAMidIvIsOneMarkerInPercentWithItsBidAndAskIvAsTheBar() {
        List<Integer> rows = drawnRows();
        int points = 0;
        for (Panel panel : byMoneyness.panels()) {
            for (Trace trace : panel.traces()) {
                Series series = (Series) trace;
                points += series.size();
                for (int i = 0; i < series.size(); i++) {
                    int row = rowAt(series.x()[i], series.y()[i] / 100);
                    assertEquals(chain.numberColumn("bid_iv").getDouble(row) * 100, series.low()[i], 1e-9);
                    assertEquals(chain.numberColumn("ask_iv").getDouble(row) * 100, series.high()[i], 1e-9);
                }
            }
        }
        assertEquals(rows.size(), points);
    }

    private static int rowAt(double logMoneyness, double midIv) {
        for (int row : drawnRows()) {
            if (chain.numberColumn("log_moneyness").getDouble(row) == logMoneyness
                    && Math.abs(chain.numberColumn("mid_iv").getDouble(row) - midIv) < 1e-12) {
                return row;
            }
        }
        throw new AssertionError("no row at log-moneyness " + logMoneyness + ", mid IV " + midIv);
    }

    @Test
    void rowsWithoutAMidIvAreLeftOutWithAWarningThatCountsThem() {
        int undrawn = chain.rowCount() - drawnRows().size();
        assertTrue(undrawn > 1, "the example chain has one-sided quotes");
        Execution execution = Recipes.run(Path.of("../examples"),
                "data chain = options(\"data/deribit-btc-sample.csv\")\nplot smile(chain)\n");
        assertEquals(List.of("2:12 " + undrawn + " rows of chain left out of the smile: no mid implied vol (or no"
                + " log_moneyness or option type)"), Recipes.located(execution.diagnostics()));
        assertFalse(execution.diagnostics().getFirst().isError());
    }

    @Test
    void aTableWhoseColumnSetReplacedSaysWhichColumnTheSmileNeeds() {
        Execution execution = Recipes.run(Path.of("../examples"),
                "data chain = options(\"data/deribit-btc-sample.csv\") { set type = 1 }\nplot smile(chain)\n");
        assertEquals(List.of("2:12 smile needs the column 'type' of text in chain"), Recipes.located(execution.diagnostics()));
    }

    @Test
    void thePlotlyFigureHasOneSubplotPerPanelWithAxisTitlesInUnits() {
        JsonObject json = PlotlyFigure.toJson(byMoneyness);
        JsonObject layout = json.getAsJsonObject("layout");
        int panels = byMoneyness.panels().size();
        for (int i = 1; i <= panels; i++) {
            String suffix = i == 1 ? "" : Integer.toString(i);
            assertEquals("log-moneyness ln(K/F)", axisTitle(layout, "xaxis" + suffix));
            assertEquals("implied vol (%)", axisTitle(layout, "yaxis" + suffix));
            assertEquals("y" + suffix, layout.getAsJsonObject("xaxis" + suffix).get("anchor").getAsString());
        }
        assertFalse(layout.has("xaxis" + (panels + 1)));
        assertEquals(panels, layout.getAsJsonArray("annotations").size(), "a title above each panel");
        assertEquals("strike (USD)", axisTitle(PlotlyFigure.toJson(byStrike).getAsJsonObject("layout"), "xaxis"));
    }

    private static String axisTitle(JsonObject layout, String axis) {
        return layout.getAsJsonObject(axis).getAsJsonObject("title").get("text").getAsString();
    }

    @Test
    void plotlyTracesAreCallsAndPutsPerPanelWithBidAskErrorBarsAndOneLegendEntryEach() {
        JsonArray data = PlotlyFigure.toJson(byMoneyness).getAsJsonArray("data");
        int traces = byMoneyness.panels().stream().mapToInt(panel -> panel.traces().size()).sum();
        assertEquals(traces, data.size());
        Set<String> inLegend = new TreeSet<>();
        for (JsonElement element : data) {
            JsonObject trace = element.getAsJsonObject();
            assertEquals("markers", trace.get("mode").getAsString());
            if (trace.get("showlegend").getAsBoolean()) {
                assertTrue(inLegend.add(trace.get("name").getAsString()), "each name is in the legend once");
            }
            JsonArray y = trace.getAsJsonArray("y");
            JsonObject bars = trace.getAsJsonObject("error_y");
            assertEquals(y.size(), bars.getAsJsonArray("array").size());
            for (int i = 0; i < y.size(); i++) {
                assertTrue(bars.getAsJsonArray("array").get(i).getAsDouble() >= 0, "the ask IV is at or above the mid");
                assertTrue(bars.getAsJsonArray("arrayminus").get(i).getAsDouble() >= 0, "the bid IV is at or below the mid");
            }
        }
        assertEquals(Set.of(SmilePlot.CALLS, SmilePlot.PUTS), inLegend);
    }

    @Test
    void theSvgIsWellFormedWithOnePanelPerExpiryAndOneMarkerPerQuote() throws Exception {
        Document svg = parse(SvgFigure.render(byMoneyness));
        assertEquals("svg", svg.getDocumentElement().getTagName());
        assertEquals(byMoneyness.panels().size(), withClass(svg, "g", "panel"));
        assertEquals(drawnRows().size(), markers(svg));
        assertEquals(drawnRows().size(), withClass(svg, "path", "interval"));
    }

    static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    /** The markers drawn: each is one zero-length stroke, {@code Mx yh0}, in a path of class {@code markers}. */
    static int markers(Document document) {
        NodeList paths = document.getElementsByTagName("path");
        int count = 0;
        for (int i = 0; i < paths.getLength(); i++) {
            Element path = (Element) paths.item(i);
            if (path.getAttribute("class").equals("markers")) {
                count += path.getAttribute("d").split("M", -1).length - 1;
            }
        }
        return count;
    }

    static int withClass(Document document, String tag, String cssClass) {
        NodeList nodes = document.getElementsByTagName(tag);
        int count = 0;
        for (int i = 0; i < nodes.getLength(); i++) {
            count += ((Element) nodes.item(i)).getAttribute("class").equals(cssClass) ? 1 : 0;
        }
        return count;
    }
}
