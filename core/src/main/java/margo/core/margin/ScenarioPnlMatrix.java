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

    private final Layout layout;
    private final double[][] unitPnl;

    private ScenarioPnlMatrix(Layout layout, double[][] unitPnl) {
        this.layout = layout;
        this.unitPnl = unitPnl;
    }

    /**
     * Revalues the positions in the scenarios.
     *
     * @param positions positions settling in one currency, not empty
     * @param scenarios the scenarios, not empty
     * @param pricer    prices every instrument of the positions
     */
    public static ScenarioPnlMatrix of(List<Position> positions, List<Scenario> scenarios, PositionPricer pricer) {
        return Layout.of(positions, scenarios).at(pricer);
    }

    /**
     * What a matrix of fixed positions and scenarios is, whatever the market: the positions' distinct instruments,
     * which instrument each position holds and its {@link Position#scenarioQuantity()}. A liquidation search
     * revalues the same positions at dozens of markets; it lays them out once. The scenarios are revalued as the
     * caller's list, by which a {@link CachingPricer} knows its rows (a rule keeps its own list).
     */
    static final class Layout {
        private final List<Position> positions;
        private final List<Scenario> scenarios;
        private final List<Scenario> asked;
        private final String currency;
        private final List<InstrumentName> instruments;
        private final int[] instrumentIndex;
        private final double[] quantity;

        private Layout(List<Position> positions, List<Scenario> scenarios, List<Scenario> asked, String currency,
                List<InstrumentName> instruments, int[] instrumentIndex, double[] quantity) {
            this.positions = positions;
            this.scenarios = scenarios;
            this.asked = asked;
            this.currency = currency;
            this.instruments = instruments;
            this.instrumentIndex = instrumentIndex;
            this.quantity = quantity;
        }

        /** The layout of the positions on the scenarios (the same arguments as {@link ScenarioPnlMatrix#of}). */
        static Layout of(List<Position> positions, List<Scenario> scenarios) {
            String currency = Position.commonCurrency(positions);
            if (scenarios == null || scenarios.isEmpty()) {
                throw new IllegalArgumentException("scenarios must not be empty");
            }
            Map<InstrumentName, Integer> index = new HashMap<>();
            int[] instrumentIndex = new int[positions.size()];
            double[] quantity = new double[positions.size()];
            for (int p = 0; p < positions.size(); p++) {
                instrumentIndex[p] = index.computeIfAbsent(positions.get(p).instrument(), k -> index.size());
                quantity[p] = positions.get(p).scenarioQuantity();
            }
            InstrumentName[] instruments = new InstrumentName[index.size()];
            index.forEach((instrument, at) -> instruments[at] = instrument);
            return new Layout(List.copyOf(positions), List.copyOf(scenarios), scenarios, currency, List.of(instruments),
                    instrumentIndex, quantity);
        }

        /** The positions revalued in the scenarios at the pricer's market. */
        ScenarioPnlMatrix at(PositionPricer pricer) {
            if (pricer == null) {
                throw new IllegalArgumentException("pricer must not be null");
            }
            return new ScenarioPnlMatrix(this, unitPnlRows(instruments, asked, pricer));
        }

        List<Position> positions() {
            return positions;
        }

        /** Each position's {@link Position#scenarioQuantity()}, in position order. The caller must not modify it. */
        double[] quantities() {
            return quantity;
        }

        String currency() {
            return currency;
        }

        /** The layout at a liquidation search's markets, its instruments numbered by {@code slots}. */
        Slotted bySlot(InstrumentSlots slots) {
            return new Slotted(this, slots);
        }
    }

    /**
     * A {@link Layout} whose instruments' slots ({@link InstrumentSlots}) are resolved once, so that each market of a
     * liquidation search, a {@link CachingPricer}, gives the instruments' rows by slot into rows kept here.
     */
    static final class Slotted {
        private final Layout layout;
        private final int[] slots;
        private final double[][] rows;

        private Slotted(Layout layout, InstrumentSlots slots) {
            this.layout = layout;
            this.slots = new int[layout.instruments.size()];
            for (int i = 0; i < this.slots.length; i++) {
                this.slots[i] = slots.of(layout.instruments.get(i));
            }
            rows = new double[this.slots.length][];
        }

        /** The slot of position {@code p}'s instrument. */
        int slotOfPosition(int p) {
            return slots[layout.instrumentIndex[p]];
        }

        /** {@code layout.at(pricer).portfolioPnl()} into {@code out}: the same sums, in the same order. */
        void portfolioPnl(CachingPricer pricer, double[] out) {
            for (int i = 0; i < slots.length; i++) {
                rows[i] = pricer.unitPnl(slots[i], layout.instruments.get(i), layout.asked);
            }
            ScenarioAggregation.aggregate(rows, layout.scenarios.size(), layout.instrumentIndex, layout.quantity, out);
        }
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
        double[][] rows = unitPnlRows(instruments, scenarios, pricer);
        double[] unitPnl = new double[instruments.size() * n];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, unitPnl, i * n, n);
        }
        return unitPnl;
    }

    /**
     * {@link #unitPnl} as one row per instrument. A {@link CachingPricer}'s rows are its own, not copies: a
     * liquidation search reads the same rows for every group at each of its markets. The caller must not modify them.
     */
    private static double[][] unitPnlRows(List<InstrumentName> instruments, List<Scenario> scenarios,
            PositionPricer pricer) {
        int n = scenarios.size();
        double[][] rows = new double[instruments.size()][];
        if (pricer instanceof CachingPricer cached) {
            for (int i = 0; i < rows.length; i++) {
                rows[i] = cached.unitPnl(instruments.get(i), scenarios);
            }
            return rows;
        }
        if (pricer instanceof Black76PositionPricer black && n > 0) {
            ScenarioGrid grid = ScenarioGrid.of(scenarios);
            MarkedPositions marked = MarkedPositions.of(instruments, null, black);
            for (int i = 0; i < rows.length; i++) {
                rows[i] = new double[n];
                grid.unitPnl(marked, i, rows[i], 0);
            }
            return rows;
        }
        for (int i = 0; i < rows.length; i++) {
            InstrumentValuer valuer = pricer.valuer(instruments.get(i));
            rows[i] = unitPnl(valuer, valuer.value(0.0, 0.0), scenarios);
        }
        return rows;
    }

    /** One instrument's unit P&amp;L in each scenario, from its valuer and its value at the market, {@code base}. */
    static double[] unitPnl(InstrumentValuer valuer, double base, List<Scenario> scenarios) {
        double[] row = new double[scenarios.size()];
        for (int s = 0; s < row.length; s++) {
            row[s] = scenarios.get(s).unitPnl(valuer, base);
        }
        return row;
    }

    /** The positions, in row order. */
    public List<Position> positions() {
        return layout.positions;
    }

    /** The scenarios, in column order. */
    public List<Scenario> scenarios() {
        return layout.scenarios;
    }

    /** The settlement currency every P&amp;L is in ({@code BTC} or {@code USDC}). */
    public String currency() {
        return layout.currency;
    }

    /** The P&amp;L of position {@code position} in scenario {@code scenario}, in {@link #currency()}. */
    public double pnl(int position, int scenario) {
        return layout.quantity[position] * unitPnl[layout.instrumentIndex[position]][scenario];
    }

    /** The book's P&amp;L in each scenario: the column sums, in {@link #currency()}. */
    public double[] portfolioPnl() {
        int n = layout.scenarios.size();
        double[] out = new double[n];
        ScenarioAggregation.aggregate(unitPnl, n, layout.instrumentIndex, layout.quantity, out);
        return out;
    }

    /** The largest loss of the book over the scenarios, as a positive amount (0 when no scenario loses). */
    public double worstLoss() {
        return ScenarioAggregation.worstLoss(portfolioPnl(), layout.scenarios.size());
    }

    /** The index of the scenario with the book's lowest P&amp;L. */
    public int worstScenario() {
        return ScenarioAggregation.worstScenario(portfolioPnl(), layout.scenarios.size());
    }

    /** One row per position (instrument, size) and one column of P&amp;L per scenario, named by its label. */
    public Table toTable() {
        List<Position> positions = layout.positions;
        List<Scenario> scenarios = layout.scenarios;
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
