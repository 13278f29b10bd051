package margo.core.margin;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parameters of Deribit-style portfolio margin (docs/margin-sources.md, B2; names as returned by Deribit's
 * {@code private/pme/simulate}, docs.deribit.com/api-reference/account-management/private-simulate.md).
 *
 * <p>Documented: the price grid ({@code ±priceRange} in {@code bucketsCount} steps a side, zero included, times
 * vol up / same / down), the extended moves with vol up only, MM = {@code mmFactor} x the risk-matrix margin.
 * <b>Inferred</b> from API outputs (matches examples T1 and T2 of docs/margin-sources.md exactly): the roll shock
 * {@code |delta| x max(minAnnualisedMove, annualisedMoveRisk x T)}. <b>Unpublished, Margo's documented reading</b>,
 * settable here:
 * <ul>
 *   <li>vol shock: up {@code +max(IV, minVolatilityForShockUp) x volatilityRangeUp x (30/DTE)^p}, down
 *       {@code -IV x volatilityRangeDown x (30/DTE)^p}, with {@code p = shortTermVegaPower} below
 *       {@code vegaPowerSwitchDays} days to expiry and {@code longTermVegaPower} from there, DTE floored at
 *       {@code minDaysToExpiry} (the form Paradex publishes, docs.paradex.trade/risk/portfolio-margin, with the
 *       notes' reading of {@code min_volatility_for_shock_up} as a floor on the IV the up-shock scales);</li>
 *   <li>extended table: options count {@code extendedTableFactor x min(1, priceRange/|move|)} of their P&amp;L
 *       (Paradex's published extended weights are {@code 16%/|shock|}, docs/margin-sources.md, T14); Deribit's
 *       {@code extended_dampener} is not modelled (no formula is published) and is not a parameter;</li>
 *   <li>delta shock: {@code maxDeltaShock x max(0, |net delta in USD| - deltaShockThresholdUsd)}, a charge only on
 *       delta beyond the liquidity threshold; it is zero in both published examples, as T1 and T2 require.</li>
 * </ul>
 * Deribit's {@code m_inc}, MMP and open-orders margin are not modelled (no positions-only formula is published).
 *
 * @param priceRange              the largest standard move, e.g. 0.16 for ±16%
 * @param bucketsCount            price steps on each side of zero, 4 at Deribit (9 price points)
 * @param volatilityRangeUp       relative up-shock of IV, 0.5 for BTC
 * @param volatilityRangeDown     relative down-shock of IV, 0.25
 * @param shortTermVegaPower      the power of (30/DTE) below {@code vegaPowerSwitchDays}, 0.3
 * @param longTermVegaPower       the power from {@code vegaPowerSwitchDays} on, 0.13
 * @param vegaPowerSwitchDays     days to expiry where the power switches, 30
 * @param minDaysToExpiry         the floor on DTE in the scaling, days, &gt; 0 (1)
 * @param minVolatilityForShockUp the IV floor the up-shock scales, decimal, 0.5
 * @param extendedMoves           the extended-table moves, e.g. -0.66 ... +5.0
 * @param extendedTableFactor     a multiplier of the extended options weight, 1
 * @param annualisedMoveRisk      roll-shock move per year, 0.075 for BTC
 * @param minAnnualisedMove       the roll-shock floor, 0.01 for BTC
 * @param maxDeltaShock           the delta-shock fraction, 0.1
 * @param deltaShockThresholdUsd  USD delta before the delta shock applies, 20,000,000
 * @param pnlOffset               the share of a positive aggregated P&amp;L reported in the aggregated vector, 0 for
 *                                BTC (0.6 in example T1)
 * @param mmFactor                MM over risk-matrix margin, 0.8
 */
public record PortfolioMarginParameters(double priceRange, int bucketsCount, double volatilityRangeUp,
                                        double volatilityRangeDown, double shortTermVegaPower,
                                        double longTermVegaPower, double vegaPowerSwitchDays,
                                        double minDaysToExpiry, double minVolatilityForShockUp,
                                        double[] extendedMoves, double extendedTableFactor,
                                        double annualisedMoveRisk, double minAnnualisedMove,
                                        double maxDeltaShock, double deltaShockThresholdUsd, double pnlOffset,
                                        double mmFactor) implements Serializable {

    /** Deribit's extended-table moves (support.deribit.com "Portfolio Margin"). */
    private static final double[] DERIBIT_EXTENDED = {-0.66, -0.33, 0.5, 1.0, 2.0, 3.0, 4.0, 5.0};

    /** The btc_usd / btc set of the Deribit API documentation's example (June 2024; docs/margin-sources.md, B2). */
    public static final PortfolioMarginParameters DERIBIT_BTC = new PortfolioMarginParameters(0.16, 4, 0.5, 0.25,
            0.3, 0.13, 30, 1, 0.5, DERIBIT_EXTENDED, 1, 0.075, 0.01, 0.1, 20_000_000, 0, 0.8);

    /** The eth_usd / eth set of a live capture (February 2026; docs/margin-sources.md, B2, example T1). */
    public static final PortfolioMarginParameters DERIBIT_ETH = new PortfolioMarginParameters(0.18, 4, 0.4, 0.25,
            0.3, 0.13, 30, 1, 0.5, DERIBIT_EXTENDED, 1, 0.05, 0.005, 0.1, 20_000_000, 0.6, 0.8);

    public PortfolioMarginParameters {
        requireIn("priceRange", priceRange, 0, 0.99);
        if (bucketsCount < 1) {
            throw new IllegalArgumentException("bucketsCount must be at least 1, not " + bucketsCount);
        }
        requireIn("volatilityRangeUp", volatilityRangeUp, 0, 100);
        requireIn("volatilityRangeDown", volatilityRangeDown, 0, 100);
        requireIn("shortTermVegaPower", shortTermVegaPower, 0, 10);
        requireIn("longTermVegaPower", longTermVegaPower, 0, 10);
        requireIn("vegaPowerSwitchDays", vegaPowerSwitchDays, 0, 36_500);
        if (!(minDaysToExpiry > 0)) {
            throw new IllegalArgumentException("minDaysToExpiry must be positive, not " + minDaysToExpiry);
        }
        requireIn("minVolatilityForShockUp", minVolatilityForShockUp, 0, 100);
        if (extendedMoves == null) {
            throw new IllegalArgumentException("extendedMoves must not be null (use an empty array for none)");
        }
        for (double move : extendedMoves) {
            if (!(move > -1) || !Double.isFinite(move) || move == 0) {
                throw new IllegalArgumentException("extendedMoves must be finite, non-zero and above -1, not " + move);
            }
        }
        extendedMoves = extendedMoves.clone();
        requireIn("extendedTableFactor", extendedTableFactor, 0, 1);
        requireIn("annualisedMoveRisk", annualisedMoveRisk, 0, 10);
        requireIn("minAnnualisedMove", minAnnualisedMove, 0, 10);
        requireIn("maxDeltaShock", maxDeltaShock, 0, 1);
        requireIn("deltaShockThresholdUsd", deltaShockThresholdUsd, 0, Double.MAX_VALUE);
        requireIn("pnlOffset", pnlOffset, 0, 1);
        requireIn("mmFactor", mmFactor, 0, 1);
    }

    @Override
    public double[] extendedMoves() {
        return extendedMoves.clone();
    }

    /** These parameters with another price range (the property most often changed). */
    public PortfolioMarginParameters withPriceRange(double range) {
        return new PortfolioMarginParameters(range, bucketsCount, volatilityRangeUp, volatilityRangeDown,
                shortTermVegaPower, longTermVegaPower, vegaPowerSwitchDays, minDaysToExpiry,
                minVolatilityForShockUp, extendedMoves, extendedTableFactor, annualisedMoveRisk, minAnnualisedMove,
                maxDeltaShock, deltaShockThresholdUsd, pnlOffset, mmFactor);
    }

    /** The (30/DTE)^power scaling of a vol shock at {@code timeToExpiryYears}. */
    public double vegaScaling(double timeToExpiryYears) {
        double days = Math.max(timeToExpiryYears * 365.0, minDaysToExpiry);
        double power = days < vegaPowerSwitchDays ? shortTermVegaPower : longTermVegaPower;
        return Math.pow(30.0 / days, power);
    }

    /** The roll-shock move for an expiry {@code timeToExpiryYears} away: {@code max(min, annualised x T)}. */
    public double rollMove(double timeToExpiryYears) {
        return Math.max(minAnnualisedMove, annualisedMoveRisk * timeToExpiryYears);
    }

    /**
     * The risk-matrix scenarios: first the standard grid, price point by price point from {@code -priceRange} to
     * {@code +priceRange} with vol up, same, down at each ({@code (2 bucketsCount + 1) x 3} entries, 27 at
     * Deribit, in the order of Deribit's 27-entry risk vector), then the extended moves with vol up.
     */
    public List<Scenario> scenarios() {
        VolatilityShock up = (iv, t) -> Math.max(iv, minVolatilityForShockUp) * volatilityRangeUp * vegaScaling(t);
        VolatilityShock down = (iv, t) -> -iv * volatilityRangeDown * vegaScaling(t);
        List<Scenario> scenarios = new ArrayList<>();
        for (int k = -bucketsCount; k <= bucketsCount; k++) {
            double move = priceRange * k / bucketsCount;
            String price = String.format(Locale.ROOT, "%+.1f%%", 100 * move);
            scenarios.add(new Scenario(price + " vol up", move, move, up, 1.0, 1.0));
            scenarios.add(new Scenario(price + " vol same", move, move, VolatilityShock.NONE, 1.0, 1.0));
            scenarios.add(new Scenario(price + " vol down", move, move, down, 1.0, 1.0));
        }
        for (double move : extendedMoves) {
            double weight = extendedTableFactor * Math.min(1.0, priceRange / Math.abs(move));
            scenarios.add(new Scenario(String.format(Locale.ROOT, "extended %+.0f%% vol up", 100 * move), move,
                    Math.copySign(priceRange, move), up, weight, 1.0));
        }
        return scenarios;
    }

    /** The number of standard (non-extended) scenarios, {@code (2 bucketsCount + 1) x 3}. */
    public int standardScenarioCount() {
        return (2 * bucketsCount + 1) * 3;
    }

    private static void requireIn(String name, double value, double low, double high) {
        if (!(value >= low && value <= high)) {
            throw new IllegalArgumentException(name + " must be in [" + low + ", " + high + "], not " + value);
        }
    }
}
