package margo.core.margin;

/**
 * The margin of a group before and after a proposed trade (pre-trade margin, as Deribit's
 * {@code private/pme/simulate} and Interactive Brokers' what-if orders give).
 *
 * @param before the state without the trade
 * @param after  the state with the trade's positions added
 */
public record WhatIf(MarginState before, MarginState after) {

    /** The change of IM, USD (positive: the trade needs margin). */
    public double initialMarginChange() {
        return after.initialMargin() - before.initialMargin();
    }

    /** The change of MM, USD. */
    public double maintenanceMarginChange() {
        return after.maintenanceMargin() - before.maintenanceMargin();
    }

    /** Whether the group can open the trade: IM after the trade within the haircut equity. */
    public boolean accepted() {
        return after.available() >= 0;
    }
}
