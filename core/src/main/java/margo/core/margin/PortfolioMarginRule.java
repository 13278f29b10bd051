package margo.core.margin;

import java.util.List;
import java.util.function.Function;

/**
 * Deribit-style portfolio margin: the book is revalued on a grid of price and volatility scenarios and margined
 * at its worst loss plus a roll shock and a delta shock (docs/margin-sources.md, B2;
 * support.deribit.com/hc/en-us/articles/25944756247837-Portfolio-Margin; docs.deribit.com private/pme/simulate).
 * Inverse books are margined in coin with the inverse P&amp;L ({@code q x/(1+x)} for {@code q} coin of perpetual
 * at a move {@code x}).
 * <pre>
 *   worst_case         = max(0, -min over scenarios of sum_i P&amp;L_i)
 *   roll_shock         = sum_i |delta_i| x max(min_annualised_move, annualised_move_risk x T_i)   (INFERRED)
 *   delta_shock        = see {@link PortfolioMarginParameters}                                 (Margo's reading)
 *   risk_matrix_margin = worst_case + roll_shock + delta_shock = IM
 *   MM                 = mm_factor x risk_matrix_margin
 * </pre>
 * Within one settlement currency P&amp;L nets across instruments: in example T2 (docs/margin-sources.md) the short
 * future's gain reduces the perpetual's loss. {@code pnl_offset} applies to the aggregated vector's positive
 * entries, which is what example T1 shows and does not change the worst case.
 *
 * <p>The roll shock's delta is {@code dV/d ln F} ({@link PositionPricer#moveDelta}): the position in coin for a
 * future, which is the case the published examples pin down; applying it to options by their delta is Margo's
 * reading.
 *
 * <p>Attribution ({@link #initialMarginContributions}) is Euler's: the worst case is positively homogeneous of
 * degree one in the sizes, so each position contributes {@code -its P&L in the worst scenario}; the roll shock is
 * additive; the delta shock is shared by each position's signed share of the net delta (it is not homogeneous,
 * its threshold makes the Euler derivative sum differ, so pro rata keeps the sum exact). The contributions sum to
 * IM; hedging positions have negative contributions.
 */
public final class PortfolioMarginRule implements MarginRule {

    private final PortfolioMarginParameters parameters;
    private final List<Scenario> scenarios;

    /** The rule with the given parameters ({@link PortfolioMarginParameters#DERIBIT_BTC} for Deribit BTC). */
    public PortfolioMarginRule(PortfolioMarginParameters parameters) {
        if (parameters == null) {
            throw new IllegalArgumentException("parameters must not be null");
        }
        this.parameters = parameters;
        this.scenarios = parameters.scenarios();
    }

    /** The parameters. */
    public PortfolioMarginParameters parameters() {
        return parameters;
    }

    /** The scenarios of the risk matrix. */
    public List<Scenario> scenarios() {
        return scenarios;
    }

    /** The positions' scenario P&amp;L matrix on this rule's grid (for custom formulas and reports). */
    public ScenarioPnlMatrix matrix(List<Position> positions, PositionPricer pricer) {
        return ScenarioPnlMatrix.of(positions, scenarios, pricer);
    }

    /** The full breakdown of the margin. */
    public PortfolioMarginResult evaluate(List<Position> positions, PositionPricer pricer) {
        return evaluate(matrix(positions, pricer), pricer);
    }

    /** The breakdown given the matrix already computed on this rule's scenarios. */
    PortfolioMarginResult evaluate(ScenarioPnlMatrix matrix, PositionPricer pricer) {
        double[] pnl = matrix.portfolioPnl();
        int n = pnl.length;
        int worstScenario = ScenarioAggregation.worstScenario(pnl, n);
        double worstCase = ScenarioAggregation.worstLoss(pnl, n);
        double[] aggregated = pnl.clone();
        for (int s = 0; s < n; s++) {
            if (aggregated[s] > 0) {
                aggregated[s] *= parameters.pnlOffset();
            }
        }
        double[] shocks = shocks(matrix.positions(), pricer, null);
        double riskMatrix = worstCase + shocks[0] + shocks[1];
        return new PortfolioMarginResult(matrix.currency(), scenarios, aggregated, worstScenario, worstCase,
                shocks[0], shocks[1], riskMatrix, parameters.mmFactor() * riskMatrix);
    }

    @Override
    public MarginRequirement requirement(List<Position> positions, PositionPricer pricer) {
        return evaluate(positions, pricer).requirement();
    }

    /**
     * The positions laid out on the risk matrix once ({@link ScenarioPnlMatrix.Layout}), revalued at each market;
     * a liquidation search also asks it by slot ({@link AtMarkets#bySlot}).
     */
    @Override
    public Function<PositionPricer, MarginRequirement> atMarkets(List<Position> positions) {
        return new AtMarkets(ScenarioPnlMatrix.Layout.of(positions, scenarios));
    }

    /** Fixed positions laid out once, whose requirement {@link #apply} gives at any market. */
    final class AtMarkets implements Function<PositionPricer, MarginRequirement> {
        private final ScenarioPnlMatrix.Layout layout;

