package margo.dsl.run;

/** What a piece of source is, which decides how names behave (docs/language.md, "Names"). */
public enum Mode {
    /** A whole recipe file: a second definition of a name is an error; bare expressions are shown. */
    RECIPE,
    /** A notebook cell: a second definition replaces the binding; bare expressions are shown. */
    CELL
}
