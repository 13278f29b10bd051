package margo.core.margin;

/**
 * The margin state of one margin group at one market, every amount in USD.
 *
 * @param group                 the group's label, empty for the cross-margin pool
 * @param indexPrice            the coin's index price the state is computed at, USD per coin
 * @param equity                collateral at market value plus the positions' mark value (options at mark,
 *                              futures' unrealised P&amp;L): what MM is compared with
 * @param initialEquity         {@code equity} with collateral haircuts applied: what IM is compared with
 * @param initialMargin         IM, summed over settlement currencies
 * @param maintenanceMargin     MM, summed over settlement currencies
 * @param initialRatio          {@code initialMargin / initialEquity} (above 1: no new risk may be added); infinite
 *                              when equity is not positive
 * @param maintenanceRatio      {@code maintenanceMargin / equity} (Deribit's "maintenance margin ratio"; at 1 the
 *                              group is liquidated)
 * @param available             {@code initialEquity - initialMargin}: what can be withdrawn or used for new trades
 * @param liquidationPriceDown  the highest index price below the current one where equity meets MM, USD; NaN when
 *                              none down to 1% of the index; equal to the index when already liquidatable
 * @param liquidationPriceUp    the lowest index price above the current one where equity meets MM; NaN when none up
 *                              to ten times the index
 */
public record MarginState(String group, double indexPrice, double equity, double initialEquity, double initialMargin,
                          double maintenanceMargin, double initialRatio, double maintenanceRatio, double available,
                          double liquidationPriceDown, double liquidationPriceUp) {

    /**
     * The relative index move to the nearer liquidation price, as a positive fraction ({@code 0.25}: a 25% move
     * liquidates); 0 when already liquidatable; infinite when no liquidation price was found.
     */
    public double distanceToLiquidation() {
        double down = Double.isNaN(liquidationPriceDown) ? Double.POSITIVE_INFINITY
                : 1 - liquidationPriceDown / indexPrice;
        double up = Double.isNaN(liquidationPriceUp) ? Double.POSITIVE_INFINITY : liquidationPriceUp / indexPrice - 1;
        return Math.max(0.0, Math.min(down, up));
    }
}
