package margo.core.margin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import margo.core.pricing.Black76;
import margo.core.pricing.OptionType;

/**
 * A list of {@link Scenario}s compiled to primitive arrays, for revaluing many {@link MarkedPositions} by Black-76
 * without objects per scenario. It gives the numbers of {@link Scenario#unitPnl} with a
 * {@link Black76PositionPricer} valuer, computed the same way, except that the moved log-moneyness is
 * {@code ln(F/K) + ln(1 + move)} rather than {@code ln(F(1 + move)/K)} (a difference of an ulp or so of the
 * log-moneyness).
 *
 * <p>What does not change between scenarios is computed once per position: {@code ln(F/K)}, {@code sqrt T}, the
 * unshocked price, and the volatility shift of each distinct {@link VolatilityShock} of the grid (Deribit's grid
 * has three, up, none and down, so the {@code (30/DTE)^p} power of its vega scaling is taken twice per option
 * rather than in 26 of its 35 scenarios). What does not change between positions is computed once here:
 * {@code 1 + move}, {@code ln(1 + move)} and the weights. A scenario's revaluation is then one
 * {@link Black76#priceFromLogMoneyness} and a few multiplications.
 *
 * <p>Layouts are those of {@link ScenarioAggregation}: one row of {@link #size()} scenarios per position.
 */
public final class ScenarioGrid {

    private final double[] optionGrowth;
    private final double[] optionLogGrowth;
    private final double[] optionWeight;
    private final double[] deltaOneGrowth;
    private final double[] deltaOneWeight;
    private final VolatilityShock[] shocks;
    private final int[] shockOf;

