package margo.core.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which of a problem's quotes take part, and why the others do not: outside the expiry subset, no market value,
 * a weight that is not positive, or a forward, strike or time to expiry that no model can price.
 *
 * @param active indices of the quotes that take part, ascending
 * @param exclusions the others, with reasons, ascending
 */
record QuoteSelection(int[] active, List<QuoteExclusion> exclusions) {

    /** @throws IllegalArgumentException when no quote is left, with the first reasons */
    static QuoteSelection of(CalibrationProblem problem) {
        CalibrationQuotes quotes = problem.quotes();
        int n = quotes.size();
        int[] active = new int[n];
        int count = 0;
        List<QuoteExclusion> exclusions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String reason = whyExcluded(problem, quotes, i);
            if (reason == null) {
                active[count++] = i;
            } else {
                exclusions.add(new QuoteExclusion(i, reason));
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("no quote left to calibrate to: " + n + " quotes, all excluded"
                    + (exclusions.isEmpty() ? "" : "; first: quote " + exclusions.get(0).quote() + " "
                            + exclusions.get(0).reason()));
        }
        return new QuoteSelection(Arrays.copyOf(active, count), List.copyOf(exclusions));
    }

    private static String whyExcluded(CalibrationProblem problem, CalibrationQuotes quotes, int i) {
        int expiry = quotes.expiryIndex()[i];
        if (!problem.includesExpiry(expiry)) {
            return "expiry " + expiry + " is outside the expiry subset";
        }
        double market = quotes.market()[i];
        if (!Double.isFinite(market)) {
            return "market " + (problem.target() == Target.IMPLIED_VOLATILITY ? "implied volatility" : "price")
                    + " is " + market;
        }
        if (problem.target() == Target.IMPLIED_VOLATILITY && !(market > 0.0)) {
            return "market implied volatility " + market + " is not positive";
        }
        double weight = quotes.weights()[i];
        if (!(weight > 0.0) || !Double.isFinite(weight)) {
            return "weight " + weight + " is not a positive number";
        }
        if (!(quotes.forwards()[i] > 0.0) || !Double.isFinite(quotes.forwards()[i])) {
            return "forward " + quotes.forwards()[i] + " is not a positive number";
        }
        if (!(quotes.strikes()[i] > 0.0) || !Double.isFinite(quotes.strikes()[i])) {
            return "strike " + quotes.strikes()[i] + " is not a positive number";
        }
        if (!(quotes.timesYears()[i] > 0.0) || !Double.isFinite(quotes.timesYears()[i])) {
            return "time to expiry " + quotes.timesYears()[i] + " years is not positive";
        }
        return null;
    }
}
