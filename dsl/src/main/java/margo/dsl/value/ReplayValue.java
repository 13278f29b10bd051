package margo.dsl.value;

/**
 * A replayed stream: {@code replay N = calibrate MODEL to SERIES { budget d }} after it ran. Shown as its report
 * (latency percentiles and totals, then a row per update); plotted through time as a series fit.
 *
 * @param fit    each update's fit, in time order
 * @param report how {@code show} displays it
 */
public record ReplayValue(SeriesFitValue fit, ReportValue report) implements Value {

    public ReplayValue {
        if (fit == null || report == null) {
            throw new IllegalArgumentException("fit and report must not be null");
        }
    }

    @Override
    public String kind() {
        return "replay";
    }
}
