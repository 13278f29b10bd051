package margo.core.hedging;

import java.util.List;

/**
 * What a hedge found. When {@link #feasible()}, the trades meet every target and minimise the objective (among
 * whole lots near the continuous optimum when sizes come in lots); otherwise the trades are the closest the
 * candidates get, {@link #binding()} names the targets they cannot meet, and {@link #after()} holds the best
 * achievable greeks.
 *
 * @param feasible          whether every target is met
 * @param trades            the trades, in the order of the candidates; empty when the book already meets its targets
 *                          at no cost
 * @param before            the group's greeks before
 * @param after             the greeks after the trades, recomputed from the hedged book (premiums paid in coin
 *                          included)
 * @param initialMarginBefore     IM before, USD, under the problem's rules
 * @param initialMarginAfter      IM after, USD, re-evaluated by the rules on the hedged book
 * @param maintenanceMarginBefore MM before, USD
 * @param maintenanceMarginAfter  MM after, USD, re-evaluated on the hedged book
 * @param costUsd           USD lost to the spread, the sum of the trades'
 * @param premiumUsd        USD paid in option premiums (negative when received)
 * @param binding           the targets not met when infeasible; empty otherwise
 * @param notes             which terms were optimised exactly, which re-evaluated, and how sizes were rounded
 */
public record HedgeResult(boolean feasible, List<HedgeTrade> trades, Greeks before, Greeks after,
                          double initialMarginBefore, double initialMarginAfter, double maintenanceMarginBefore,
                          double maintenanceMarginAfter, double costUsd, double premiumUsd,
                          List<GreekTarget> binding, List<String> notes) {

    public HedgeResult {
        trades = List.copyOf(trades);
        binding = List.copyOf(binding);
        notes = List.copyOf(notes);
    }
}
