package margo.dsl.syntax;

/** How a number literal was written; the literal's value is already scaled by the unit. */
public enum NumberUnit {
    /** {@code 0.5}, {@code 1e-8}. */
    NONE,
    /** {@code 16%}: value 0.16. */
    PERCENT,
    /** {@code 25bp}: value 0.0025. */
    BASIS_POINTS,
    /** {@code 8h 2d 3w 6mo 1y}: value in years, ACT/365 ({@code 1mo} is 365/12 days). */
    DURATION
}
