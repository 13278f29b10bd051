package margo.core.smiles;

/**
 * One expiry's smile as total implied variance against log-moneyness: {@code w(k) = sigma_BS(k)^2 T}, with
 * {@code k = ln(K/F)} (dimensionless) and {@code w} in years x (annualised vol)^2, i.e. dimensionless. This is the
 * variable in which Gatheral and Jacquier ("Arbitrage-free SVI volatility surfaces", Quantitative Finance 14,
 * 2014) state both no-arbitrage conditions, so one interface serves SVI, SSVI slices and SABR.
 *
 * <p>The derivatives default to central finite differences; closed-form smiles (SVI) override them. Sealed, so
 * a renderer can switch over the families exhaustively: {@link SviRaw} (SVI and SSVI slices) or {@link SabrSmile}.
 */
public sealed interface Smile permits SviRaw, SabrSmile {

    /** Step in log-moneyness of the default finite differences: truncation ~h^2, round-off ~1e-16 w / h^2. */
    double DIFFERENCE_STEP = 1e-4;

    /** The total implied variance {@code w(k)} at log-moneyness {@code k = ln(K/F)}; dimensionless. */
    double totalVariance(double logMoneyness);

    /** {@code dw/dk} at log-moneyness {@code k}. */
    default double totalVarianceSlope(double logMoneyness) {
        double h = DIFFERENCE_STEP;
        return (totalVariance(logMoneyness + h) - totalVariance(logMoneyness - h)) / (2 * h);
    }

    /** {@code d2w/dk2} at log-moneyness {@code k}. */
    default double totalVarianceCurvature(double logMoneyness) {
        double h = DIFFERENCE_STEP * 10; // a wider step: the second difference divides round-off by h^2
        return (totalVariance(logMoneyness + h) - 2 * totalVariance(logMoneyness) + totalVariance(logMoneyness - h))
                / (h * h);
    }

    /**
     * Gatheral and Jacquier's (2014) eq. 2.1, the risk-neutral density of {@code k} up to a positive factor:
     * {@code g(k) = (1 - k w'/(2w))^2 - (w'^2/4)(1/w + 1/4) + w''/2}. The smile is free of butterfly arbitrage
     * iff {@code g >= 0} everywhere (their Lemma 2.1, with {@code d_+(k) -> -infinity} as {@code k -> infinity}).
     */
    default double density(double logMoneyness) {
        double w = totalVariance(logMoneyness);
        double slope = totalVarianceSlope(logMoneyness);
        double curvature = totalVarianceCurvature(logMoneyness);
        double first = 1 - logMoneyness * slope / (2 * w);
        return first * first - slope * slope / 4 * (1 / w + 0.25) + curvature / 2;
    }

    /** The annualised Black implied volatility (decimal) at log-moneyness {@code k}: {@code sqrt(w(k)/T)}. */
    default double impliedVolatility(double logMoneyness, double timeYears) {
        return Math.sqrt(totalVariance(logMoneyness) / timeYears);
    }
}
