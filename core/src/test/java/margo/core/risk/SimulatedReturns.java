package margo.core.risk;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/** Log returns with a known distribution, reproducible from a seed, for the estimators' property tests. */
final class SimulatedReturns {

    private SimulatedReturns() {
    }

    /** Independent normal returns with volatility {@code sigma} per bar. */
    static double[] normal(long seed, int n, double sigma) {
        RandomGenerator random = new Well19937c(seed);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = sigma * random.nextGaussian();
        }
        return r;
    }

    /** Independent Student-t returns with {@code dof} degrees of freedom, scaled to volatility {@code sigma}. */
    static double[] studentT(long seed, int n, double dof, double sigma) {
        TDistribution t = new TDistribution(new Well19937c(seed), dof);
        double scale = sigma * Math.sqrt((dof - 2) / dof);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = scale * t.sample();
        }
        return r;
    }

    /** GARCH(1,1) returns with normal innovations, started at the unconditional variance. */
    static double[] garch(long seed, int n, double omega, double alpha, double beta) {
        RandomGenerator random = new Well19937c(seed);
        double variance = omega / (1 - alpha - beta);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = Math.sqrt(variance) * random.nextGaussian();
            variance = omega + alpha * r[i] * r[i] + beta * variance;
        }
        return r;
    }
}
