package margo.core.smiles;

/**
 * Calendar arbitrage between two expiries: a range of log-moneyness where total implied variance falls from the
 * earlier expiry to the later one, so a calendar spread there has a negative price (Gatheral and Jacquier 2014,
 * Lemma 2.1 and the discussion before it: no calendar arbitrage iff {@code dw/dT >= 0} at every {@code k}).
 *
 * @param earlierIndex the earlier expiry's position in the surface
 * @param laterIndex   the later expiry's position, {@code earlierIndex + 1}
 * @param range        where {@code w_later(k) < w_earlier(k)}; {@code range.worst()} is the most negative
 *                     difference {@code w_later - w_earlier} (dimensionless total variance)
 */
public record CalendarViolation(int earlierIndex, int laterIndex, LogMoneynessRange range) {

    public CalendarViolation {
        if (earlierIndex < 0 || laterIndex <= earlierIndex) {
            throw new IllegalArgumentException("earlierIndex must be >= 0 and laterIndex > earlierIndex, but were "
                    + earlierIndex + " and " + laterIndex);
        }
        if (range == null) {
            throw new IllegalArgumentException("range must not be null");
        }
    }
}
