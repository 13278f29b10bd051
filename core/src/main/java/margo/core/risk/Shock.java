package margo.core.risk;

import java.io.Serializable;

/**
 * The adverse price moves over a horizon, each tail on its own, as positive fractions of the price: after the
 * down shock the price is {@code P (1 - down)}, after the up shock {@code P (1 + up)}. A price range of
 * {@code ±16%} in portfolio margin is {@code Shock(0.16, 0.16)}.
 *
 * <p>A shock is usually positive; it is negative when even the tail quantile is a favourable move (a window in which
 * the price only rose, say), and is kept so that backtests count honestly.
 *
 * @param down the fall of the price, {@code 1 - exp(lower log quantile)}, below 1
 * @param up   the rise of the price, {@code exp(upper log quantile) - 1}, above -1
 */
public record Shock(double down, double up) implements Serializable {

    public Shock {
        if (!(down < 1) || !Double.isFinite(down)) {
            throw new IllegalArgumentException("a down shock must be finite and below 100%, not " + down);
        }
        if (!(up > -1) || !Double.isFinite(up)) {
            throw new IllegalArgumentException("an up shock must be finite and above -100%, not " + up);
        }
    }

    /** The shock of a lower and an upper log-return quantile, e.g. {@code -0.08} and {@code +0.07}. */
    public static Shock ofLogReturns(double lowerLogReturn, double upperLogReturn) {
        return new Shock(-Math.expm1(lowerLogReturn), Math.expm1(upperLogReturn));
    }

    /** The down shock as a log return, {@code ln(1 - down)}, negative for a fall. */
    public double downLogReturn() {
        return Math.log1p(-down);
    }

    /** The up shock as a log return, {@code ln(1 + up)}. */
    public double upLogReturn() {
        return Math.log1p(up);
    }

    /** Whether a realised horizon log return falls beyond the down shock. */
    public boolean downExceededBy(double logReturn) {
        return logReturn < downLogReturn();
    }

    /** Whether a realised horizon log return rises beyond the up shock. */
    public boolean upExceededBy(double logReturn) {
        return logReturn > upLogReturn();
    }

    /** Each tail the larger of this and {@code other}. */
    public Shock max(Shock other) {
        return new Shock(Math.max(down, other.down), Math.max(up, other.up));
    }

    /** Each log-return tail scaled by {@code factor} (a buffer of 25% is 1.25), so the price stays positive. */
    public Shock scaled(double factor) {
        return ofLogReturns(factor * downLogReturn(), factor * upLogReturn());
    }
}