    private ScenarioGrid(List<Scenario> scenarios) {
        int n = scenarios.size();
        optionGrowth = new double[n];
        optionLogGrowth = new double[n];
        optionWeight = new double[n];
        deltaOneGrowth = new double[n];
        deltaOneWeight = new double[n];
        shockOf = new int[n];
        List<VolatilityShock> distinct = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            Scenario scenario = scenarios.get(s);
            optionGrowth[s] = 1 + scenario.priceMove();
            optionLogGrowth[s] = Math.log1p(scenario.priceMove());
            optionWeight[s] = scenario.optionWeight();
            deltaOneGrowth[s] = 1 + scenario.deltaOnePriceMove();
            deltaOneWeight[s] = scenario.deltaOneWeight();
            // By identity: a shock is a function, and the grids of PortfolioMarginParameters share their instances.
            int at = indexOfSame(distinct, scenario.volatilityShock());
            if (at < 0) {
                at = distinct.size();
                distinct.add(scenario.volatilityShock());
            }
            shockOf[s] = at;
        }
        shocks = distinct.toArray(new VolatilityShock[0]);
    }

    /** The scenarios compiled. */
    public static ScenarioGrid of(List<Scenario> scenarios) {
        if (scenarios == null || scenarios.isEmpty()) {
            throw new IllegalArgumentException("scenarios must not be empty");
        }
        return new ScenarioGrid(scenarios);
    }

    /** The number of scenarios. */
    public int size() {
        return optionGrowth.length;
    }

    /**
     * The P&amp;L of one unit of position {@code p}'s instrument in each scenario, its quantity left out, into
     * {@code out[offset + s]}: what {@link Scenario#unitPnl} gives for it, in its settlement currency.
     */
    public void unitPnl(MarkedPositions positions, int p, double[] out, int offset) {
        unitPnl(positions, p, out, offset, new double[shocks.length]);
    }

    /**
     * The P&amp;L of positions {@code from <= p < to} in each scenario, {@code sum quantity[p] x unit P&L}, into
     * {@code out[s]} (overwritten), in their common settlement currency.
     */
    public void pnl(MarkedPositions positions, int from, int to, double[] out) {
        pnl(positions, from, to, out, new double[size()], new double[shocks.length]);
    }

    /**
     * The worst loss of every account, every position revalued in every scenario: account {@code a} holds
     * positions {@code accountStart[a] <= p < accountStart[a + 1]} of one settlement currency, and {@code out[a]}
     * receives {@code max(0, -min over scenarios of its P&L)}. When {@code parallel}, accounts run in blocks over
     * all cores ({@link AccountBlocks}); each block reuses its buffers.
     */
    public void worstLosses(MarkedPositions positions, int[] accountStart, double[] out, boolean parallel) {
        int accounts = accountStart.length - 1;
        if (out.length < accounts) {
            throw new IllegalArgumentException("out must have room for " + accounts + " accounts, not " + out.length);
        }
        AccountBlocks.forEach(accounts, parallel, (fromAccount, toAccount) -> {
            double[] pnl = new double[size()];
            double[] unit = new double[size()];
            double[] shift = new double[shocks.length];
            for (int a = fromAccount; a < toAccount; a++) {
                pnl(positions, accountStart[a], accountStart[a + 1], pnl, unit, shift);
                out[a] = ScenarioAggregation.worstLoss(pnl, size());
            }
        });
    }

    private void pnl(MarkedPositions positions, int from, int to, double[] out, double[] unit, double[] shift) {
        int n = size();
        Arrays.fill(out, 0, n, 0.0);
        for (int p = from; p < to; p++) {
            unitPnl(positions, p, unit, 0, shift);
            double q = positions.quantity[p];
            for (int s = 0; s < n; s++) {
                out[s] += q * unit[s];
            }
        }
    }

    private void unitPnl(MarkedPositions positions, int p, double[] out, int offset, double[] shift) {
        if (positions.type[p] == null) {
            deltaOneUnitPnl(positions.forward[p], positions.inverse[p], out, offset);
        } else {
            optionUnitPnl(positions.type[p], positions.forward[p], positions.strike[p], positions.timeToExpiry[p],
                    positions.markVolatility[p], positions.inverse[p], out, offset, shift);
        }
    }

    /** As {@code DeltaOneValuer} of {@link Black76PositionPricer}: {@code -1/F'} coin (inverse) or {@code F'}. */
    private void deltaOneUnitPnl(double forward, boolean inverse, double[] out, int offset) {
        double base = inverse ? -1.0 / forward : forward;
        for (int s = 0; s < deltaOneGrowth.length; s++) {
            double f = forward * deltaOneGrowth[s];
            double value = inverse ? -1.0 / f : f;
            out[offset + s] = deltaOneWeight[s] * (value - base);
        }
    }

    /**
     * As {@code OptionValuer} of {@link Black76PositionPricer}: Black-76 at the moved forward and the shifted
     * volatility floored at zero, divided by the moved forward for an inverse option.
     */
    private void optionUnitPnl(OptionType type, double forward, double strike, double timeToExpiry,
            double markVolatility, boolean inverse, double[] out, int offset, double[] shift) {
        double unshocked = Math.max(0.0, markVolatility);
        // The checked entry point: invalid market data (a NaN or infinite IV, a negative time) gives NaN here, and
        // then in every scenario, as the object path does.
        double base = Black76PositionPricer.optionValue(type, forward, strike, timeToExpiry, unshocked, inverse);
        if (Double.isNaN(base)) {
            Arrays.fill(out, offset, offset + size(), Double.NaN);
            return;
        }
        for (int k = 0; k < shocks.length; k++) {
            shift[k] = shocks[k].shift(markVolatility, timeToExpiry);
        }
        double logMoneyness = Black76.logMoneyness(forward, strike);
        double sqrtTime = Math.sqrt(timeToExpiry);
        for (int s = 0; s < optionGrowth.length; s++) {
            double f = forward * optionGrowth[s];
            double volatility = Math.max(0.0, markVolatility + shift[shockOf[s]]);
            // Black76.price gives NaN for an infinite volatility; the unchecked kernel would give its limit.
            double price = volatility < Double.POSITIVE_INFINITY
                    ? Black76.priceFromLogMoneyness(type, f, strike, logMoneyness + optionLogGrowth[s],
                            volatility * sqrtTime)
                    : Double.NaN;
            double value = inverse ? price / f : price;
            out[offset + s] = optionWeight[s] * (value - base);
        }
    }

    private static int indexOfSame(List<VolatilityShock> shocks, VolatilityShock shock) {
        for (int k = 0; k < shocks.size(); k++) {
            if (shocks.get(k) == shock) {
                return k;
            }
        }
        return -1;
    }
}
