package margo.dsl.plot;

/** How a series draws its points. */
public enum Marks {
    /** A dot per point, e.g. quotes. */
    MARKERS,
    /** A line through the points in order, e.g. a model curve. */
    LINES,
    LINES_AND_MARKERS
}
