package margo.core.hedging;

import margo.core.margin.PortfolioMarginRule;

/** What a hedge minimises among the trades that meet its targets. */
public sealed interface HedgeObjective {

    /** The cost of crossing the spread: buying at the ask and selling at the bid, against the mark, in USD. */
    record Cost() implements HedgeObjective {}

    /** The coins traded, {@code sum |size|}. */
    record Trades() implements HedgeObjective {}

    /** The group's portfolio-margin IM after the trades, USD: worst case, roll shock and delta shock. */
    record Margin(PortfolioMarginRule rule) implements HedgeObjective {
        public Margin {
            if (rule == null) {
                throw new IllegalArgumentException("rule must not be null");
            }
        }
    }
}
