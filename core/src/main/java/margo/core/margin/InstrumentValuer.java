package margo.core.margin;

/**
 * One instrument's pricing, bound once so that revaluing it in many scenarios does not look its market data up
 * each time ({@link PositionPricer#valuer}). Units as in {@link PositionPricer}.
 */
public interface InstrumentValuer {

    /** Whether the instrument is an option (else a future or perpetual). */
    boolean isOption();

    /** The option's implied volatility, annualised, decimal; NaN for a future or perpetual. */
    double markVolatility();

    /** Years to expiry, ACT/365; 0 for a perpetual. */
    double timeToExpiry();

    /** {@link PositionPricer#unitValue(margo.core.market.InstrumentName, double, double)} for this instrument. */
    double value(double priceMove, double volatilityShift);

    /** {@link PositionPricer#moveDelta(margo.core.market.InstrumentName, double, double)} for this instrument. */
    double moveDelta(double priceMove, double volatilityShift);
}
