package margo.dsl.run;

import static margo.dsl.run.Recipes.located;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import margo.core.margin.Account;
import margo.core.margin.MarginCalculator;
import margo.core.margin.MarginGroup;
import margo.core.margin.MarginState;
import margo.dsl.plot.Figure;
import margo.dsl.plot.HeatMap;
import margo.dsl.plot.Panel;
import margo.dsl.plot.Series;
import margo.dsl.plot.Trace;
import margo.dsl.value.BookValue;
import margo.dsl.value.FigureValue;
import margo.dsl.value.RulesValue;
import org.junit.jupiter.api.Test;

/** plot scenarios(...) and plot liquidation(...): what they draw agrees with core's stress and liquidation prices. */
class MarginPlotTest {

    private static final Path EXAMPLES = Path.of("../examples");
    private static final String BOOK = "data chain = options(\"data/deribit-btc-sample.csv\")\n"
            + "book desk = positions(\"data/book.csv\", market chain, index 61000)\nshow desk\n"
            + "rules pm = portfolio_margin { price_range 16% }\nshow pm\n";

    private static Execution run(String plots) {
        Execution execution = Recipes.run(EXAMPLES, BOOK + plots);
        assertFalse(execution.hasErrors(), () -> located(execution.diagnostics()).toString());
        return execution;
    }

    private static BookValue book(Execution execution) {
        return (BookValue) execution.shown().get(0).value();
    }

    private static MarginCalculator calculator(Execution execution) {
        return new MarginCalculator(((RulesValue) execution.shown().get(1).value()).rule());
    }

    private static Figure figure(Execution execution, int index) {
        return ((FigureValue) execution.shown().get(index).value()).figure();
    }

    private static int column(double[] axis, double value) {
        for (int i = 0; i < axis.length; i++) {
            if (Math.abs(axis[i] - value) < 1e-9) {
                return i;
            }
        }
        throw new AssertionError(value + " is not on the axis " + Arrays.toString(axis));
    }

    /** A margin group of the book and the title of its panel. */
    private record Drawn(String title, MarginGroup group) {
    }

    /** The groups of the book in drawing order. */
    private static List<Drawn> groups(BookValue book) {
        List<Drawn> groups = new ArrayList<>();
        for (Account account : book.book().accounts()) {
            for (MarginGroup group : account.groups()) {
                groups.add(new Drawn(group.isolated() ? account.name() + " / " + group.label() : account.name(),
                        group));
            }
        }
        return groups;
    }

    @Test
    void scenariosDrawsOneHeatMapPerMarginGroupWithIsolatedGroupsApart() {
        Execution execution = run("plot scenarios(desk, pm)\n");
        List<Drawn> groups = groups(book(execution));
        Figure figure = figure(execution, 2);
        assertEquals(groups.size(), figure.panels().size());
        assertTrue(groups.stream().anyMatch(drawn -> drawn.group().isolated()),
                "the example book has an isolated group");
        for (int i = 0; i < groups.size(); i++) {
            assertEquals(groups.get(i).title(), figure.panels().get(i).title());
            assertTrue(figure.panels().get(i).traces().getFirst() instanceof HeatMap);
        }
    }

    @Test
    void noMoveAndNoShockIsZeroPnlAndEveryOtherCellIsCoresStressPnlOfTheGroup() {
        Execution execution = run("plot scenarios(desk, pm, price [-40%, -20%, 0%, 20%], vol [-20%, 0%, 40%])\n");
        BookValue book = book(execution);
        MarginCalculator calculator = calculator(execution);
        Figure figure = figure(execution, 2);
        List<Drawn> groups = groups(book);
        for (int g = 0; g < groups.size(); g++) {
            MarginGroup group = groups.get(g).group();
            HeatMap map = (HeatMap) figure.panels().get(g).traces().getFirst();
            assertEquals(0.0, map.at(column(map.y(), 0), column(map.x(), 0)), 1e-6);
            double[][] moves = {{-0.4, 0.4}, {0.2, -0.2}, {-0.2, 0.0}};
            for (double[] move : moves) {
                double expected = calculator.stress(group, move[0], move[1], book.pricer()).pnl();
                double drawn = map.at(column(map.y(), 100 * move[1]), column(map.x(), 100 * move[0]));
                assertEquals(expected, drawn, 1e-6 * Math.max(1, Math.abs(expected)), groups.get(g).title());
            }
        }
    }

