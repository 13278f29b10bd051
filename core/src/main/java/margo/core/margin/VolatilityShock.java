package margo.core.margin;

import java.io.Serializable;

/**
 * How a scenario shifts an option's implied volatility: the additive shift (annualised, decimal) given the
 * option's mark IV and its time to expiry, so that a shock can scale with maturity as Deribit's and Paradex's do.
 */
@FunctionalInterface
public interface VolatilityShock extends Serializable {

    /** No change of volatility. */
    VolatilityShock NONE = (markVolatility, timeToExpiryYears) -> 0.0;

    /**
     * The shift to add to the mark IV.
     *
     * @param markVolatility    the option's mark IV, annualised, decimal
     * @param timeToExpiryYears years to expiry, ACT/365
     */
    double shift(double markVolatility, double timeToExpiryYears);

    /** The same additive shift for every option, e.g. {@code 0.10} for ten volatility points up. */
    static VolatilityShock absolute(double shift) {
        if (!Double.isFinite(shift)) {
            throw new IllegalArgumentException("shift must be finite, not " + shift);
        }
        return (markVolatility, timeToExpiryYears) -> shift;
    }
}
