/**
 * Smile models fitted to an option chain, with static-arbitrage checks and, on request, enforcement: raw SVI
 * and its jump-wings form per expiry, SSVI surfaces (Gatheral and Jacquier, "Arbitrage-free SVI volatility
 * surfaces", Quantitative Finance 14, 2014) and Hagan's lognormal SABR per expiry with beta fixed by the user.
 *
 * <p>Start at {@link margo.core.smiles.SmileQuotes#fromChain} to take a chain's out-of-the-money implied
 * volatilities onto primitive arrays, then {@link margo.core.smiles.SmileFamily#fit} (or the
 * {@code SviFitter}, {@code SsviFitter}, {@code SabrFitter} behind it). The result, a
 * {@link margo.core.smiles.SurfaceFit}, holds the per-expiry smiles (every one a
 * {@link margo.core.smiles.Smile}: total variance {@code w(k) = sigma^2 T} against {@code k = ln(K/F)}),
 * residuals and RMSE in vol points, an {@link margo.core.smiles.ArbitrageReport} of butterfly ({@code g(k) < 0},
 * G&amp;J eq. 2.1) and calendar ({@code w} falling in {@code T}) violations with their log-moneyness ranges, and
 * model volatilities for any {@code (T, k)} or a whole chain at once.
 */
package margo.core.smiles;
