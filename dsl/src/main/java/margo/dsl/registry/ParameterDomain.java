package margo.dsl.registry;

import margo.dsl.output.Cells;

/**
 * The values a model parameter can take, as core's model checks them: a variance above 0, a correlation in
 * [-1, 1]. A parameter's value (a start, a fixed value) must lie in the domain; its bounds in the domain's
 * closure, since a bound is a limit the search approaches (a variance bounded below by 0 never takes 0 itself).
 *
 * @param lower the least value, or -infinity
 * @param lowerIncluded whether {@code lower} itself is a value
 * @param upper the greatest value, or +infinity
 * @param upperIncluded whether {@code upper} itself is a value
 */
public record ParameterDomain(double lower, boolean lowerIncluded, double upper, boolean upperIncluded) {

    /** Any finite number. */
    public static final ParameterDomain FINITE = new ParameterDomain(Double.NEGATIVE_INFINITY, false,
            Double.POSITIVE_INFINITY, false);
    /** Above 0: a variance, a volatility, a speed of mean reversion. */
    public static final ParameterDomain POSITIVE = new ParameterDomain(0, false, Double.POSITIVE_INFINITY, false);
    /** 0 or above: a jump intensity, a jump size's standard deviation. */
    public static final ParameterDomain NON_NEGATIVE = new ParameterDomain(0, true, Double.POSITIVE_INFINITY, false);
    /** A correlation, in [-1, 1]. */
    public static final ParameterDomain CORRELATION = new ParameterDomain(-1, true, 1, true);

    /** Whether {@code value} is a value of the parameter. */
    public boolean contains(double value) {
        return Double.isFinite(value) && (lowerIncluded ? value >= lower : value > lower)
                && (upperIncluded ? value <= upper : value < upper);
    }

    /** Whether {@code bound} may bound the parameter: a finite number in the domain or at its edge. */
    public boolean allowsBound(double bound) {
        return Double.isFinite(bound) && bound >= lower && bound <= upper;
    }

    /** {@code in [-1, 1]}, {@code above 0}, {@code 0 or above}, {@code finite}. */
    public String describe() {
        boolean below = Double.isFinite(lower);
        boolean above = Double.isFinite(upper);
        if (below && above) {
            return "in " + (lowerIncluded ? "[" : "(") + Cells.number(lower) + ", " + Cells.number(upper)
                    + (upperIncluded ? "]" : ")");
        }
        if (below) {
            return lowerIncluded ? Cells.number(lower) + " or above" : "above " + Cells.number(lower);
        }
        if (above) {
            return upperIncluded ? Cells.number(upper) + " or below" : "below " + Cells.number(upper);
        }
        return "finite";
    }
}
