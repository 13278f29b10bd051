package margo.core.risk;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Christoffersen's tests of a sequence of exceptions (Christoffersen 1998, "Evaluating interval forecasts",
 * <i>International Economic Review</i> 39(4)).
 *
 * <p><b>Independence</b>: a first-order Markov chain on the exception indicator, with transition counts
 * {@code n_ij} (state {@code i} followed by {@code j}), {@code pi_01 = n01 / (n00 + n01)},
 * {@code pi_11 = n11 / (n10 + n11)} and {@code pi = (n01 + n11) / (n00 + n01 + n10 + n11)};
 * {@code LR_ind = -2 [ln L(pi) - ln L(pi_01, pi_11)]}, chi-squared with one degree of freedom when exceptions do not
 * cluster. <b>Conditional coverage</b>: {@code LR_cc = LR_pof + LR_ind}, chi-squared with two degrees of freedom,
 * where {@code LR_pof} is {@link KupiecTest}'s statistic on all observations (as in MATLAB's {@code varbacktest}
 * and the arch package).
 *
 * @param n00                         no exception followed by none
 * @param n01                         no exception followed by one
 * @param n10                         an exception followed by none
 * @param n11                         an exception followed by another
 * @param independenceStatistic       {@code LR_ind}
 * @param independencePValue          its p-value
 * @param conditionalCoverageStatistic {@code LR_cc}
 * @param conditionalCoveragePValue   its p-value
 */
public record ChristoffersenTest(int n00, int n01, int n10, int n11, double independenceStatistic,
                                 double independencePValue, double conditionalCoverageStatistic,
                                 double conditionalCoveragePValue) {

    private static final ChiSquaredDistribution ONE_DEGREE = new ChiSquaredDistribution(null, 1);
    private static final ChiSquaredDistribution TWO_DEGREES = new ChiSquaredDistribution(null, 2);

    /** Whether an exception is more likely after an exception than after none ({@code pi_11 > pi_01}). */
    public boolean clustered() {
        double afterNone = n00 + n01 == 0 ? 0 : (double) n01 / (n00 + n01);
        double afterOne = n10 + n11 == 0 ? 0 : (double) n11 / (n10 + n11);
        return afterOne > afterNone;
    }

    /** The tests of the exception sequence {@code exceptions} at tail probability {@code tailProbability}. */
    public static ChristoffersenTest of(boolean[] exceptions, double tailProbability) {
        if (exceptions == null || exceptions.length < 2) {
            throw new IllegalArgumentException("the independence test needs at least two observations");
        }
        int[][] n = new int[2][2];
        int count = exceptions[0] ? 1 : 0;
        for (int t = 1; t < exceptions.length; t++) {
            n[exceptions[t - 1] ? 1 : 0][exceptions[t] ? 1 : 0]++;
            count += exceptions[t] ? 1 : 0;
        }
        int transitions = exceptions.length - 1;
        double pi = (double) (n[0][1] + n[1][1]) / transitions;
        double pi01 = n[0][0] + n[0][1] == 0 ? 0 : (double) n[0][1] / (n[0][0] + n[0][1]);
        double pi11 = n[1][0] + n[1][1] == 0 ? 0 : (double) n[1][1] / (n[1][0] + n[1][1]);
        double restricted = KupiecTest.binomialLogLikelihood(transitions, n[0][1] + n[1][1], pi);
        double unrestricted = KupiecTest.binomialLogLikelihood(n[0][0] + n[0][1], n[0][1], pi01)
                + KupiecTest.binomialLogLikelihood(n[1][0] + n[1][1], n[1][1], pi11);
        double independence = Math.max(0, -2 * (restricted - unrestricted));
        double conditional = KupiecTest.of(exceptions.length, count, tailProbability).statistic() + independence;
        return new ChristoffersenTest(n[0][0], n[0][1], n[1][0], n[1][1], independence,
                1 - ONE_DEGREE.cumulativeProbability(independence), conditional,
                1 - TWO_DEGREES.cumulativeProbability(conditional));
    }
}
