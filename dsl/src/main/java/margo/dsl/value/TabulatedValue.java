package margo.dsl.value;

/**
 * A value of the margin and smile cores that has no cell of its own and is displayed as a table: a rule set as its
 * settings, a book as its positions, a surface as its parameters by expiry, a layout as its
 * columns, a fit to a series of snapshots as a row per snapshot.
 */
public sealed interface TabulatedValue extends Value permits RulesValue, BookValue, SurfaceValue, LayoutValue,
        SeriesFitValue {

    /** What {@code show} displays for this value. */
    TableValue display();
}
