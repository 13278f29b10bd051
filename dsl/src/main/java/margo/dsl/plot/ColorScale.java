package margo.dsl.plot;

import java.util.List;
import java.util.Locale;

/**
 * Colours for values, as stops from 0 (the low end) to 1 (the high end), linear in RGB between stops. Plotly
 * receives the same stops, so the interactive and the static heat map agree.
 */
public enum ColorScale {
    /** Red below zero, white at zero, blue above (ColorBrewer RdBu), for P&amp;L: losses red. */
    DIVERGING(List.of("#b2182b", "#ef8a62", "#fddbc7", "#f7f7f7", "#d1e5f0", "#67a9cf", "#2166ac")),
    /** Light to dark blue (ColorBrewer Blues), for values of one sign. */
    SEQUENTIAL(List.of("#f7fbff", "#c6dbef", "#6baed6", "#2171b5", "#08306b"));

    private final List<String> stops;

    ColorScale(List<String> stops) {
        this.stops = stops;
    }

    /** The stops, evenly spaced from 0 to 1. */
    public List<String> stops() {
        return stops;
    }

    /** Whether the scale is centred on zero. */
    public boolean isDiverging() {
        return this == DIVERGING;
    }

    /** The colour at {@code t} in [0, 1] (clamped), as {@code #rrggbb}. */
    public String at(double t) {
        double clamped = Double.isNaN(t) ? 0.5 : Math.max(0, Math.min(1, t));
        double position = clamped * (stops.size() - 1);
        int lower = Math.min((int) Math.floor(position), stops.size() - 2);
        double fraction = position - lower;
        int a = Integer.parseInt(stops.get(lower).substring(1), 16);
        int b = Integer.parseInt(stops.get(lower + 1).substring(1), 16);
        int red = mix(a >> 16, b >> 16, fraction);
        int green = mix((a >> 8) & 0xff, (b >> 8) & 0xff, fraction);
        int blue = mix(a & 0xff, b & 0xff, fraction);
        return String.format(Locale.ROOT, "#%02x%02x%02x", red, green, blue);
    }

    private static int mix(int a, int b, double fraction) {
        return (int) Math.round(a + (b - a) * fraction);
    }

    /**
     * Where {@code value} falls on the scale for values in [min, max]: for a diverging scale zero is the middle
     * and the larger of |min| and |max| the ends, so that equal gains and losses get equally strong colours.
     */
    public double position(double value, double min, double max) {
        if (isDiverging()) {
            double bound = Math.max(Math.abs(min), Math.abs(max));
            return bound == 0 ? 0.5 : 0.5 + value / (2 * bound);
        }
        return max == min ? 0.5 : (value - min) / (max - min);
    }
}
