package margo.dsl.plot;

import java.util.Locale;

/**
 * Tick marks at "nice" numbers (1, 2 or 5 times a power of ten) inside a range, with labels that show just the
 * decimals the step needs: Heckbert, "Nice numbers for graph labels", Graphics Gems (1990).
 *
 * @param first the first tick, at or above the low end of the range
 * @param step  the distance between ticks, positive
 * @param count how many ticks
 */
public record Ticks(double first, double step, int count) {

    /** About {@code target} ticks inside [min, max]; a range of zero width is widened around its value. */
    public static Ticks inside(double min, double max, int target) {
        if (!(max > min)) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
            min -= pad;
            max += pad;
        }
        double step = nice((max - min) / Math.max(1, target - 1));
        double first = Math.ceil(min / step - 1e-9) * step;
        double last = Math.floor(max / step + 1e-9) * step;
        return new Ticks(first, step, (int) Math.round((last - first) / step) + 1);
    }

    /** The nice number nearest {@code x}: 1, 2 or 5 times a power of ten. */
    private static double nice(double x) {
        double power = Math.pow(10, Math.floor(Math.log10(x)));
        double fraction = x / power;
        double nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
        return nice * power;
    }

    public double value(int index) {
        return first + index * step;
    }

    /** The tick's label with the decimals of the step: {@code 0.25}, {@code 60}, {@code -0.5}. */
    public String label(int index) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        String text = String.format(Locale.ROOT, "%." + decimals + "f", value(index));
        return text.matches("-0(\\.0*)?") ? text.substring(1) : text;
    }
}
