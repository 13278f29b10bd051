package margo.core.models;

/**
 * The first, second and fourth cumulants of the log-forward return {@code X = ln(F_T / F_0)} over one expiry, which
 * set the truncation range of the COS method (F. Fang and C. W. Oosterlee, "A novel pricing method for European
 * options based on Fourier-cosine series expansions", SIAM J. Sci. Comput. 31(2), 2008, section 5):
 * {@code [a, b] = [c1 - L sqrt(c2 + sqrt(c4)), c1 + L sqrt(c2 + sqrt(c4))]}.
 *
 * @param c1 the mean of X, dimensionless (log return over the expiry)
 * @param c2 the variance of X, &gt; 0
 * @param c4 the fourth cumulant of X, &ge; 0 (excess kurtosis times c2 squared)
 */
public record Cumulants(double c1, double c2, double c4) {

    public Cumulants {
        ModelArguments.requireFinite("c1", c1);
        ModelArguments.requirePositive("c2", c2);
        ModelArguments.requireNonNegative("c4", c4);
    }

    /** The half-width {@code L sqrt(c2 + sqrt(c4))} of the truncation range, in units of X. */
    public double halfWidth(double truncationMultiple) {
        return truncationMultiple * Math.sqrt(c2 + Math.sqrt(c4));
    }

    /**
     * The fourth cumulant of X read from the characteristic function on the real line, for models where no closed
     * form is at hand (Heston): {@code ln|phi(u)| = -c2 u^2 / 2 + c4 u^4 / 24 - c6 u^6 / 720 + ...}, so
     * {@code g(u) = 24 (ln|phi(u)| + c2 u^2 / 2) / u^4 = c4 - c6 u^2 / 30 + c8 u^4 / 1680 - ...}; the Richardson
     * combination {@code 1.5 g(h) - 0.6 g(2h) + 0.1 g(3h)} removes the u^2 and u^4 terms. The step
     * {@code h = 0.05 / sqrt(c2)} keeps the cancellation error near {@code 1e-10 c2^2} and 3h well inside the radius
     * of convergence of the cumulant series (the distance to the nearest moment explosion, which is small for a high
     * vol of vol). c4 only widens the truncation range, so the percent-level accuracy this gives even for jumps much
     * wider than {@code sqrt(c2)} is ample. Negative results (rounding, or a platykurtic model) are returned as 0.
     *
     * @param c2 the exact variance of X
     */
    public static double fourthFromCharacteristicFunction(CharacteristicFunctionModel model, double timeYears,
            double c2) {
        double h = 0.05 / Math.sqrt(c2);
        double c4 = 1.5 * excessOverGaussian(model, timeYears, c2, h)
                - 0.6 * excessOverGaussian(model, timeYears, c2, 2.0 * h)
                + 0.1 * excessOverGaussian(model, timeYears, c2, 3.0 * h);
        return Math.max(0.0, c4);
    }

    /**
     * All three cumulants read from the characteristic function, for a model known only through it
     * ({@link UserDefinedModel}). With {@code K(u) = ln phi(u) = i c1 u - c2 u^2 / 2 - i c3 u^3 / 6 + c4 u^4 / 24 ...},
     * {@code Im K(h) / h = c1 - c3 h^2 / 6 + ...} and {@code -2 Re K(h) / h^2 = c2 - c4 h^2 / 12 + ...}, and the
     * Richardson combination {@code 1.5 g(h) - 0.6 g(2h) + 0.1 g(3h)} of {@link #fourthFromCharacteristicFunction}
     * removes their h^2 and h^4 terms. The step is {@code h = 0.02 / sqrt(c2)}, with c2 first estimated at u = 1
     * (or at 0.1, 0.01 when phi(1) has decayed to nothing): the h^6 terms left are then about 1e-11 relative, and
     * the cancellation errors about {@code 1e-16 / h} in c1 and {@code 1e-12 c2}; against Heston's closed forms the
     * estimates agree to 1e-9 relative (test {@code UserDefinedModelTest}), far below what moves a COS price.
     *
     * @throws IllegalArgumentException when phi(0) is not 1 or the estimates are not a valid mean and variance
     */
    public static Cumulants fromCharacteristicFunction(CharacteristicFunctionModel model, double timeYears) {
        Complex atZero = model.characteristicFunction(0.0, timeYears);
        if (!(Math.abs(atZero.re() - 1.0) <= 1e-12 && Math.abs(atZero.im()) <= 1e-12)) {
            throw new IllegalArgumentException("the characteristic function of " + model.modelName() + " at u = 0 is "
                    + atZero.re() + " + " + atZero.im() + "i, but a characteristic function is 1 there");
        }
        double rough = Double.NaN;
        for (double u = 1.0; u >= 0.01 && !(rough > 0 && Double.isFinite(rough)); u /= 10.0) {
            rough = secondCumulantEstimate(model, timeYears, u);
        }
        if (!(rough > 0) || !Double.isFinite(rough)) {
            throw new IllegalArgumentException("the characteristic function of " + model.modelName() + " at T = "
                    + timeYears + " gives no positive variance (|phi(u)| should fall below 1 as u moves from 0)");
        }
        double h = 0.02 / Math.sqrt(rough);
        double c1 = 1.5 * meanEstimate(model, timeYears, h) - 0.6 * meanEstimate(model, timeYears, 2.0 * h)
                + 0.1 * meanEstimate(model, timeYears, 3.0 * h);
        double c2 = 1.5 * secondCumulantEstimate(model, timeYears, h) - 0.6 * secondCumulantEstimate(model, timeYears,
                2.0 * h) + 0.1 * secondCumulantEstimate(model, timeYears, 3.0 * h);
        return new Cumulants(c1, c2, fourthFromCharacteristicFunction(model, timeYears, c2));
    }

    private static double meanEstimate(CharacteristicFunctionModel model, double timeYears, double u) {
        return model.characteristicFunction(u, timeYears).log().im() / u;
    }

    private static double secondCumulantEstimate(CharacteristicFunctionModel model, double timeYears, double u) {
        return -2.0 * Math.log(model.characteristicFunction(u, timeYears).abs()) / (u * u);
    }

    private static double excessOverGaussian(CharacteristicFunctionModel model, double timeYears, double c2,
            double u) {
        double logModulus = Math.log(model.characteristicFunction(u, timeYears).abs());
        double u2 = u * u;
        return 24.0 * (logModulus + 0.5 * c2 * u2) / (u2 * u2);
    }
}
