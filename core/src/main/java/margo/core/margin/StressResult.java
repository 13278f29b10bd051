package margo.core.margin;

/**
 * A group under a stress scenario.
 *
 * @param priceMove       the relative move of index and every forward, e.g. {@code -0.30}
 * @param volatilityShift the additive shift of every implied volatility, decimal ({@code 0.20}: twenty points up)
 * @param pnl             the change of equity, USD, collateral revaluation included
 * @param before          the state now
 * @param after           the state in the stressed market (margin recomputed there)
 */
public record StressResult(double priceMove, double volatilityShift, double pnl, MarginState before,
                           MarginState after) {
}
