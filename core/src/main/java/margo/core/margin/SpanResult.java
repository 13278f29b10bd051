package margo.core.margin;

/**
 * The components of a SPAN margin, in the settlement currency.
 *
 * @param currency           the settlement currency
 * @param scanRisk           the largest loss over the 16 scenarios (extremes at their coverage), &ge; 0
 * @param intraSpreadCharge  the calendar-spread charge for basis risk between expiries, which the scan (one price
 *                           move for every expiry) cannot see
 * @param shortOptionMinimum the SOM: {@code shortOptionMinimum x} the net short options
 * @param risk               {@code max(scanRisk + intraSpreadCharge, shortOptionMinimum)}: the maintenance margin
 * @param netOptionValue     the mark value of long options minus that of short options
 * @param initial            {@code initialToMaintenance x risk}
 */
public record SpanResult(String currency, double scanRisk, double intraSpreadCharge, double shortOptionMinimum,
                         double risk, double netOptionValue, double initial) {

    /**
     * CME's total requirement against cash, {@code risk - netOptionValue} (docs/margin-sources.md, B4, aggregation
     * ordering UNVERIFIED in a primary excerpt). Margo's accounts count option values in equity, so they compare
     * equity with {@link #risk()} instead, which is the same test.
     */
    public double totalRequirementAgainstCash() {
        return risk - netOptionValue;
    }

    /** IM and MM (= risk). */
    public MarginRequirement requirement() {
        return new MarginRequirement(currency, initial, risk);
    }
}
