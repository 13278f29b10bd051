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

    /** The positions laid out on the risk matrix once ({@link ScenarioPnlMatrix.Layout}), revalued at each market. */
    @Override
    public Function<PositionPricer, MarginRequirement> atMarkets(List<Position> positions) {
        ScenarioPnlMatrix.Layout layout = ScenarioPnlMatrix.Layout.of(positions, scenarios);
        return pricer -> evaluate(layout.at(pricer), pricer).requirement();
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
        double roll = 0;
        double netDelta = 0;
        double[] delta = new double[positions.size()];
        for (int p = 0; p < delta.length; p++) {
            Position position = positions.get(p);
            delta[p] = position.scenarioQuantity() * pricer.moveDelta(position.instrument());
            double rollCharge = Math.abs(delta[p]) * parameters.rollMove(pricer.timeToExpiry(position.instrument()));
            roll += rollCharge;
            netDelta += delta[p];
            if (contributions != null) {
                contributions[p] += rollCharge;
            }
        }
        double usdPerUnit = positions.get(0).settlement().usdPerUnit(pricer.indexPrice());
        double excessUsd = Math.max(0.0, Math.abs(netDelta) * usdPerUnit - parameters.deltaShockThresholdUsd());
        double deltaShock = parameters.maxDeltaShock() * excessUsd / usdPerUnit;
        if (contributions != null && deltaShock > 0) {
            for (int p = 0; p < delta.length; p++) {
                contributions[p] += deltaShock * delta[p] / netDelta;
            }
        }
        return new double[] {roll, deltaShock};
    }
}
