package margo.core.risk;

/** What a shock measures of the tail beyond its confidence level. */
public enum Measure {
    /** Value at risk: the tail quantile, the move exceeded with probability {@code 1 - confidence}. */
    VALUE_AT_RISK,
    /** Expected shortfall: the mean move given that the value at risk is exceeded (Acerbi and Tasche 2002). */
    EXPECTED_SHORTFALL
}
