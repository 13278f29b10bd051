package margo.core.risk;

import java.util.Locale;

/**
 * The haircut a coin deserves as collateral: the fall of its price over the liquidation horizon at a confidence,
 * from its own history, plus a declared liquidity add-on for the cost of selling it in size (market impact, which a
 * price history does not show). {@code haircut = min(downShock + liquidityAddOn, 0.99)}; a negative down shock
 * (a history that only rose) counts as 0.
 *
 * @param haircut        the fraction of the collateral's USD value not counted, for
 *                       {@link margo.core.margin.Collateral}
 * @param downShock      the estimated fall over the liquidation horizon
 * @param liquidityAddOn the declared add-on
 * @param method         the estimator's description
 * @param spec           its confidence and horizon (the liquidation period in bars)
 * @param observations   the returns the estimate used
 */
public record CollateralHaircut(double haircut, double downShock, double liquidityAddOn, String method,
                                ShockSpec spec, int observations) {

    /** The largest haircut: collateral always counts for something. */
    public static final double MAX_HAIRCUT = 0.99;

    /**
     * The haircut from the latest {@code lookback} of {@code logReturns} (all of them when shorter), by
     * {@code estimator}.
     */
    public static CollateralHaircut of(double[] logReturns, ShockEstimator estimator, int lookback,
                                       double liquidityAddOn) {
        if (!(liquidityAddOn >= 0 && liquidityAddOn < 1)) {
            throw new IllegalArgumentException("a liquidity add-on must be a fraction in [0, 1), not "
                    + liquidityAddOn);
        }
        RiskArguments.requireAtLeast("the haircut lookback", lookback, 2);
        int to = logReturns.length;
        int from = Math.max(0, to - lookback);
        Shock shock = estimator.shock(logReturns, from, to);
        double down = Math.max(0, shock.down());
        return new CollateralHaircut(Math.min(down + liquidityAddOn, MAX_HAIRCUT), down, liquidityAddOn,
                estimator.method(), estimator.spec(), to - from);
    }

    /** E.g. {@code "haircut 18.4% = 16.4% fall over 2 bars at 99% (historical simulation, 1000 returns) + 2.0%"}. */
    public String summary() {
        return String.format(Locale.ROOT, "haircut %.2f%% = %.2f%% fall over %d bars at %s (%s, %d returns) + %.2f%%"
                        + " liquidity add-on", 100 * haircut, 100 * downShock, spec.horizonBars(),
                Backtest.percent(spec.confidence()), method, observations, 100 * liquidityAddOn);
    }
}
