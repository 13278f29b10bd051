package margo.core.risk;

/**
 * The window of past returns an estimate at each bar uses.
 *
 * @param bars      the length of a rolling window, or the first estimate's sample for an expanding one
 * @param expanding whether the window grows from the first bar instead of rolling
 */
public record Lookback(int bars, boolean expanding) {

    public Lookback {
        RiskArguments.requireAtLeast("the lookback in bars", bars, 2);
    }

    /** The last {@code bars} returns before each estimate. */
    public static Lookback rolling(int bars) {
        return new Lookback(bars, false);
    }

    /** All returns before each estimate, starting once {@code firstBars} are available. */
    public static Lookback expanding(int firstBars) {
        return new Lookback(firstBars, true);
    }

    /** The first return of the window whose estimate is made before bar {@code origin}. */
    int from(int origin) {
        return expanding ? 0 : Math.max(0, origin - bars);
    }
}
