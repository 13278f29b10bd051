package margo.core.risk;

/**
 * The anti-procyclicality tools of EMIR (Commission Delegated Regulation (EU) No 153/2013, article 28), which a CCP
 * applies at least one of, so that margin does not fall far in calm markets only to jump in a crisis:
 * <ol type="a">
 *   <li>a <b>buffer</b> of at least 25% on the calculated margin, which may be temporarily exhausted when margins rise
 *       significantly;</li>
 *   <li>a <b>stressed-period weight</b> of at least 25% on stressed observations in the lookback;</li>
 *   <li>a <b>floor</b>: margin at least that computed with volatility from a 10-year lookback.</li>
 * </ol>
 * The regulation fixes the minimum sizes, not the mechanics; Margo's reading, on each tail's log-return shock:
 * <ul>
 *   <li>(a) the applied shock stays as flat as it can between the calculated shock and the calculated shock plus the
 *       buffer: {@code applied[t] = max(raw[t], min(raw[t] (1 + buffer), applied[t-1]))}. A rise of the calculated
 *       shock first uses up the buffer (it is released in stress), and the buffer is rebuilt as the calculated shock
 *       falls back;</li>
 *   <li>(b) {@code (1 - w) raw[t] + w stressed[t]}, where {@code stressed[t]} is the estimator's shock at the end of
 *       the window with the highest realised variance among all windows of the lookback's length ending by
 *       {@code t} (the most stressed period seen so far, so without look-ahead);</li>
 *   <li>(c) {@code max(raw[t], floor[t])}, the floor being historical simulation at the same confidence and horizon
 *       over the last {@code floorLookbackBars} returns (10 years of bars; all the history when shorter).</li>
 * </ul>
 * When several are chosen they apply in the order (b), (c), (a): the buffer sits on top of the weighted and floored
 * shock.
 *
 * @param buffer            the buffer as a fraction of the shock, 0 for none, else at least 0.25
 * @param stressedWeight    the weight of the stressed period, 0 for none, else in [0.25, 1]
 * @param floorLookbackBars the floor's lookback in bars (3,652 for ten years of daily crypto closes), 0 for none
 */
public record AntiProcyclicality(double buffer, double stressedWeight, int floorLookbackBars) {

    /** EMIR's minimum buffer and stressed weight, 25%. */
    public static final double EMIR_MINIMUM = 0.25;

    public AntiProcyclicality {
        if (!(buffer == 0 || buffer >= EMIR_MINIMUM) || Double.isInfinite(buffer)) {
            throw new IllegalArgumentException("an EMIR art. 28(a) buffer must be 0 (none) or at least 25%, not "
                    + buffer);
        }
        if (!(stressedWeight == 0 || (stressedWeight >= EMIR_MINIMUM && stressedWeight <= 1))) {
            throw new IllegalArgumentException("an EMIR art. 28(b) stressed weight must be 0 (none) or in [25%, 100%],"
                    + " not " + stressedWeight);
        }
        if (floorLookbackBars != 0 && floorLookbackBars < HistoricalSimulation.MINIMUM_OBSERVATIONS) {
            throw new IllegalArgumentException("an EMIR art. 28(c) floor lookback must be 0 (none) or at least "
                    + HistoricalSimulation.MINIMUM_OBSERVATIONS + " bars, not " + floorLookbackBars);
        }
    }

    /** Only the buffer. */
    public static AntiProcyclicality buffer(double buffer) {
        return new AntiProcyclicality(buffer, 0, 0);
    }

    /** Only the stressed-period weight. */
    public static AntiProcyclicality stressedWeight(double weight) {
        return new AntiProcyclicality(0, weight, 0);
    }

    /** Only the floor from a lookback of {@code bars}. */
    public static AntiProcyclicality floor(int bars) {
        return new AntiProcyclicality(0, 0, bars);
    }

    /**
     * The tools applied to {@code raw}, the series of {@code estimator} over {@code logReturns} with
     * {@code lookback} (and the same refit interval), each tool alone and all chosen together.
     */
    public ApcSeries apply(double[] logReturns, ShockEstimator estimator, Lookback lookback, ShockSeries raw) {
        int n = raw.size();
        double[][] rawLog = logs(raw);
        double[][] weighted = stressedWeight > 0 ? weighted(logReturns, estimator, lookback, raw, rawLog) : rawLog;
        double[][] floor = floorLookbackBars > 0 ? floor(logReturns, raw) : null;
        double[][] floored = floor == null ? rawLog : larger(rawLog, floor);
        double[][] combined = floor == null ? weighted : larger(weighted, floor);
        double[][] buffered = buffer > 0 ? buffered(rawLog) : rawLog;
        combined = buffer > 0 ? buffered(combined) : combined;
        return new ApcSeries(this, raw, toShocks(weighted, n), toShocks(floored, n), toShocks(buffered, n),
                floor == null ? null : toShocks(floor, n), toShocks(combined, n));
    }