        private AtMarkets(ScenarioPnlMatrix.Layout layout) {
            this.layout = layout;
        }

        @Override
        public MarginRequirement apply(PositionPricer pricer) {
            return evaluate(layout.at(pricer), pricer).requirement();
        }

        /** The same requirement at a search's markets, the positions' instruments numbered by {@code slots}. */
        BySlot bySlot(InstrumentSlots slots) {
            return new BySlot(layout, slots);
        }
    }

    /**
     * Fixed positions' requirement at the markets of a liquidation search, each a {@link CachingPricer} asked by the
     * instruments' slots ({@link InstrumentSlots}), resolved once: {@code evaluate(positions, pricer).requirement()}
     * bit for bit (the scenario sums in {@link ScenarioAggregation#aggregate} order, the shocks in position order),
     * without the breakdown, and with one set of buffers reused at every market. One search, one thread.
     */
    final class BySlot {
        private final ScenarioPnlMatrix.Layout layout;
        private final ScenarioPnlMatrix.Slotted slotted;
        private final List<Position> positions;
        private final Settlement settlement;
        private final double[] pnl;
        private final double[] delta;
        private final double[] timeToExpiry;
        private final double[] charges = new double[2];

        private BySlot(ScenarioPnlMatrix.Layout layout, InstrumentSlots slots) {
            this.layout = layout;
            this.slotted = layout.bySlot(slots);
            this.positions = layout.positions();
            settlement = positions.get(0).settlement();
            pnl = new double[scenarios.size()];
            delta = new double[positions.size()];
            timeToExpiry = new double[positions.size()];
        }

        /** {@code evaluate(positions, pricer).requirement()}. */
        MarginRequirement requirement(CachingPricer pricer) {
            slotted.portfolioPnl(pricer, pnl);
            double worstCase = ScenarioAggregation.worstLoss(pnl, pnl.length);
            for (int p = 0; p < delta.length; p++) {
                int slot = slotted.slotOfPosition(p);
                delta[p] = pricer.moveDelta(slot, positions.get(p).instrument());
                timeToExpiry[p] = pricer.timeToExpiry(slot, positions.get(p).instrument());
            }
            shocks(layout.quantities(), delta, timeToExpiry, settlement.usdPerUnit(pricer.indexPrice()), null,
                    charges);
            double riskMatrix = worstCase + charges[0] + charges[1];
            return new MarginRequirement(layout.currency(), riskMatrix, parameters.mmFactor() * riskMatrix);
        }
    }

    @Override
    public double[] initialMarginContributions(List<Position> positions, PositionPricer pricer) {
        ScenarioPnlMatrix matrix = matrix(positions, pricer);
        PortfolioMarginResult result = evaluate(matrix, pricer);
        double[] out = new double[positions.size()];
        shocks(positions, pricer, out);
        if (result.worstCase() > 0) {
            for (int p = 0; p < out.length; p++) {
                out[p] -= matrix.pnl(p, result.worstScenario());
            }
        }
        return out;
    }

    /**
     * The roll shock and delta shock of the positions, in their settlement currency; when {@code contributions} is
     * not null, adds each position's share of both to it.
     */
    private double[] shocks(List<Position> positions, PositionPricer pricer, double[] contributions) {
        double[] quantity = new double[positions.size()];
        double[] delta = new double[quantity.length];
        double[] timeToExpiry = new double[quantity.length];
        for (int p = 0; p < quantity.length; p++) {
            Position position = positions.get(p);
            quantity[p] = position.scenarioQuantity();
            delta[p] = pricer.moveDelta(position.instrument());
            timeToExpiry[p] = pricer.timeToExpiry(position.instrument());
        }
        double[] out = new double[2];
        shocks(quantity, delta, timeToExpiry, positions.get(0).settlement().usdPerUnit(pricer.indexPrice()),
                contributions, out);
        return out;
    }

    /**
     * The roll shock and delta shock into {@code out[0]} and {@code out[1]}, given each position's
     * {@link Position#scenarioQuantity()}, its instrument's unit {@link PositionPricer#moveDelta} in {@code delta}
     * (replaced by the position's delta) and time to expiry, and USD per unit of the settlement currency.
     */
    private void shocks(double[] quantity, double[] delta, double[] timeToExpiry, double usdPerUnit,
            double[] contributions, double[] out) {
        double roll = 0;
        double netDelta = 0;
        for (int p = 0; p < delta.length; p++) {
            delta[p] = quantity[p] * delta[p];
            double rollCharge = Math.abs(delta[p]) * parameters.rollMove(timeToExpiry[p]);
            roll += rollCharge;
            netDelta += delta[p];
            if (contributions != null) {
                contributions[p] += rollCharge;
            }
        }
        double excessUsd = Math.max(0.0, Math.abs(netDelta) * usdPerUnit - parameters.deltaShockThresholdUsd());
        double deltaShock = parameters.maxDeltaShock() * excessUsd / usdPerUnit;
        if (contributions != null && deltaShock > 0) {
            for (int p = 0; p < delta.length; p++) {
                contributions[p] += deltaShock * delta[p] / netDelta;
            }
        }
        out[0] = roll;
        out[1] = deltaShock;
    }
}
