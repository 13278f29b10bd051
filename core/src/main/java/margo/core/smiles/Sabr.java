package margo.core.smiles;

/**
 * SABR parameters for one expiry (Hagan, Kumar, Lesniewski and Woodward, "Managing smile risk", Wilmott
 * Magazine 2002): {@code dF = alpha_t F^beta dW}, {@code d alpha_t = nu alpha_t dZ}, {@code dW dZ = rho dt}.
 *
 * @param alpha the initial volatility level, &gt; 0, in units of F^(1 - beta) per sqrt(year) (for beta = 1
 *              an annualised lognormal vol, decimal)
 * @param beta  the CEV exponent in [0, 1], fixed by the user, not fitted
 * @param rho   the correlation of forward and volatility, in (-1, 1)
 * @param nu    the volatility of volatility, &ge; 0, per sqrt(year)
 */
public record Sabr(double alpha, double beta, double rho, double nu) {

    public Sabr {
        Checks.positive("alpha", alpha);
        if (!(beta >= 0 && beta <= 1)) {
            throw new IllegalArgumentException("beta must be in [0, 1], but was " + beta);
        }
        Checks.correlation("rho", rho);
        if (!(nu >= 0) || Double.isInfinite(nu)) {
            throw new IllegalArgumentException("nu must be finite and >= 0, but was " + nu);
        }
    }

    /** Which small-time expansion of SABR's Black implied volatility to use. */
    public enum Expansion {
        /** Hagan et al. (2002), eq. 2.17a: the market standard, what QuantLib's {@code sabrVolatility} computes. */
        HAGAN_2002,
        /**
         * Obloj, "Fine-tune your smile: correction to Hagan et al.", Wilmott Magazine 2008: the leading term
         * {@code I0 = nu ln(F/K) / x(z)} with {@code z = nu (F^(1-b) - K^(1-b)) / (alpha (1-b))} (for
         * {@code beta = 1}, {@code z = nu ln(F/K) / alpha}, where it equals Hagan's), which is the correct
         * short-time limit (Berestycki, Busca and Florent 2004) and more accurate in the wings for {@code beta < 1};
         * times Hagan's {@code 1 + I1 T}.
         */
        OBLOJ_2008
    }

    /**
     * Hagan's lognormal (Black) implied volatility, annualised decimal (Hagan et al. 2002, eq. 2.17a; at the
     * money, eq. 2.18, is its limit):
     * <pre>
     * sigma_B = alpha / ((FK)^((1-b)/2) (1 + (1-b)^2/24 L^2 + (1-b)^4/1920 L^4)) * z / x(z) * (1 + I1 T)
     * I1 = (1-b)^2/24 alpha^2/(FK)^(1-b) + rho b nu alpha / (4 (FK)^((1-b)/2)) + (2 - 3 rho^2)/24 nu^2
     * z = nu/alpha (FK)^((1-b)/2) L,   x(z) = ln((sqrt(1 - 2 rho z + z^2) + z - rho) / (1 - rho)),   L = ln(F/K)
     * </pre>
     * For {@code |z| < 1e-5}, {@code z/x(z)} is replaced by its expansion {@code 1 - rho z/2 + (2 - 3 rho^2) z^2/12}
     * (error O(z^3)), which is smooth through the money where the quotient is 0/0.
     *
     * @param forward   the forward F, &gt; 0 (any currency, the same as the strike)
     * @param strike    the strike K, &gt; 0
     * @param timeYears time to expiry T, years
     */
    public double impliedVolatility(double forward, double strike, double timeYears) {
        return impliedVolatility(forward, strike, timeYears, Expansion.HAGAN_2002);
    }

    /** The Black implied volatility (annualised decimal) by the chosen {@link Expansion}; arguments as above. */
    public double impliedVolatility(double forward, double strike, double timeYears, Expansion expansion) {
        double oneMinusBeta = 1 - beta;
        double logRatio = Math.log(forward / strike);
        double fkPower = Math.pow(forward * strike, oneMinusBeta / 2); // (FK)^((1-b)/2)
        double b2 = oneMinusBeta * oneMinusBeta;
        double correction = 1 + (b2 / 24 * alpha * alpha / (fkPower * fkPower)
                + rho * beta * nu * alpha / (4 * fkPower)
                + (2 - 3 * rho * rho) / 24 * nu * nu) * timeYears;
        if (expansion == Expansion.OBLOJ_2008) {
            // q = (F^(1-b) - K^(1-b)) / (1-b) = -F^(1-b) expm1(-(1-b) L) / (1-b), accurate near the money; q -> F^(1-b) L
            // as b -> 1. The leading term is alpha (L/q) z/x(z) with z = nu q / alpha, alpha F^(b-1) at the money.
            double fPower = Math.pow(forward, oneMinusBeta);
            double q = oneMinusBeta == 0 ? logRatio : -fPower * Math.expm1(-oneMinusBeta * logRatio) / oneMinusBeta;
            double ratio = logRatio == 0 ? 1 / fPower : logRatio / q;
            return alpha * ratio * zOverX(nu / alpha * q) * correction;
        }
        double l2 = logRatio * logRatio;
        double denominator = fkPower * (1 + b2 / 24 * l2 + b2 * b2 / 1920 * l2 * l2);
        return alpha / denominator * zOverX(nu / alpha * fkPower * logRatio) * correction;
    }

    /** {@code z / x(z)}, {@code x(z) = ln((sqrt(1 - 2 rho z + z^2) + z - rho) / (1 - rho))}, smooth at z = 0. */
    private double zOverX(double z) {
        if (Math.abs(z) < 1e-5) {
            return 1 - rho * z / 2 + (2 - 3 * rho * rho) * z * z / 12;
        }
        return z / Math.log((Math.sqrt(1 - 2 * rho * z + z * z) + z - rho) / (1 - rho));
    }

    /**
     * The alpha that gives an at-the-money volatility {@code atmVolatility} when {@code nu = 0}, the leading term
     * of eq. 2.18: {@code alpha = sigma_ATM F^(1 - beta)}; a start for the fit.
     */
    static double atTheMoneyAlpha(double atmVolatility, double forward, double beta) {
        return atmVolatility * Math.pow(forward, 1 - beta);
    }
}
