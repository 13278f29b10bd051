package margo.core.risk;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Kupiec's proportion-of-failures test (Kupiec 1995, "Techniques for verifying the accuracy of risk measurement
 * models", <i>Journal of Derivatives</i> 3(2)): with {@code x} exceptions in {@code T} observations at tail
 * probability {@code p},
 * {@code LR = -2 ln[(1-p)^(T-x) p^x / ((1-x/T)^(T-x) (x/T)^x)]}, asymptotically chi-squared with one degree of
 * freedom when the model's coverage is right ({@code 0 ln 0 = 0} when {@code x} is 0 or {@code T}).
 *
 * @param statistic the likelihood ratio LR
 * @param pValue    the probability of a ratio at least as large under correct coverage
 */
public record KupiecTest(double statistic, double pValue) {

    private static final ChiSquaredDistribution ONE_DEGREE = new ChiSquaredDistribution(null, 1);

    /** The test of {@code exceptions} in {@code observations} at tail probability {@code tailProbability}. */
    public static KupiecTest of(int observations, int exceptions, double tailProbability) {
        RiskArguments.requireAtLeast("observations", observations, 1);
        if (exceptions < 0 || exceptions > observations) {
            throw new IllegalArgumentException("exceptions must be in [0, " + observations + "], not " + exceptions);
        }
        double statistic = -2 * (binomialLogLikelihood(observations, exceptions, tailProbability)
                - binomialLogLikelihood(observations, exceptions, (double) exceptions / observations));
        statistic = Math.max(statistic, 0);
        return new KupiecTest(statistic, 1 - ONE_DEGREE.cumulativeProbability(statistic));
    }

    /** Whether the test rejects correct coverage at {@code significance}, e.g. 0.05. */
    public boolean rejects(double significance) {
        return pValue < significance;
    }

    /** {@code (n - x) ln(1 - p) + x ln p}, with {@code 0 ln 0 = 0}. */
    static double binomialLogLikelihood(long n, long x, double p) {
        return xLogY(n - x, 1 - p) + xLogY(x, p);
    }

    static double xLogY(double x, double y) {
        return x == 0 ? 0 : x * Math.log(y);
    }
}
