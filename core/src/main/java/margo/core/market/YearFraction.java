package margo.core.market;

import java.time.Duration;
import java.time.Instant;

/**
 * Time between two instants in years, ACT/365 Fixed: elapsed seconds divided by 365 x 86,400.
 *
 * <p>Crypto venues quote time to expiry this way: Deribit's implied volatilities and greeks use the
 * elapsed time to 08:00 UTC expiry over a 365-day year, counting hours and minutes, with no business-day
 * calendar (the market trades every day). ISDA 2006 Definitions, section 4.16(d), define Actual/365 (Fixed);
 * here "actual" is counted in seconds, not whole days.
 */
public final class YearFraction {

    /** Seconds in the 365-day year of ACT/365 Fixed. */
    public static final double SECONDS_PER_YEAR = 365.0 * 86_400.0;

    private YearFraction() {
    }

    /**
     * Years from {@code start} to {@code end}, ACT/365 Fixed; negative when {@code end} is before
     * {@code start}. Exact to the nanosecond before the final division.
     */
    public static double act365(Instant start, Instant end) {
        if (start == null) {
            throw new IllegalArgumentException("start must not be null");
        }
        if (end == null) {
            throw new IllegalArgumentException("end must not be null");
        }
        Duration elapsed = Duration.between(start, end);
        return (elapsed.getSeconds() + elapsed.getNano() * 1e-9) / SECONDS_PER_YEAR;
    }
}
