package margo.core.risk;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A parametric shock from the EWMA volatility forecast: the log-return tail is
 * {@code sigma[next] sqrt(N) z_p}, where {@code z_p} is the tail quantile (or tail mean, for expected shortfall) of
 * the unit-variance innovations, normal as in RiskMetrics or Student-t. The horizon is reached by the square root of
 * time ({@link HorizonScaling#SQUARE_ROOT_OF_TIME}). Both tails are symmetric in log return; as price moves the up
 * shock is the larger.
 *
 * @param spec        the confidence, horizon and measure
 * @param ewma        the volatility filter (decay lambda, 0.94 by RiskMetrics)
 * @param innovations normal, Student-t with given degrees of freedom, or Student-t fitted to the window
 */
public record EwmaEstimator(ShockSpec spec, Ewma ewma, Innovations innovations) implements ShockEstimator {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    public EwmaEstimator {
        if (spec == null || ewma == null || innovations == null) {
            throw new IllegalArgumentException("spec, ewma and innovations must not be null");
        }
    }

    /** RiskMetrics: lambda 0.94 and normal innovations. */
    public static EwmaEstimator riskMetrics(ShockSpec spec) {
        return new EwmaEstimator(spec, Ewma.RISKMETRICS, Innovations.NORMAL);
    }

    @Override
    public String method() {
        String distribution = switch (innovations) {
            case Innovations.Normal normal -> "normal";
            case Innovations.StudentT t -> "Student-t (" + t.degreesOfFreedom() + " dof)";
            case Innovations.FittedStudentT fitted -> "Student-t (fitted dof)";
        };
        return "EWMA lambda " + ewma.lambda() + ", " + distribution;
    }

    @Override
    public int minimumSample() {
        return Ewma.SEED_BARS;
    }

    @Override
    public Shock shock(double[] logReturns, int from, int to) {
        RiskArguments.requireWindow(logReturns, from, to, minimumSample());
        double p = spec.tailProbability();
        double lowerUnit = switch (innovations) {
            case Innovations.Normal normal -> normalLower(p, spec.measure());
            case Innovations.StudentT t -> StudentTDistributions.lower(t.degreesOfFreedom(), p, spec.measure());
            case Innovations.FittedStudentT fitted -> StudentTDistributions.lower(
                    StudentTDistributions.fitDegreesOfFreedom(standardised(logReturns, from, to)), p, spec.measure());
        };
        double sigma = Math.sqrt(ewma.nextVariance(logReturns, from, to) * spec.horizonBars());
        return Shock.ofLogReturns(sigma * lowerUnit, -sigma * lowerUnit);
    }

    /** The window's returns over their EWMA volatility forecasts. */
    double[] standardised(double[] logReturns, int from, int to) {
        double[] variances = ewma.variances(logReturns, from, to);
        double[] z = new double[to - from];
        for (int t = from; t < to; t++) {
            // A flat start (no move yet) has no scale; its returns are zero too, so they count as zero.
            z[t - from] = variances[t - from] > 0 ? logReturns[t] / Math.sqrt(variances[t - from]) : 0;
        }
        return z;
    }

    /** The lower tail of the standard normal: {@code Phi^-1(p)}, or its tail mean {@code -phi(z_p) / p}. */
    static double normalLower(double p, Measure measure) {
        double q = STANDARD_NORMAL.inverseCumulativeProbability(p);
        return measure == Measure.VALUE_AT_RISK ? q : -STANDARD_NORMAL.density(q) / p;
    }
}
