package margo.dsl.syntax;

import java.time.Instant;
import java.util.List;

/** An expression of the recipe language, with the span of text it was parsed from. */
public sealed interface Expr {

    Span span();

    /**
     * A number as written, already scaled to its value: {@code 16%} is 0.16, {@code 25bp} is 0.0025,
     * {@code 2d} is 2/365 (years, ACT/365). {@code unit} keeps how it was written, for checking and display.
     */
    record NumberLiteral(double value, NumberUnit unit, String text, Span span) implements Expr {}

    record StringLiteral(String value, Span span) implements Expr {}

    record BooleanLiteral(boolean value, Span span) implements Expr {}

    /** A date {@code 2024-03-29} (midnight UTC, {@code dateOnly}) or an instant {@code 2024-03-29T08:00Z}. */
    record TimeLiteral(Instant value, boolean dateOnly, String text, Span span) implements Expr {}

    /** A reference to a binding, a column, a parameter or a built-in. */
    record Name(String id, Span span) implements Expr {}

    record Unary(UnaryOperator operator, Expr operand, Span span) implements Expr {}

    /** Arithmetic, comparison and logical operators alike; {@code and}/{@code or} short-circuit. */
    record Binary(BinaryOperator operator, Expr left, Expr right, Span span) implements Expr {}

    /** {@code f(a, b, name value)}: positional arguments first, then named ones. */
    record Call(Name callee, List<Argument> arguments, Span span) implements Expr {}

    /** One argument of a call; {@code name} is null for a positional argument. */
    record Argument(Name name, Expr value, Span span) {}

    record ListLiteral(List<Expr> elements, Span span) implements Expr {}

    /** {@code from .. to step step}; {@code step} is null when not written. */
    record Range(Expr from, Expr to, Expr step, Span span) implements Expr {}

    /** {@code calibrate MODEL to DATA}, the right-hand side of a {@code fit} statement. */
    record Calibrate(Expr model, Expr data, Span span) implements Expr {}
}
