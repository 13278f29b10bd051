package margo.core.market;

import java.util.Arrays;

/**
 * The forward of one expiry implied by put-call parity from strikes quoted on both sides.
 *
 * <p>Undiscounted put-call parity (Black 1976; Hull, "Options, Futures and Other Derivatives", 11th ed.,
 * eq. 18.1 with the discount factor of a margined, undiscounted venue price set to one) reads
 * {@code C - P = F - K} for prices in USD, so {@code F = K + C - P}. For inverse quotes, in coin, each USD
 * price is divided by F: {@code C_coin - P_coin = 1 - K/F}, so {@code F = K / (1 - (C_coin - P_coin))}.
 *
 * <p>Robustness: a single strike's estimate carries both spreads' noise, and far from the money the option
 * worth less is mostly spread. The estimate is the median of the strikes nearest the money, those with the
 * smallest {@code |C - P|}, at most {@link #STRIKES_USED} of them.
 */
final class ParityForward {

    /** How many strikes nearest the money the median is taken over. */
    static final int STRIKES_USED = 3;

    private ParityForward() {
    }

    /**
     * The parity forward, USD per unit of underlying, or NaN when no strike gives a positive estimate.
     *
     * @param strikes    strikes quoted as both call and put, USD
     * @param callMids   call mid prices, quote units, aligned with {@code strikes}
     * @param putMids    put mid prices, quote units, aligned with {@code strikes}
     * @param count      how many leading entries of the arrays to use
     * @param convention whether the mids are in coin or USD
     */
    static double estimate(double[] strikes, double[] callMids, double[] putMids, int count,
                           QuoteConvention convention) {
        double[] estimates = new double[count];
        double[] distance = new double[count];
        int valid = 0;
        for (int i = 0; i < count; i++) {
            double difference = callMids[i] - putMids[i];
            double forward = convention == QuoteConvention.INVERSE
                    ? strikes[i] / (1 - difference)
                    : strikes[i] + difference;
            if (forward > 0 && Double.isFinite(forward)) {
                estimates[valid] = forward;
                distance[valid] = Math.abs(difference);
                valid++;
            }
        }
        if (valid == 0) {
            return Double.NaN;
        }
        Integer[] order = new Integer[valid];
        for (int i = 0; i < valid; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(distance[a], distance[b]));
        int used = Math.min(STRIKES_USED, valid);
        double[] nearest = new double[used];
        for (int i = 0; i < used; i++) {
            nearest[i] = estimates[order[i]];
        }
        return median(nearest);
    }

    /** The median of the values; the array is sorted in place. */
    static double median(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
    }
}
