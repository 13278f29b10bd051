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
 *       unit-variance Student-t {@link margo.core.risk.Innovations}, degrees of freedom given or fitted.</li>
 * </ul>
 * A {@link margo.core.risk.ShockSeries} moves a rolling or expanding {@link margo.core.risk.Lookback} forward in
 * time, each estimate from returns before its origin only, beside the move that followed.
 *
 * <p><b>Backtests</b> ({@link margo.core.risk.Backtest}) of an exception sequence: {@link margo.core.risk.KupiecTest}
 * (proportion of failures), {@link margo.core.risk.ChristoffersenTest} (independence, conditional coverage) and the
 * Basel {@link margo.core.risk.TrafficLight}, with p-values and a plain verdict.
 */
package margo.core.risk;
