package margo.core.smiles;

/**
 * Butterfly arbitrage in one expiry's smile: a range of log-moneyness where the density {@code g(k)} of
 * Gatheral and Jacquier (2014, eq. 2.1) is negative, so some butterfly spread there has a negative price.
 *
 * @param expiryIndex the expiry's position in the surface, 0 for the nearest
 * @param timeYears   the expiry's time to expiry, years (ACT/365)
 * @param range       where {@code g(k) < 0}; {@code range.worst()} is the most negative {@code g}
 */
public record ButterflyViolation(int expiryIndex, double timeYears, LogMoneynessRange range) {

    public ButterflyViolation {
        if (expiryIndex < 0) {
            throw new IllegalArgumentException("expiryIndex must be >= 0, but was " + expiryIndex);
        }
        Checks.positive("timeYears", timeYears);
        if (range == null) {
            throw new IllegalArgumentException("range must not be null");
        }
    }
}
