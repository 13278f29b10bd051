package margo.dsl.syntax;

import margo.dsl.syntax.Expr.Name;

/** One entry of a statement's {@code { ... }} block. Which clauses a block may hold depends on the statement. */
public sealed interface Clause {

    Span span();

    /** {@code keep E}: keep the rows where E holds. */
    record Keep(Expr condition, Span span) implements Clause {}

    /** {@code set COL = E}: add or replace a column. */
    record SetColumn(Name column, Expr value, Span span) implements Clause {}

    /**
     * {@code name value}, optionally with a nested block: {@code method levenberg_marquardt { max_iterations 500 }};
     * a setting written with a block alone, {@code parameters { ... }}, has its name as its value.
     */
    record Setting(Name name, Expr value, Block block, Span span) implements Clause {}

    /**
     * {@code P in [lo, hi] start x}; {@code start} is null when not written. {@code P c +/- w} is written for
     * {@code P in [c - w, c + w]}.
     */
    record ParameterBounds(Name parameter, Expr lower, Expr upper, Expr start, Span span) implements Clause {}

    /** {@code P = x}: the parameter is fixed. */
    record ParameterFixed(Name parameter, Expr value, Span span) implements Clause {}

    /** {@code cf js NAME}: a function of a script, named with its language, as a model's characteristic function. */
    record ScriptFunction(Name keyword, Name language, Name function, Span span) implements Clause {}

    /** {@code require E [penalty w]}: a hard constraint, or a soft one when {@code penalty} is not null. */
    record Require(Expr condition, Expr penalty, Span span) implements Clause {}
}
