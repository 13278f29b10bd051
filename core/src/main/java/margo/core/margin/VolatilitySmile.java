package margo.core.margin;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Mark implied volatilities of one expiry by strike, looked up by linear interpolation in strike and held flat
 * beyond the first and last strikes. At a quoted strike the lookup returns the venue's mark IV exactly.
 *
 * @param strikes      strikes in USD per coin, strictly increasing
 * @param volatilities the mark implied volatility at each strike, annualised, as a decimal (0.58 for 58%)
 */
public record VolatilitySmile(double[] strikes, double[] volatilities) implements Serializable {

    public VolatilitySmile {
        if (strikes == null || volatilities == null) {
            throw new IllegalArgumentException("strikes and volatilities must not be null");
        }
        if (strikes.length == 0 || strikes.length != volatilities.length) {
            throw new IllegalArgumentException("strikes and volatilities must be non-empty and of equal length, not "
                    + strikes.length + " and " + volatilities.length);
        }
        for (int i = 0; i < strikes.length; i++) {
            if (!(strikes[i] > 0) || (i > 0 && !(strikes[i] > strikes[i - 1]))) {
                throw new IllegalArgumentException("strikes must be positive and strictly increasing; strike " + i
                        + " is " + strikes[i]);
            }
            if (!(volatilities[i] >= 0) || Double.isInfinite(volatilities[i])) {
                throw new IllegalArgumentException("volatilities must be finite and non-negative; volatility " + i
                        + " is " + volatilities[i]);
            }
        }
        strikes = strikes.clone();
        volatilities = volatilities.clone();
    }

    /** The mark implied volatility at {@code strike} (USD per coin), annualised, as a decimal. */
    public double volatility(double strike) {
        int at = Arrays.binarySearch(strikes, strike);
        if (at >= 0) {
            return volatilities[at];
        }
        int upper = -at - 1;
        if (upper == 0) {
            return volatilities[0];
        }
        if (upper == strikes.length) {
            return volatilities[strikes.length - 1];
        }
        double w = (strike - strikes[upper - 1]) / (strikes[upper] - strikes[upper - 1]);
        return volatilities[upper - 1] + w * (volatilities[upper] - volatilities[upper - 1]);
    }

    /** Whether {@code strike} is one of the quoted strikes, whose mark IV {@link #volatility} returns as it is. */
    public boolean quotes(double strike) {
        return Arrays.binarySearch(strikes, strike) >= 0;
    }

    @Override
    public double[] strikes() {
        return strikes.clone();
    }

    @Override
    public double[] volatilities() {
        return volatilities.clone();
    }
}
