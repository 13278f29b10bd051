package margo.dsl.value;

import margo.core.margin.MarginRule;

/**
 * A margin rule set bound by {@code rules N = FAMILY { ... }}, or a family's defaults named bare
 * ({@code deribit_standard}).
 *
 * @param family  the family as written in recipes, e.g. {@code portfolio_margin}
 * @param rule    the core rule with every setting applied
 * @param display     one row per setting: name, value, unit
 * @param calibration how the rule was calibrated from a price history, or null for a rule declared in a recipe
 */
public record RulesValue(String family, MarginRule rule, TableValue display, RulesCalibration calibration)
        implements TabulatedValue {

    /** A rule declared in a recipe or a family's defaults. */
    public RulesValue(String family, MarginRule rule, TableValue display) {
        this(family, rule, display, null);
    }

    public RulesValue {
        if (family == null || rule == null || display == null) {
            throw new IllegalArgumentException("family, rule and display must not be null");
        }
    }

    @Override
    public String kind() {
        return "rules";
    }
}
