package margo.dsl.plot;

import static margo.dsl.plot.SmileFigureTest.parse;
import static margo.dsl.plot.SmileFigureTest.withClass;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The figure model beyond smiles: what later plots (P&amp;L heat maps, liquidation lines) are drawn with. */
class FigureModelTest {

    private static final Axis PRICE_MOVE = new Axis("price move", "%");
    private static final Axis VOL_SHOCK = new Axis("vol shock", "%");

    private static HeatMap profitAndLoss() {
        double[] moves = {-20, -10, 0, 10, 20};
        double[] shocks = {-25, 0, 50};
        double[][] pnl = new double[shocks.length][moves.length];
        for (int row = 0; row < shocks.length; row++) {
            for (int column = 0; column < moves.length; column++) {
                pnl[row][column] = 100 * moves[column] - 10 * shocks[row];
            }
        }
        pnl[0][0] = Double.NaN;
        return new HeatMap("P&L", moves, shocks, pnl, "P&L (USD)");
    }

    @Test
    void aHeatMapWithGainsAndLossesIsDivergingAboutZeroInBothRenderings() {
        HeatMap map = profitAndLoss();
        assertEquals(ColorScale.DIVERGING, map.colorScale());
        Figure figure = new Figure("scenarios of desk", List.of(new Panel("portfolio margin", PRICE_MOVE, VOL_SHOCK,
                List.of(map))), 1);
        JsonObject trace = PlotlyFigure.toJson(figure).getAsJsonArray("data").get(0).getAsJsonObject();
        assertEquals("heatmap", trace.get("type").getAsString());
        assertEquals(0, trace.get("zmid").getAsInt());
        assertEquals(3, trace.getAsJsonArray("z").size());
        assertTrue(trace.getAsJsonArray("z").get(0).getAsJsonArray().get(0).isJsonNull(), "NaN is a gap");
        assertEquals("P&L (USD)", trace.getAsJsonObject("colorbar").getAsJsonObject("title").get("text").getAsString());
    }

    @Test
    void theSvgHeatMapHasOneCellPerFiniteValueAndAColourBar() throws Exception {
        Figure figure = new Figure("scenarios", List.of(new Panel("pm", PRICE_MOVE, VOL_SHOCK, List.of(profitAndLoss()))), 1);
        String svg = SvgFigure.render(figure);
        Document document = parse(svg);
        assertEquals(3 * 5 - 1, withClass(document, "rect", "cell"));
        assertTrue(svg.contains(">P&amp;L (USD)</text>"), "the colour bar has its title, escaped");
    }

    @Test
    void colourScalesPutZeroInTheMiddleAndEqualGainsAndLossesAtEqualDistances() {
        ColorScale scale = ColorScale.DIVERGING;
        assertEquals(0.5, scale.position(0, -50, 200));
        assertEquals(1 - scale.position(-100, -50, 200), scale.position(100, -50, 200), 1e-12);
        assertEquals("#b2182b", scale.at(0));
        assertEquals("#f7f7f7", scale.at(0.5));
        assertEquals("#2166ac", scale.at(1));
    }

    @Test
    void linesBreakAtGapsAndPanelsFillTheGridRowByRow() throws Exception {
        Series liquidation = Series.of("liquidation price", Marks.LINES, Palette.RED,
                new double[] {1, 2, 3, 4, 5}, new double[] {10, 11, Double.NaN, 13, 14});
        Panel panel = new Panel("account 1", new Axis("collateral", "BTC"), new Axis("price", "USD"), List.of(liquidation));
        Figure figure = new Figure("liquidation", List.of(panel, panel, panel, panel), 3);
        assertEquals(2, figure.rows());
        assertEquals("liquidation, 4 panels", figure.summary());
        Document document = parse(SvgFigure.render(figure));
        assertEquals(4 * 2, withClass(document, "polyline", "line"), "two segments per panel, around the gap");
        JsonObject layout = PlotlyFigure.toJson(figure).getAsJsonObject("layout");
        double top = layout.getAsJsonObject("yaxis").getAsJsonArray("domain").get(1).getAsDouble();
        double fourth = layout.getAsJsonObject("yaxis4").getAsJsonArray("domain").get(1).getAsDouble();
        assertEquals(1.0, top);
        assertTrue(fourth < layout.getAsJsonObject("yaxis3").getAsJsonArray("domain").get(0).getAsDouble(),
                "the fourth panel starts the second row");
    }

    @Test
    void aSeriesChecksItsShapeAndKeepsItsOwnCopyOfThePoints() {
        double[] y = {1, 2};
        Series series = Series.of("s", Marks.MARKERS, Palette.BLUE, new double[] {0, 1}, y);
        y[0] = 99;
        assertEquals(1, series.y()[0]);
        assertThrows(IllegalArgumentException.class, () -> Series.of("s", Marks.MARKERS, Palette.BLUE, new double[] {0}, y));
        assertThrows(IllegalArgumentException.class, () -> new Figure("empty", List.of(), 1));
    }

    @Test
    void ticksAreNiceNumbersInsideTheRangeLabelledWithTheDecimalsOfTheStep() {
        Ticks ticks = Ticks.inside(-0.23, 0.41, 6);
        assertEquals(0.1, ticks.step(), 1e-12);
        assertEquals("-0.2", ticks.label(0));
        assertEquals("0.4", ticks.label(ticks.count() - 1));
        assertEquals("0.0", ticks.label(2));
        Ticks strikes = Ticks.inside(41000, 118000, 6);
        assertEquals(20000, strikes.step());
        assertEquals("60000", strikes.label(0));
    }
}
