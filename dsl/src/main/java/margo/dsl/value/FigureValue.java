package margo.dsl.value;

import margo.dsl.plot.Figure;

/** A chart, such as {@code smile(chain)}: shown by {@code plot} as an interactive figure with a static fallback. */
public record FigureValue(Figure figure) implements Value {

    public FigureValue {
        if (figure == null) {
            throw new IllegalArgumentException("figure must not be null");
        }
    }

    @Override
    public String kind() {
        return "figure";
    }
}
