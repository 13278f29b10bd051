package margo.core.risk;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.special.Gamma;

/**
 * Tails of the unit-variance Student-t distribution, and the maximum-likelihood fit of its degrees of freedom.
 *
 * <p>If {@code T} has a standard t distribution with {@code nu} degrees of freedom, {@code Z = T sqrt((nu - 2) / nu)}
 * has unit variance. Its lower quantile is {@code t_nu^-1(p) s} with {@code s = sqrt((nu - 2) / nu)}, and its lower
 * tail mean is {@code -s f_nu(q) (nu + q^2) / ((nu - 1) p)} at {@code q = t_nu^-1(p)} (McNeil, Frey and Embrechts,
 * <i>Quantitative Risk Management</i>, 2015, example 2.15).
 */
final class StudentTDistributions {

    static final double MIN_DOF = 2.1;
    static final double MAX_DOF = 200;

    private StudentTDistributions() {
    }

    /** The lower tail measure at probability {@code p} of unit-variance t with {@code nu} degrees of freedom. */
    static double lower(double nu, double p, Measure measure) {
        TDistribution t = new TDistribution(null, nu);
        double scale = Math.sqrt((nu - 2) / nu);
        double q = t.inverseCumulativeProbability(p);
        if (measure == Measure.VALUE_AT_RISK) {
            return q * scale;
        }
        return -scale * t.density(q) * (nu + q * q) / ((nu - 1) * p);
    }

    /** The degrees of freedom that maximise the unit-variance t likelihood of {@code standardised}. */
    static double fitDegreesOfFreedom(double[] standardised) {
        UnivariateFunction logLikelihood = nu -> {
            double constant = Gamma.logGamma((nu + 1) / 2) - Gamma.logGamma(nu / 2) - 0.5 * Math.log(Math.PI * (nu - 2));
            double sum = 0;
            for (double z : standardised) {
                sum += Math.log1p(z * z / (nu - 2));
            }
            return standardised.length * constant - (nu + 1) / 2 * sum;
        };
        BrentOptimizer optimizer = new BrentOptimizer(1e-8, 1e-6);
        return optimizer.optimize(new MaxEval(200), new UnivariateObjectiveFunction(logLikelihood), GoalType.MAXIMIZE,
                new SearchInterval(MIN_DOF, MAX_DOF, 6)).getPoint();
    }
}
