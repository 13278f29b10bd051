package margo.core.smiles;

/**
 * The SVI jump-wings parametrisation of one expiry's smile (Gatheral 2004; Gatheral and Jacquier 2014,
 * section 3.3), whose parameters a trader reads directly off the smile, and which depends on the expiry:
 *
 * @param v         the at-the-money variance {@code w(0)/t}, annualised (vol^2), &gt; 0
 * @param psi       the at-the-money skew of total volatility, {@code d sqrt(w)/dk = sqrt(t) d sigma_BS/dk} at
 *                  {@code k = 0} (per unit log-moneyness; eq. 3.5:
 *                  {@code psi = (1/sqrt(w_t)) (b/2)(rho - m/sqrt(m^2 + sigma^2))})
 * @param p         the slope of the left (put) wing, {@code b(1 - rho)/sqrt(w_t)}, &ge; 0
 * @param c         the slope of the right (call) wing, {@code b(1 + rho)/sqrt(w_t)}, &ge; 0
 * @param vTilde    the minimum implied variance {@code (a + b sigma sqrt(1 - rho^2))/t}, annualised, &ge; 0
 * @param timeYears the expiry t, years, &gt; 0
 */
public record SviJumpWings(double v, double psi, double p, double c, double vTilde, double timeYears) {

    public SviJumpWings {
        Checks.positive("v", v);
        Checks.finite("psi", psi);
        if (!(p >= 0) || Double.isInfinite(p)) {
            throw new IllegalArgumentException("p must be finite and >= 0, but was " + p);
        }
        if (!(c >= 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("c must be finite and >= 0, but was " + c);
        }
        if (!(vTilde >= 0) || Double.isInfinite(vTilde)) {
            throw new IllegalArgumentException("vTilde must be finite and >= 0, but was " + vTilde);
        }
        Checks.positive("timeYears", timeYears);
    }

    /** Raw SVI to jump-wings at expiry {@code t} years (Gatheral and Jacquier 2014, eq. 3.5). */
    public static SviJumpWings fromRaw(SviRaw raw, double timeYears) {
        Checks.positive("timeYears", timeYears);
        double a = raw.a();
        double b = raw.b();
        double rho = raw.rho();
        double m = raw.m();
        double sigma = raw.sigma();
        double root = Math.sqrt(m * m + sigma * sigma);
        double w = a + b * (-rho * m + root);
        double sqrtW = Math.sqrt(w);
        return new SviJumpWings(w / timeYears, b / 2 * (-m / root + rho) / sqrtW, b * (1 - rho) / sqrtW,
                b * (1 + rho) / sqrtW, raw.minimumTotalVariance() / timeYears, timeYears);
    }

    /**
     * Jump-wings to raw SVI (Gatheral and Jacquier 2014, Lemma 3.2), with {@code w_t = v t}:
     * {@code b = sqrt(w_t)(c + p)/2}, {@code rho = 1 - p sqrt(w_t)/b}, {@code beta = rho - 2 psi sqrt(w_t)/b},
     * {@code alpha = sign(beta) sqrt(1/beta^2 - 1)},
     * {@code m = (v - vTilde) t / (b(-rho + sign(alpha) sqrt(1 + alpha^2) - alpha sqrt(1 - rho^2)))},
     * {@code sigma = alpha m}, {@code a = vTilde t - b sigma sqrt(1 - rho^2)}. Here {@code beta = m/sqrt(m^2 +
     * sigma^2)}, so {@code beta = 0} means {@code m = 0}, where {@code v t - vTilde t = b sigma (1 - sqrt(1 -
     * rho^2))} gives sigma instead.
     *
     * <p>The map is ill-conditioned where the smile's minimum is at the money ({@code psi} near 0): m is read from
     * {@code v - vTilde}, which then vanishes, so the raw parameters come back with an error of about
     * {@code 1e-12 v / (v - vTilde)} (measured over 2 million random smiles in {@code SviJumpWingsProperties}).
     *
     * @throws IllegalArgumentException when the parameters are not those of a raw SVI smile: {@code c + p = 0},
     *                                  {@code |beta| >= 1}, or {@code m = 0} with {@code rho = 0} (then a and
     *                                  sigma cannot be told apart from v and vTilde)
     */
    public SviRaw toRaw() {
        double w = v * timeYears;
        double sqrtW = Math.sqrt(w);
        double b = sqrtW * (c + p) / 2;
        if (!(b > 0)) {
            throw new IllegalArgumentException("c + p must be > 0 for a raw SVI smile, but c=" + c + ", p=" + p);
        }
        double rho = 1 - p * sqrtW / b;
        double beta = rho - 2 * psi * sqrtW / b;
        if (!(Math.abs(beta) < 1)) {
            throw new IllegalArgumentException("rho - 2 psi sqrt(v t)/b must be in (-1, 1) for a raw SVI smile, but"
                    + " was " + beta + " (psi=" + psi + ")");
        }
        double sqrtOneMinusRho2 = Math.sqrt(1 - rho * rho);
        double m;
        double sigma;
        if (Math.abs(beta) < 1e-12) {
            if (Math.abs(rho) < 1e-12) {
                throw new IllegalArgumentException("m = 0 and rho = 0 (psi = 0, p = c): a and sigma are not determined"
                        + " by jump-wings parameters");
            }
            m = 0;
            sigma = (v - vTilde) * timeYears / (b * (1 - sqrtOneMinusRho2));
        } else {
            double alpha = Math.signum(beta) * Math.sqrt(1 / (beta * beta) - 1);
            m = (v - vTilde) * timeYears
                    / (b * (-rho + Math.signum(alpha) * Math.sqrt(1 + alpha * alpha) - alpha * sqrtOneMinusRho2));
            sigma = alpha * m;
        }
        double a = vTilde * timeYears - b * sigma * sqrtOneMinusRho2;
        return new SviRaw(a, b, rho, m, sigma);
    }
}
