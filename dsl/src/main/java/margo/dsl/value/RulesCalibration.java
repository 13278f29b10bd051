package margo.dsl.value;

import java.util.List;
import margo.core.market.PriceHistory;
import margo.core.risk.ApcSeries;
import margo.core.risk.CalibratedRules;
import margo.core.risk.ExtendedMoveCoverage;
import margo.core.risk.Garch11Fit;
import margo.core.risk.ShockExplanation;
import margo.core.risk.ShockSeries;

/**
 * How a rules value was calibrated by {@code rules N = calibrate RULES to HISTORY { ... }}: the history, the shock
 * series of the estimator through time (without look-ahead), the anti-procyclicality applied to it, and what the
 * latest shock made of the rule's parameters. {@code explain}, {@code backtest} and {@code shocks} read it.
 *
 * @param history      the price history, as loaded (and kept) by the recipe
 * @param historyLabel the history as written in the recipe, e.g. {@code btc}
 * @param horizon      the horizon as written, e.g. {@code 1d}
 * @param lookback     the lookback as written, e.g. {@code 1y}
 * @param calculated   the estimator's shocks through time
 * @param apc          the anti-procyclicality tools' shocks through time, or null when none was chosen
 * @param explanation  the latest shock's sample, tails, components and backtests
 * @param calibrated   the new parameters and where each came from
 * @param extended     how often the history moved beyond each extended move of a portfolio margin (empty for
 *                     other families)
 * @param garch        for filtered historical simulation with a GARCH filter, the GARCH(1,1) fitted to the latest
 *                     shock's window, with its standard errors; null for other methods
 */
public record RulesCalibration(PriceHistory history, String historyLabel, String horizon, String lookback,
                               ShockSeries calculated, ApcSeries apc, ShockExplanation explanation,
                               CalibratedRules<?> calibrated, List<ExtendedMoveCoverage> extended, Garch11Fit garch) {

    public RulesCalibration {
        extended = List.copyOf(extended);
    }

    /** The shocks the rule applies through time: with anti-procyclicality when chosen, else the calculated ones. */
    public ShockSeries applied() {
        return apc == null ? calculated : apc.series(ApcSeries.Component.APPLIED);
    }
}
