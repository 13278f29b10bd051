package margo.dsl.plot;

import java.util.List;

/** The colours of series, in the order figures use them (Plotly's and matplotlib's default cycle, "tab10"). */
public final class Palette {

    public static final String BLUE = "#1f77b4";
    public static final String ORANGE = "#ff7f0e";
    public static final String GREEN = "#2ca02c";
    public static final String RED = "#d62728";
    public static final String PURPLE = "#9467bd";

    private static final List<String> CYCLE = List.of(BLUE, ORANGE, GREEN, RED, PURPLE);

    private Palette() {
    }

    /** The {@code index}-th colour of the cycle, repeating. */
    public static String color(int index) {
        return CYCLE.get(Math.floorMod(index, CYCLE.size()));
    }
}
