/**
 * Risk: margin-level shocks from price history at a confidence and horizon, and the backtests that prove them.
 * Everything works on primitive arrays of one-bar log returns ({@link margo.core.risk.HorizonReturns}); the
 * language's {@code history()} loader supplies them. Formulas, sources and caveats: {@code docs/risk.md}.
 *
 * <p><b>Shocks</b>, each tail on its own, as fractions of the price ({@link margo.core.risk.Shock}), from a
 * {@link margo.core.risk.ShockEstimator} asked for a {@link margo.core.risk.ShockSpec} (confidence, horizon in
 * bars, value at risk or expected shortfall):
 * <ul>
 *   <li>{@link margo.core.risk.HistoricalSimulation}: the window's own tail, at a direct horizon or by the square
 *       root of time ({@link margo.core.risk.HorizonScaling});</li>
 *   <li>{@link margo.core.risk.EwmaEstimator}: RiskMetrics volatility ({@link margo.core.risk.Ewma}) with normal or
 *       unit-variance Student-t {@link margo.core.risk.Innovations}, degrees of freedom given or fitted;</li>
 *   <li>{@link margo.core.risk.FilteredHistoricalSimulation}: the window's returns standardised by an EWMA or
 *       {@link margo.core.risk.Garch11} {@link margo.core.risk.VolatilityFilter}, their tail scaled by the next
 *       bar's forecast; GARCH by maximum likelihood ({@link margo.core.risk.Garch11Estimation}, stationarity
 *       enforced, standard errors in the {@link margo.core.risk.Garch11Fit}).</li>
 * </ul>
 * A {@link margo.core.risk.ShockSeries} moves a rolling or expanding {@link margo.core.risk.Lookback} forward in
 * time, each estimate from returns before its origin only, beside the move that followed.
 * {@link margo.core.risk.AntiProcyclicality} applies EMIR RTS 153/2013 art. 28's buffer, stressed-period weight
 * and ten-year floor to such a series, each tool's effect kept apart in an {@link margo.core.risk.ApcSeries}.
 *
 * <p><b>Backtests</b> ({@link margo.core.risk.Backtest}) of an exception sequence: {@link margo.core.risk.KupiecTest}
 * (proportion of failures), {@link margo.core.risk.ChristoffersenTest} (independence, conditional coverage) and the
 * Basel {@link margo.core.risk.TrafficLight}, with p-values and a plain verdict; a
 * {@link margo.core.risk.CoverageTable} sets observed against nominal exceedance from 90% to 99.9%.
 *
 * <p><b>From a shock to rules</b>: {@link margo.core.risk.RuleCalibration} turns a shock (and, when given, an
 * {@link margo.core.risk.ImpliedVolatilityShock}) into portfolio-margin, SPAN or standard-margin parameters, saying
 * where each came from ({@link margo.core.risk.CalibratedRules}); {@link margo.core.risk.ExtendedMoveCoverage}
 * says how often history reached the extended moves. {@link margo.core.risk.CollateralHaircut} gives a coin's haircut
 * over a liquidation horizon plus a liquidity add-on, {@link margo.core.risk.FeeCalibration} a volatility-adaptive
 * {@link margo.core.risk.FeeSchedule} and its breach rate, and {@link margo.core.risk.ShockExplanation} the sample,
 * shock, anti-procyclicality components and coverage behind a calibrated number. {@link margo.core.risk.BookBacktest}
 * replays historical moves on a fixed {@link margo.core.margin.Book} and backtests the margin a rule required before
 * each.
 */
package margo.core.risk;