    @Test
    void theDefaultGridRunsFromMinusHalfToPlusHalfAndMinusThirtyToPlusSixtyVolPoints() {
        HeatMap map = (HeatMap) figure(run("plot scenarios(desk, pm)\n"), 2).panels().getFirst().traces().getFirst();
        assertEquals(11, map.x().length);
        assertEquals(-50, map.x()[0], 1e-9);
        assertEquals(50, map.x()[10], 1e-9);
        assertEquals(7, map.y().length);
        assertEquals(-30, map.y()[0], 1e-9);
        assertEquals(60, map.y()[6], 1e-9);
    }

    @Test
    void equityAndMaintenanceMarginCrossAtCoresLiquidationPrice() {
        Execution execution = run("plot liquidation(desk, pm, account \"short-strangle\")\n");
        BookValue book = book(execution);
        MarginCalculator calculator = calculator(execution);
        Account account = book.book().account("short-strangle");
        MarginState state = calculator.state(account.groups().getFirst(), book.pricer());
        assertTrue(Double.isFinite(state.liquidationPriceDown()) && Double.isFinite(state.liquidationPriceUp()),
                "the short strangle has liquidation prices on both sides");
        Panel panel = figure(execution, 2).panels().getFirst();
        Series equity = series(panel, "equity");
        Series maintenance = series(panel, "maintenance margin");
        List<Double> crossings = new ArrayList<>();
        double[] x = equity.x();
        double[] e = equity.y();
        double[] m = maintenance.y();
        for (int i = 1; i < x.length; i++) {
            double before = e[i - 1] - m[i - 1];
            double after = e[i] - m[i];
            if (Math.signum(before) != Math.signum(after)) {
                crossings.add(x[i - 1] + (x[i] - x[i - 1]) * before / (before - after));
            }
        }
        double step = x[1] - x[0];
        assertEquals(2, crossings.size(), crossings::toString);
        assertEquals(state.liquidationPriceDown(), crossings.get(0), step);
        assertEquals(state.liquidationPriceUp(), crossings.get(1), step);
        Series marked = series(panel, "liquidation price");
        assertEquals(state.liquidationPriceDown(), marked.x()[0], 1e-9);
        assertEquals(state.liquidationPriceUp(), marked.x()[1], 1e-9);
    }

    @Test
    void withoutAnAccountLiquidationDrawsEveryMarginGroupWithPositions() {
        Execution execution = run("plot liquidation(desk, pm)\n");
        long groups = book(execution).book().accounts().stream().flatMap(account -> account.groups().stream())
                .filter(group -> !group.positions().isEmpty()).count();
        assertEquals(groups, figure(execution, 2).panels().size());
    }

    @Test
    void anUnknownAccountIsAnErrorAtItsNameWithTheNearest() {
        Execution execution = Recipes.run(EXAMPLES, BOOK + "plot liquidation(desk, pm, account \"calender\")\n");
        assertTrue(execution.hasErrors());
        assertEquals(6, execution.diagnostics().getFirst().span().line());
    }

    @Test
    void aMoveThatIsNotANumberIsAnErrorAtTheList() {
        Execution execution = Recipes.run(EXAMPLES, BOOK + "plot scenarios(desk, pm, price [-20%, \"up\"])\n");
        assertEquals(1, execution.diagnostics().size(), () -> located(execution.diagnostics()).toString());
        assertEquals("6:32 the moves must be a list of numbers, e.g. [-20%, 0%, 20%]",
                located(execution.diagnostics()).getFirst());
    }

    @Test
    void aTableWhereTheBookBelongsAndANumberWhereTheRulesBelongAreCheckerErrors() {
        Execution execution = Recipes.check(BOOK + "plot scenarios(chain, pm)\nplot liquidation(desk, 3)\n"
                + "plot scenarios(desk, pm, price 20%)\n");
        // the recipe's files are not there when only checking; the errors of the plots are on lines 6 to 8
        List<String> errors = located(execution.diagnostics().stream().filter(d -> d.span().line() >= 6).toList());
        assertEquals(3, errors.size(), errors::toString);
        assertTrue(errors.get(0).startsWith("6:16 "), errors.get(0));
        assertTrue(errors.get(1).startsWith("7:24 "), errors.get(1));
        assertTrue(errors.get(2).startsWith("8:"), errors.get(2));
    }

    private static Series series(Panel panel, String name) {
        for (Trace trace : panel.traces()) {
            if (trace instanceof Series series && series.name().equals(name)) {
                return series;
            }
        }
        throw new AssertionError("no series " + name + " in " + panel.traces());
    }
}
