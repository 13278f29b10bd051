package margo.core.calibration;

/** What the model is fitted to: the quotes' Black-76 implied volatilities or their prices. */
public enum Target {
    /** Black-76 implied volatility, annualised, as a decimal (0.65 for 65%); errors are reported in vol points. */
    IMPLIED_VOLATILITY,
    /** Undiscounted option price in the currency of the forward (USD for BTC options). */
    PRICE;

    /**
     * The factor from a residual in target units to the unit in which errors are reported: 100 for implied
     * volatility (1 vol point = 0.01 of volatility), 1 for prices.
     */
    public double reportingScale() {
        return this == IMPLIED_VOLATILITY ? 100.0 : 1.0;
    }

    /** The unit in which errors (RMSE, max error) are reported: "vol points" or "price". */
    public String reportingUnit() {
        return this == IMPLIED_VOLATILITY ? "vol points" : "price";
    }
}
