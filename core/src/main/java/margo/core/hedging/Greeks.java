package margo.core.hedging;

/**
 * The sensitivities of a margin group's USD equity (or of one position's share of it) to the market, with the
 * delta as Deribit reports it beside them. The market moves as {@link margo.core.margin.PositionPricer} moves it:
 * a relative move {@code x} of the index, every forward and the perpetual together, an additive shift of every
 * implied volatility, and calendar time with forwards and implied volatilities held.
 *
 * <p>Each USD greek is a derivative of the equity {@code E} in USD; {@link Greek} gives the coin columns (the USD
 * ones divided by the index) and the units of each.
 *
 * @param delta    the positions' delta in coin as Deribit reports it: for coin-settled instruments the coin P&amp;L
 *                 per unit relative move, {@code dV_coin/d ln F} (the premium-adjusted delta of an inverse option,
 *                 {@code N(d1) - V/F} per call; {@code N/F} for {@code N} USD of an inverse future), for linear ones
 *                 {@code dV/dF}; collateral is not a position and has none
 * @param deltaUsd {@code dE/dx}: USD per 1.00 relative move (a 1% move earns {@code deltaUsd / 100}), collateral
 *                 included
 * @param gammaUsd {@code d2E/dx2 / 100}: the change of {@code deltaUsd} per 1% move, USD
 * @param vegaUsd  {@code dE/dsigma / 100}: USD per volatility point
 * @param thetaUsd {@code dE/dt / 365}: USD per calendar day
 * @param vannaUsd {@code d2E/dx dsigma / 100}: the change of {@code deltaUsd} per volatility point, USD
 * @param volgaUsd {@code d2E/dsigma2 / 10^4}: the change of {@code vegaUsd} per volatility point, USD
 */
public record Greeks(double delta, double deltaUsd, double gammaUsd, double vegaUsd, double thetaUsd,
                     double vannaUsd, double volgaUsd) {

    /** No sensitivity at all: an empty group, or USD cash. */
    public static final Greeks ZERO = new Greeks(0, 0, 0, 0, 0, 0, 0);

    /** The sensitivities of two holdings together. */
    public Greeks plus(Greeks other) {
        return new Greeks(delta + other.delta, deltaUsd + other.deltaUsd, gammaUsd + other.gammaUsd,
                vegaUsd + other.vegaUsd, thetaUsd + other.thetaUsd, vannaUsd + other.vannaUsd,
                volgaUsd + other.volgaUsd);
    }

    /** The sensitivities of {@code factor} times this holding. */
    public Greeks times(double factor) {
        return new Greeks(factor * delta, factor * deltaUsd, factor * gammaUsd, factor * vegaUsd, factor * thetaUsd,
                factor * vannaUsd, factor * volgaUsd);
    }
}
