package margo.dsl.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.List;
import margo.dsl.value.BooleanValue;
import margo.dsl.value.DisplayUnit;
import margo.dsl.value.InstantValue;
import margo.dsl.value.ListValue;
import margo.dsl.value.NumberValue;
import margo.dsl.value.ReportValue;
import margo.dsl.value.TableValue;
import margo.dsl.value.TextValue;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class RenderersTest {

    private static TableValue chain(int rows) {
        StringColumn instrument = StringColumn.create("instrument");
        DoubleColumn strike = DoubleColumn.create("strike");
        DoubleColumn iv = DoubleColumn.create("mid_iv");
        InstantColumn expiry = InstantColumn.create("expiry");
        for (int i = 0; i < rows; i++) {
            instrument.append("BTC-29MAR24-" + (60000 + 1000 * i) + "-C");
            strike.append(60000 + 1000 * i);
            iv.append(i == 1 ? Double.NaN : 0.55231 + i / 100.0);
            expiry.append(Instant.parse("2024-03-29T08:00:00Z"));
        }
        return new TableValue(Table.create("chain", instrument, strike, iv, expiry), Instant.parse("2024-03-01T08:00:00Z"));
    }

    @Test
    void numbersReadWithFourDecimalsBelowAThousandAndTwoAbove() {
        assertEquals("60000", Cells.number(60000));
        assertEquals("61140.55", Cells.number(61140.5512));
        assertEquals("0.5523", Cells.number(0.55231));
        assertEquals("0.0520", Cells.number(0.052));
        assertEquals("3.2000e-06", Cells.number(3.2e-6));
    }

    @Test
    void noValueReadsAsTheWordNoneNeverAsNaN() {
        assertEquals("none", Cells.number(Double.NaN));
        assertEquals("none", TextRenderer.render(NumberValue.plain(Double.NaN)));
        assertTrue(HtmlRenderer.render(chain(2)).contains(">none</td>"), HtmlRenderer.render(chain(2)));
        assertFalse(TextRenderer.render(chain(2)).contains("NaN"), TextRenderer.render(chain(2)));
    }

    @Test
    void aNumberColumnUsesOneStyleForAllItsCellsSoDecimalsLineUp() {
        assertEquals(List.of("11219.29", "73.37", "none"),
                List.of(Cells.column(DoubleColumn.create("usd", 11219.2912, 73.3687, Double.NaN), 3)));
        assertEquals(List.of("1", "2"), List.of(Cells.column(DoubleColumn.create("n", 1.0, 2.0), 2)));
        assertEquals(List.of("0.5000", "0.0001"), List.of(Cells.column(DoubleColumn.create("iv", 0.5, 0.0001), 2)));
    }

    @Test
    void scalarsDisplayInTheirUnit() {
        assertEquals("16%", TextRenderer.render(new NumberValue(0.16, DisplayUnit.PERCENT)));
        assertEquals("0.25%", TextRenderer.render(new NumberValue(0.0025, DisplayUnit.PERCENT)));
        assertEquals("7d", TextRenderer.render(new NumberValue(7.0 / 365, DisplayUnit.DURATION)));
        assertEquals("8h", TextRenderer.render(new NumberValue(8.0 / (365 * 24), DisplayUnit.DURATION)));
        assertEquals("2d 8h", TextRenderer.render(new NumberValue(2.0 / 365 + 8.0 / (365 * 24), DisplayUnit.DURATION)));
        assertEquals("0.1230y", TextRenderer.render(new NumberValue(0.123, DisplayUnit.DURATION)));
        assertEquals("2024-03-29T08:00:00Z", TextRenderer.render(new InstantValue(Instant.parse("2024-03-29T08:00:00Z"))));
        assertEquals("[1, \"a\", true]", TextRenderer.render(new ListValue(List.of(NumberValue.plain(1),
                new TextValue("a"), new BooleanValue(true)))));
    }

    @Test
    void textTablesAlignColumnsAndCountRows() {
        String text = TextRenderer.render(chain(2));
        assertEquals("""
                2 rows × 4 columns
                instrument           strike  mid_iv  expiry
                BTC-29MAR24-60000-C   60000  0.5523  2024-03-29T08:00:00Z
                BTC-29MAR24-61000-C   61000    none  2024-03-29T08:00:00Z""", text);
    }

    @Test
    void inANotebookATableIsNamedByWhatWasShownSoTwoTablesInACellCanBeToldApart() {
        assertTrue(TextRenderer.render(chain(2), "near").startsWith("near: 2 rows × 4 columns\ninstrument"),
                TextRenderer.render(chain(2), "near"));
        String html = HtmlRenderer.render(chain(2), "chain { keep strike > 0 }");
        assertTrue(html.contains("<b style=\"color:#222\">chain { keep strike &gt; 0 }</b>: 2 rows × 4 columns</caption>"), html);
        assertFalse(HtmlRenderer.render(chain(2)).contains("<b"), "the CLI's pages have the name in a heading already");
    }

    @Test
    void aReportIsNamedByWhatWasShownUnlessItsTitleSaysIt() {
        ReportValue report = new ReportValue("backtest of pm", List.of(), List.of(), null);
        assertEquals("backtest(pm, 99%)\nbacktest of pm", TextRenderer.render(report, "backtest(pm, 99%)"));
        assertEquals("backtest of pm", TextRenderer.render(report, "pm"));
        assertTrue(HtmlRenderer.render(report, "backtest(pm, 99%)").startsWith(
                "<div style=\"font-family:ui-monospace,monospace;font-size:12px;font-weight:bold;padding:2px 0\">backtest(pm, 99%)</div>"));
    }

    @Test
    void longTablesAreCutWithACountOfTheRowsLeftOut() {
        String text = TextRenderer.render(chain(25));
        assertEquals(1 + 1 + TableValue.DEFAULT_DISPLAY_ROWS + 1, text.lines().count());
        assertTrue(text.endsWith("… 5 more rows"), text);
        assertTrue(TextRenderer.render(chain(25).withDisplayRows(24)).endsWith("… 1 more row"));
    }

    @Test
    void htmlTablesAreSelfContainedAndEscaped() {
        String html = HtmlRenderer.render(chain(25).withDisplayRows(3));
        assertTrue(html.startsWith("<table style="), html);
        assertTrue(html.endsWith("</table>"), html);
        assertTrue(html.contains("25 rows × 4 columns"), html);
        assertEquals(3, html.split("<tr><td style=\"padding:2px 8px;text-align:left\">BTC").length - 1);
        assertTrue(html.contains("… 22 more rows"), html);
        assertFalse(html.contains("<script"), html);
        assertEquals("<code>a &lt;b&gt; &amp; &quot;c&quot;</code>", HtmlRenderer.render(new TextValue("a <b> & \"c\"")));
    }

    @Test
    void jsonTablesAreRowObjectsWithIsoInstantsAndNaNSpelledOut() {
        JsonArray rows = JsonRenderer.toJson(chain(25)).getAsJsonArray();
        assertEquals(25, rows.size(), "JSON has every row, whatever the display limit");
        JsonObject first = rows.get(0).getAsJsonObject();
        assertEquals("BTC-29MAR24-60000-C", first.get("instrument").getAsString());
        assertEquals(60000.0, first.get("strike").getAsDouble());
        assertEquals(0.55231, first.get("mid_iv").getAsDouble());
        assertEquals("2024-03-29T08:00:00Z", first.get("expiry").getAsString());
        assertEquals("NaN", rows.get(1).getAsJsonObject().get("mid_iv").getAsString());
    }

    @Test
    void jsonScalarsKeepFullPrecision() {
        JsonElement percent = JsonRenderer.toJson(new NumberValue(0.16, DisplayUnit.PERCENT));
        assertEquals(0.16, percent.getAsDouble());
        assertEquals("NaN", JsonRenderer.toJson(NumberValue.plain(Double.NaN)).getAsString());
        assertEquals("Infinity", JsonRenderer.toJson(NumberValue.plain(Double.POSITIVE_INFINITY)).getAsString());
        assertEquals("-Infinity", JsonRenderer.toJson(NumberValue.plain(Double.NEGATIVE_INFINITY)).getAsString());
    }
}
