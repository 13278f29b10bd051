package margo.core.hedging;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import margo.core.margin.MarginGroup;
import margo.core.margin.MarginRule;
import margo.core.margin.PositionPricer;
import margo.core.market.InstrumentName;

/**
 * A hedge to find, as data: the group to hedge, the instruments it may trade, the targets its greeks must meet, what
 * to minimise, and the trade sizes allowed.
 *
 * @param group      the margin group whose positions are hedged; the trades join it
 * @param pricer     the market: marks, greeks and scenario P&amp;L of the group and the candidates
 * @param candidates the instruments that may be traded, each once, at least one
 * @param targets    the limits on the greeks, at most one per greek (none: only the objective counts)
 * @param objective  what is minimised
 * @param rules      the rules the IM and MM before and after are reported under (the objective's, when it minimises
 *                   margin)
 * @param lot        the size step of a trade in coin, e.g. 0.1 at Deribit; 0 for any size
 * @param maxSize    the largest size traded of one instrument, coin, &gt; 0; {@code +Infinity} for no limit
 */
public record HedgeProblem(MarginGroup group, PositionPricer pricer, List<HedgeCandidate> candidates,
                           List<GreekTarget> targets, HedgeObjective objective, MarginRule rules, double lot,
                           double maxSize) {

    public HedgeProblem {
        if (group == null || pricer == null || candidates == null || targets == null || objective == null
                || rules == null) {
            throw new IllegalArgumentException("group, pricer, candidates, targets, objective and rules must not be null");
        }
        candidates = List.copyOf(candidates);
        targets = List.copyOf(targets);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("a hedge needs at least one instrument to trade");
        }
        Set<InstrumentName> seen = new HashSet<>();
        for (HedgeCandidate candidate : candidates) {
            if (!seen.add(candidate.instrument())) {
                throw new IllegalArgumentException(candidate.instrument().text() + " is offered to trade twice");
            }
            String why = pricer.whyNotPriceable(candidate.instrument());
            if (why != null) {
                throw new IllegalArgumentException("cannot trade " + candidate.instrument().text() + ": " + why);
            }
        }
        Set<Greek> targeted = new HashSet<>();
        for (GreekTarget target : targets) {
            if (!targeted.add(target.greek())) {
                throw new IllegalArgumentException("two targets for " + target.greek().columnName());
            }
        }
        if (!(lot >= 0) || Double.isInfinite(lot)) {
            throw new IllegalArgumentException("lot must be a finite size >= 0 (0 for any size), not " + lot);
        }
        if (!(maxSize > 0)) {
            throw new IllegalArgumentException("maxSize must be positive (+Infinity for no limit), not " + maxSize);
        }
        if (objective instanceof HedgeObjective.Margin margin && margin.rule() != rules) {
            throw new IllegalArgumentException("a margin-minimising hedge reports margin under the rule it minimises");
        }
    }
}
