package margo.dsl.value;

/** How a number is displayed; the value itself is always the plain decimal (16% is 0.16, 2d is 2/365). */
public enum DisplayUnit {
    /** As a decimal: {@code 0.5523}. */
    PLAIN,
    /** As a percentage: {@code 16%} for 0.16. Written in a recipe as {@code 16%} or {@code 25bp}. */
    PERCENT,
    /** A duration in years (ACT/365), displayed in days or hours when whole: {@code 7d}, {@code 8h}. */
    DURATION
}
