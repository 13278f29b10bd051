package margo.dsl.value;

/**
 * A value a recipe computes: what a name is bound to and what {@code show} displays.
 * Values are immutable; a table value shares its Tablesaw table with nobody who mutates it.
 */
public sealed interface Value permits NumberValue, TextValue, BooleanValue, InstantValue, TableValue, ListValue,
        FigureValue, TabulatedValue, ReportValue, ModelValue, FitValue, HaircutValue,
        HedgeValue, ReplayValue {

    /** The kind of value in one word, as used in JSON output: {@code number}, {@code table} ... */
    String kind();
}
