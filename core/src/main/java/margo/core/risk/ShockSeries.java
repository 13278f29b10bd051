package margo.core.risk;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Shocks through time, each estimated only from returns before it, beside the move that followed.
 *
 * <p>Entry {@code i} belongs to an origin bar {@code t}: its shock is estimated from the one-bar returns
 * {@code [from(t), t)} (known at the close of bar {@code t - 1}) and covers the horizon return over bars
 * {@code [t, t + N)}, the realised move. The last origins have no realised move yet (NaN); the very last,
 * {@code t = n}, is the shock for the period after the data. Estimates are redone every {@code refitEvery} bars and
 * held in between. No estimate sees a return at or after its origin: changing later data never changes it.
 *
 * <p>A series is serialisable, so that a backtest over it can run on an engine's workers.
 */
public final class ShockSeries implements Serializable {

    private final String method;
    private final ShockSpec spec;
    private final int[] origins;
    private final double[] down;
    private final double[] up;
    private final double[] realised;

    private ShockSeries(String method, ShockSpec spec, int[] origins, double[] down, double[] up,
                        double[] realised) {
        this.method = method;
        this.spec = spec;
        this.origins = origins;
        this.down = down;
        this.up = up;
        this.realised = realised;
    }

    /**
     * The shock series of {@code estimator} over the one-bar {@code logReturns}.
     *
     * @param lookback   the rolling or expanding window of each estimate
     * @param refitEvery re-estimate every this many bars (1: every bar), holding the shock in between
     * @throws IllegalArgumentException if the history is shorter than the first window
     */
    public static ShockSeries estimate(double[] logReturns, ShockEstimator estimator, Lookback lookback,
                                       int refitEvery) {
        if (estimator == null || lookback == null) {
            throw new IllegalArgumentException("estimator and lookback must not be null");
        }
        RiskArguments.requireAtLeast("refitEvery", refitEvery, 1);
        int first = Math.max(lookback.bars(), estimator.minimumSample());
        RiskArguments.requireWindow(logReturns, 0, logReturns.length, first);
        int n = logReturns.length;
        int count = n - first + 1;
        int bars = estimator.spec().horizonBars();
        int[] origins = new int[count];
        double[] down = new double[count];
        double[] up = new double[count];
        double[] realised = new double[count];
        ShockEstimator pass = estimator.forwardPass();
        Shock shock = null;
        for (int i = 0; i < count; i++) {
            int origin = first + i;
            if (i % refitEvery == 0) {
                shock = pass.shock(logReturns, lookback.from(origin), origin);
            }
            origins[i] = origin;
            down[i] = shock.down();
            up[i] = shock.up();
            realised[i] = HorizonReturns.over(logReturns, origin, bars);
        }
        return new ShockSeries(estimator.method(), estimator.spec(), origins, down, up, realised);
    }

    /** The estimator's description. */
    public String method() {
        return method;
    }

    /** The confidence, horizon and measure of every shock. */
    public ShockSpec spec() {
        return spec;
    }

    /** The number of entries. */
    public int size() {
        return origins.length;
    }

    /** The origin bar of entry {@code i}: the index of the first return its shock covers. */
    public int origin(int i) {
        return origins[i];
    }

    /** The shock of entry {@code i}. */
    public Shock shock(int i) {
        return new Shock(down[i], up[i]);
    }

    /** The shock for the period after the data: the current calibration. */
    public Shock latest() {
        return shock(size() - 1);
    }

    /** The realised horizon log return after entry {@code i}'s origin, NaN where the data ends first. */
    public double realised(int i) {
        return realised[i];
    }

    /** A copy of the down shocks, as fractions of the price. */
    public double[] downShocks() {
        return down.clone();
    }

    /** A copy of the up shocks, as fractions of the price. */
    public double[] upShocks() {
        return up.clone();
    }

    /** A copy of the origin bars. */
    public int[] origins() {
        return origins.clone();
    }

    /** A copy of the realised horizon log returns. */
    public double[] realisedMoves() {
        return realised.clone();
    }

    /** The number of entries whose horizon has been realised. */
    public int realisedCount() {
        int count = 0;
        while (count < realised.length && !Double.isNaN(realised[count])) {
            count++;
        }
        return count;
    }

    /**
     * Whether each realised entry, taking every {@code step}-th from the first, was exceeded in {@code tail}. For a
     * horizon of {@code N} bars, a step of {@code N} keeps the realised moves from overlapping (see
     * {@link HorizonReturns}).
     */
    public boolean[] exceptions(Tail tail, int step) {
        RiskArguments.requireAtLeast("step", step, 1);
        int realisedCount = realisedCount();
        boolean[] out = new boolean[(realisedCount + step - 1) / step];
        for (int k = 0; k < out.length; k++) {
            int i = k * step;
            out[k] = tail == Tail.DOWN ? shock(i).downExceededBy(realised[i]) : shock(i).upExceededBy(realised[i]);
        }
        return out;
    }

    /** The backtest of {@code tail} on non-overlapping horizons (every {@code N}-th entry). */
    public Backtest backtest(Tail tail) {
        return Backtest.of(exceptions(tail, spec.horizonBars()), spec.confidence());
    }

    /** This series' origins and realised moves with other shocks, e.g. after anti-procyclicality tools. */
    ShockSeries withShocks(String method, Shock[] shocks) {
        double[] newDown = new double[shocks.length];
        double[] newUp = new double[shocks.length];
        for (int i = 0; i < shocks.length; i++) {
            newDown[i] = shocks[i].down();
            newUp[i] = shocks[i].up();
        }
        return new ShockSeries(method, spec, origins, newDown, newUp, realised);
    }

    /** This series restricted to entries {@code [from, to)}, e.g. a backtest period. */
    public ShockSeries slice(int from, int to) {
        if (from < 0 || to > size() || from >= to) {
            throw new IllegalArgumentException("entries [" + from + ", " + to + ") lie outside the " + size()
                    + " of the series");
        }
        return new ShockSeries(method, spec, Arrays.copyOfRange(origins, from, to), Arrays.copyOfRange(down, from, to),
                Arrays.copyOfRange(up, from, to), Arrays.copyOfRange(realised, from, to));
    }
}