    /** (b): the stressed window's shock blended with the calculated one, per tail in log return. */
    private double[][] weighted(double[] logReturns, ShockEstimator estimator, Lookback lookback, ShockSeries raw,
                                double[][] rawLog) {
        int length = lookback.expanding() ? raw.origin(0) : lookback.bars();
        double[][] out = new double[2][raw.size()];
        double bestVariance = -1;
        double[] stressed = null;
        double windowSum = 0;
        int windowEnd = 0;
        // Successive stressed windows end ever later, so one forward pass serves them (GARCH warm-starts).
        ShockEstimator stressedPass = estimator.forwardPass();
        for (int i = 0; i < raw.size(); i++) {
            int origin = raw.origin(i);
            // Slide the stressed-period search to windows ending by this origin.
            for (; windowEnd < origin; windowEnd++) {
                windowSum += logReturns[windowEnd] * logReturns[windowEnd];
                if (windowEnd >= length) {
                    windowSum -= logReturns[windowEnd - length] * logReturns[windowEnd - length];
                }
                if (windowEnd + 1 >= length && windowSum > bestVariance) {
                    bestVariance = windowSum;
                    Shock shock = stressedPass.shock(logReturns, windowEnd + 1 - length, windowEnd + 1);
                    stressed = new double[] {shock.downLogReturn(), shock.upLogReturn()};
                }
            }
            for (int tail = 0; tail < 2; tail++) {
                out[tail][i] = (1 - stressedWeight) * rawLog[tail][i] + stressedWeight * stressed[tail];
            }
        }
        return out;
    }

    /** (c): historical simulation over the floor's lookback before each origin. */
    private double[][] floor(double[] logReturns, ShockSeries raw) {
        HistoricalSimulation hs = new HistoricalSimulation(raw.spec(), HorizonScaling.DIRECT);
        double[][] out = new double[2][raw.size()];
        for (int i = 0; i < raw.size(); i++) {
            int origin = raw.origin(i);
            int from = Math.max(0, origin - floorLookbackBars);
            Shock shock = origin - from >= hs.minimumSample() ? hs.shock(logReturns, from, origin) : raw.shock(i);
            out[0][i] = shock.downLogReturn();
            out[1][i] = shock.upLogReturn();
        }
        return out;
    }

    /** (a): the buffer, held flat between the shock and the shock plus the buffer (on log-return magnitudes). */
    private double[][] buffered(double[][] log) {
        double[][] out = new double[2][log[0].length];
        for (int tail = 0; tail < 2; tail++) {
            double applied = Double.NaN;
            for (int i = 0; i < log[tail].length; i++) {
                double magnitude = Math.abs(log[tail][i]);
                double full = magnitude * (1 + buffer);
                applied = Double.isNaN(applied) ? full : Math.max(magnitude, Math.min(full, applied));
                out[tail][i] = Math.copySign(applied, log[tail][i]);
            }
        }
        return out;
    }

    /** Per tail the wider of two log-return shocks (the more negative down, the more positive up). */
    private static double[][] larger(double[][] a, double[][] b) {
        double[][] out = new double[2][a[0].length];
        for (int i = 0; i < a[0].length; i++) {
            out[0][i] = Math.min(a[0][i], b[0][i]);
            out[1][i] = Math.max(a[1][i], b[1][i]);
        }
        return out;
    }

    private static double[][] logs(ShockSeries series) {
        double[][] out = new double[2][series.size()];
        for (int i = 0; i < series.size(); i++) {
            Shock shock = series.shock(i);
            out[0][i] = shock.downLogReturn();
            out[1][i] = shock.upLogReturn();
        }
        return out;
    }

    private static Shock[] toShocks(double[][] log, int n) {
        Shock[] out = new Shock[n];
        for (int i = 0; i < n; i++) {
            out[i] = Shock.ofLogReturns(log[0][i], log[1][i]);
        }
        return out;
    }
}
