package margo.dsl.plot;

import java.util.List;

/**
 * One subplot: a title, two axes and the traces drawn on them.
 *
 * @param title  shown above the panel, e.g. the expiry and the days to it
 * @param x      the horizontal axis
 * @param y      the vertical axis
 * @param traces drawn in order, later ones on top
 */
public record Panel(String title, Axis x, Axis y, List<Trace> traces) {

    public Panel {
        if (title == null || x == null || y == null) {
            throw new IllegalArgumentException("a panel needs a title and two axes");
        }
        traces = List.copyOf(traces);
    }
}
