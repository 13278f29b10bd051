package margo.core.smiles;

import java.util.ArrayList;
import java.util.List;

/**
 * Gatheral and Jacquier's (2014) surface SVI with the power-law {@code phi}: at each expiry {@code t} with
 * at-the-money total variance {@code theta_t},
 * {@code w(k, theta_t) = theta_t/2 (1 + rho phi(theta_t) k + sqrt((phi(theta_t) k + rho)^2 + 1 - rho^2))}
 * (eq. 4.1), {@code phi(theta) = eta / (theta^gamma (1 + theta)^(1 - gamma))} (eq. 4.5).
 *
 * @param rho    the correlation-like skew parameter, in (-1, 1)
 * @param eta    the curvature level, &gt; 0
 * @param gamma  the power-law exponent, in [0, 1]
 * @param times  time to each expiry, years (ACT/365), increasing
 * @param thetas at-the-money total implied variance {@code theta_t = sigma_ATM^2 t} at each expiry, &gt; 0
 *               (dimensionless)
 */
public record SsviSurface(double rho, double eta, double gamma, double[] times, double[] thetas) {

    public SsviSurface {
        Checks.correlation("rho", rho);
        Checks.positive("eta", eta);
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma must be in [0, 1], but was " + gamma);
        }
        Checks.sameLength("times", times, "thetas", thetas);
        if (times.length == 0) {
            throw new IllegalArgumentException("times must not be empty");
        }
        times = times.clone();
        thetas = thetas.clone();
        Checks.increasingTimes("times", times);
        for (int i = 0; i < thetas.length; i++) {
            Checks.positive("thetas[" + i + "]", thetas[i]);
        }
    }

    @Override
    public double[] times() {
        return times.clone();
    }

    @Override
    public double[] thetas() {
        return thetas.clone();
    }

    /** The power-law {@code phi(theta) = eta / (theta^gamma (1 + theta)^(1 - gamma))} (eq. 4.5). */
    public double phi(double theta) {
        return eta / (Math.pow(theta, gamma) * Math.pow(1 + theta, 1 - gamma));
    }

    /** Total implied variance (dimensionless) at log-moneyness {@code k} on the slice with ATM total variance theta (eq. 4.1). */
    public double totalVariance(double theta, double logMoneyness) {
        double phi = phi(theta);
        double x = phi * logMoneyness + rho;
        return theta / 2 * (1 + rho * phi * logMoneyness + Math.sqrt(x * x + 1 - rho * rho));
    }

    /**
     * Expiry {@code i}'s slice as raw SVI: {@code a = theta(1 - rho^2)/2}, {@code b = theta phi / 2},
     * {@code rho}, {@code m = -rho / phi}, {@code sigma = sqrt(1 - rho^2) / phi} (Gatheral and Jacquier 2014,
     * section 4, the correspondence between SSVI slices and raw SVI; substituting gives eq. 4.1 back).
     */
    public SviRaw slice(int i) {
        double theta = thetas[i];
        double phi = phi(theta);
        return new SviRaw(theta * (1 - rho * rho) / 2, theta * phi / 2, rho, -rho / phi,
                Math.sqrt(1 - rho * rho) / phi);
    }

    /** Every expiry's slice, nearest first. */
    public List<Smile> slices() {
        List<Smile> slices = new ArrayList<>();
        for (int i = 0; i < thetas.length; i++) {
            slices.add(slice(i));
        }
        return slices;
    }

    /**
     * The sufficient no-arbitrage conditions of Gatheral and Jacquier (2014) that this surface fails, in words
     * (empty when all hold):
     * <ul>
     *   <li>Theorem 4.1 (no calendar arbitrage): {@code theta_t} non-decreasing in {@code t}, and
     *       {@code 0 <= d(theta phi)/d theta <= (1 + sqrt(1 - rho^2)) phi / rho^2} for the surface's thetas;
     *       for the power law {@code d(theta phi)/d theta = phi (1 - gamma)/(1 + theta)}, checked at each
     *       {@code theta_t};</li>
     *   <li>Theorem 4.2 (no butterfly arbitrage): {@code theta phi (1 + |rho|) < 4} and
     *       {@code theta phi^2 (1 + |rho|) <= 4} at each {@code theta_t}.</li>
     * </ul>
     * For the power law, {@code gamma <= 1/2} and {@code eta (1 + |rho|) <= 2} imply all of these (given
     * non-decreasing thetas): {@code theta phi = eta (theta/(1+theta))^(1-gamma) < eta}, and
     * {@code theta phi^2 = eta^2 (theta/(1+theta))^(1-2 gamma) / (1+theta) < eta^2}.
     */
    public List<String> conditionFailures() {
        List<String> failures = new ArrayList<>();
        double absRho = Math.abs(rho);
        for (int i = 0; i < thetas.length; i++) {
            double theta = thetas[i];
            double phi = phi(theta);
            if (i > 0 && thetas[i] < thetas[i - 1]) {
                failures.add("theta decreases from expiry " + (i - 1) + " to " + i + " (" + thetas[i - 1] + " to "
                        + theta + "): calendar arbitrage at the money (Theorem 4.1)");
            }
            double slope = phi * (1 - gamma) / (1 + theta);
            double bound = rho == 0 ? Double.POSITIVE_INFINITY : (1 + Math.sqrt(1 - rho * rho)) * phi / (rho * rho);
            if (slope < 0 || slope > bound) {
                failures.add("d(theta phi)/d theta = " + slope + " outside [0, " + bound + "] at expiry " + i
                        + " (Theorem 4.1)");
            }
            if (!(theta * phi * (1 + absRho) < 4)) {
                failures.add("theta phi (1 + |rho|) = " + theta * phi * (1 + absRho) + " >= 4 at expiry " + i
                        + " (Theorem 4.2)");
            }
            if (!(theta * phi * phi * (1 + absRho) <= 4)) {
                failures.add("theta phi^2 (1 + |rho|) = " + theta * phi * phi * (1 + absRho) + " > 4 at expiry " + i
                        + " (Theorem 4.2)");
            }
        }
        return failures;
    }

    /** Whether the power-law sufficient condition {@code gamma <= 1/2 and eta (1 + |rho|) <= 2} holds. */
    public boolean satisfiesPowerLawCondition() {
        return gamma <= 0.5 && eta * (1 + Math.abs(rho)) <= 2;
    }
}
