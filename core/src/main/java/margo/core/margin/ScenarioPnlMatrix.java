package margo.core.margin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import margo.core.market.InstrumentName;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The P&amp;L of every position of a book in every scenario (positions x scenarios), in the book's settlement
 * currency: the raw material of scenario margin rules, and what a custom rule written in Margo's language builds
 * its formula on (worst loss, a weighted sum, a quantile...).
 *
 * <p>Each distinct instrument is revalued once per scenario (by the pricer), then multiplied by each position's
 * {@link Position#scenarioQuantity()}.
 */
public final class ScenarioPnlMatrix {

    private final List<Position> positions;
    private final List<Scenario> scenarios;
    private final String currency;
    private final double[] pnl;
    private final double[] unitPnl;
    private final int[] instrumentIndex;
    private final double[] quantity;

    private ScenarioPnlMatrix(List<Position> positions, List<Scenario> scenarios, String currency, double[] unitPnl,
            int[] instrumentIndex, double[] quantity) {
        this.positions = positions;
        this.scenarios = scenarios;
        this.currency = currency;
        this.unitPnl = unitPnl;
        this.instrumentIndex = instrumentIndex;
        this.quantity = quantity;
        int n = scenarios.size();
        this.pnl = new double[positions.size() * n];
        for (int p = 0; p < positions.size(); p++) {
            for (int s = 0; s < n; s++) {
                pnl[p * n + s] = quantity[p] * unitPnl[instrumentIndex[p] * n + s];
            }
        }
    }

    /**
     * Revalues the positions in the scenarios.
     *
     * @param positions positions settling in one currency, not empty
     * @param scenarios the scenarios, not empty
     * @param pricer    prices every instrument of the positions
     */
    public static ScenarioPnlMatrix of(List<Position> positions, List<Scenario> scenarios, PositionPricer pricer) {
        String currency = Position.commonCurrency(positions);
        if (scenarios == null || scenarios.isEmpty()) {
            throw new IllegalArgumentException("scenarios must not be empty");
        }
        if (pricer == null) {
            throw new IllegalArgumentException("pricer must not be null");
        }
        int n = scenarios.size();
        Map<InstrumentName, Integer> index = new HashMap<>();
        int[] instrumentIndex = new int[positions.size()];
        double[] quantity = new double[positions.size()];
        for (int p = 0; p < positions.size(); p++) {
            instrumentIndex[p] = index.computeIfAbsent(positions.get(p).instrument(), k -> index.size());
            quantity[p] = positions.get(p).scenarioQuantity();
        }
        InstrumentName[] instruments = new InstrumentName[index.size()];
        index.forEach((instrument, at) -> instruments[at] = instrument);
        double[] unitPnl = unitPnl(List.of(instruments), scenarios, pricer);
        return new ScenarioPnlMatrix(List.copyOf(positions), List.copyOf(scenarios), currency, unitPnl,
                instrumentIndex, quantity);
    }

    /**
     * The P&amp;L of one unit of each instrument in each scenario, laid out for {@link ScenarioAggregation}:
     * {@code [instrument * scenarios.size() + scenario]}, in each instrument's settlement currency. Each instrument
     * is revalued once per scenario, the step venues share between all accounts holding it. A
     * {@link Black76PositionPricer} revalues through a {@link ScenarioGrid}, which gives the same numbers (to an
     * ulp or so of the log-moneyness) with the scenario-invariant work done once per instrument. A
     * {@link CachingPricer} gives each instrument's row as it first computed it.
     */
    public static double[] unitPnl(List<InstrumentName> instruments, List<Scenario> scenarios, PositionPricer pricer) {
        int n = scenarios.size();
        double[] unitPnl = new double[instruments.size() * n];
        if (pricer instanceof CachingPricer cached) {
            for (int i = 0; i < instruments.size(); i++) {
                System.arraycopy(cached.unitPnl(instruments.get(i), scenarios), 0, unitPnl, i * n, n);
            }
            return unitPnl;
        }
        if (pricer instanceof Black76PositionPricer black && n > 0) {
            ScenarioGrid grid = ScenarioGrid.of(scenarios);
            MarkedPositions marked = MarkedPositions.of(instruments, null, black);
            for (int i = 0; i < instruments.size(); i++) {
                grid.unitPnl(marked, i, unitPnl, i * n);
            }
            return unitPnl;
        }
        for (int i = 0; i < instruments.size(); i++) {
            InstrumentValuer valuer = pricer.valuer(instruments.get(i));
            double base = valuer.value(0.0, 0.0);
            for (int s = 0; s < n; s++) {
                unitPnl[i * n + s] = scenarios.get(s).unitPnl(valuer, base);
            }
        }
        return unitPnl;
    }

    /** The positions, in row order. */
    public List<Position> positions() {
        return positions;
    }

    /** The scenarios, in column order. */
    public List<Scenario> scenarios() {
        return scenarios;
    }

    /** The settlement currency every P&amp;L is in ({@code BTC} or {@code USDC}). */
    public String currency() {
        return currency;
    }

    /** The P&amp;L of position {@code position} in scenario {@code scenario}, in {@link #currency()}. */
    public double pnl(int position, int scenario) {
        return pnl[position * scenarios.size() + scenario];
    }

    /** The book's P&amp;L in each scenario: the column sums, in {@link #currency()}. */
    public double[] portfolioPnl() {
        double[] out = new double[scenarios.size()];
        ScenarioAggregation.aggregate(unitPnl, scenarios.size(), instrumentIndex, quantity, 0, positions.size(), out);
        return out;
    }

    /** The largest loss of the book over the scenarios, as a positive amount (0 when no scenario loses). */
    public double worstLoss() {
        return ScenarioAggregation.worstLoss(portfolioPnl(), scenarios.size());
    }

    /** The index of the scenario with the book's lowest P&amp;L. */
    public int worstScenario() {
        return ScenarioAggregation.worstScenario(portfolioPnl(), scenarios.size());
    }

    /** One row per position (instrument, size) and one column of P&amp;L per scenario, named by its label. */
    public Table toTable() {
        Table table = Table.create("scenario_pnl");
        StringColumn instruments = StringColumn.create("instrument");
        DoubleColumn sizes = DoubleColumn.create("size");
        for (Position position : positions) {
            instruments.append(position.instrument().text());
            sizes.append(position.size());
        }
        table.addColumns(instruments, sizes);
        for (int s = 0; s < scenarios.size(); s++) {
            DoubleColumn column = DoubleColumn.create(s + ": " + scenarios.get(s).label());
            for (int p = 0; p < positions.size(); p++) {
                column.append(pnl(p, s));
            }
            table.addColumns(column);
        }
        return table;
    }
}
