package margo.dsl.plot;

import java.util.List;

/**
 * A chart as data: panels laid out in a grid, each with its own axes and traces. One model, several renderings:
 * {@link PlotlyFigure} for interactive Plotly figures and {@link SvgFigure} for a static picture, so that what a
 * notebook draws and what a file shows cannot drift apart.
 *
 * @param title   what is drawn, e.g. {@code smile of chain}
 * @param panels  at least one, filled into the grid row by row
 * @param columns how many panels side by side, at least 1
 */
public record Figure(String title, List<Panel> panels, int columns) {

    public Figure {
        if (title == null) {
            throw new IllegalArgumentException("title must not be null");
        }
        panels = List.copyOf(panels);
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a figure needs at least one panel");
        }
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be at least 1, not " + columns);
        }
        columns = Math.min(columns, panels.size());
    }

    /** The rows of the grid. */
    public int rows() {
        return (panels.size() + columns - 1) / columns;
    }

    /** {@code smile of chain, 5 panels}: the figure in one line, for text output. */
    public String summary() {
        return title + ", " + panels.size() + (panels.size() == 1 ? " panel" : " panels");
    }
}
