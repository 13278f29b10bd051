package margo.core.calibration;

import java.io.Serializable;

/**
 * The fit quote by quote, one element per active quote in the problem's quote order, as columns the language turns
 * into a table. Arrays are shared, not copied: do not modify them.
 *
 * @param quote the quote's index in the problem's {@link CalibrationQuotes}
 * @param expiryIndex the quote's expiry index
 * @param strike the strike
 * @param market the market value, in target units (decimal volatility or price)
 * @param model the model value at the calibrated parameters, in target units
 * @param weight the weight that multiplies the residual
 * @param error {@code model - market} in reporting units ({@link Target#reportingUnit()}: vol points or price)
 */
public record ResidualTable(int[] quote, int[] expiryIndex, double[] strike, double[] market, double[] model,
        double[] weight, double[] error) implements Serializable {

    /** The number of rows. */
    public int size() {
        return quote.length;
    }
}
