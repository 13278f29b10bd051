package margo.dsl.syntax;

/**
 * How deeply an expression may nest (docs/language.md, "Limits"). The parser, the checker and the compiler each
 * walk expressions recursively, so each enforces these with a diagnostic at the span where a limit is reached,
 * rather than letting a generated or hostile recipe overflow the Java stack. At both limits the whole pipeline
 * fits in a 512 kB thread stack, half the JVM's default.
 */
public final class NestingLimits {

    /** Brackets, calls, lists, prefix operators ({@code - + not}) and {@code ^} open inside one another. */
    public static final int MAX_BRACKETS = 200;

    /** Operations inside one another in one expression: {@code a + b + c} is two deep, a sum of n terms n - 1. */
    public static final int MAX_DEPTH = 500;

    public static final String BRACKETS_MESSAGE = "brackets and operators nest more than " + MAX_BRACKETS
            + " deep here";

    public static final String DEPTH_MESSAGE = "this expression nests more than " + MAX_DEPTH
            + " operations deep";

    public static final String HINT = "split it over several let statements";

    private NestingLimits() {
    }
}
