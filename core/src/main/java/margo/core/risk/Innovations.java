package margo.core.risk;

/**
 * The distribution of a return divided by its forecast volatility, scaled to unit variance, from which a
 * parametric estimator takes its tail quantile.
 */
public sealed interface Innovations {

    /** Standard normal innovations (RiskMetrics' assumption). */
    record Normal() implements Innovations {
    }

    /**
     * Student-t innovations with {@code degreesOfFreedom} above 2, scaled by {@code sqrt((nu - 2) / nu)} to unit
     * variance so that the volatility forecast keeps its meaning.
     */
    record StudentT(double degreesOfFreedom) implements Innovations {
        public StudentT {
            if (!(degreesOfFreedom > 2) || Double.isInfinite(degreesOfFreedom)) {
                throw new IllegalArgumentException("Student-t degrees of freedom must be finite and above 2 for a "
                        + "finite variance, not " + degreesOfFreedom);
            }
        }
    }

    /**
     * Unit-variance Student-t innovations whose degrees of freedom are fitted by maximum likelihood to the window's
     * standardised returns, in [{@value StudentTDistributions#MIN_DOF}, {@value StudentTDistributions#MAX_DOF}].
     */
    record FittedStudentT() implements Innovations {
    }

    Innovations NORMAL = new Normal();
}
