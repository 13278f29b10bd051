package margo.core.hedging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import margo.core.margin.MarginGroup;
import margo.core.margin.SampleMarket;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Properties of hedges on the shipped book: a feasible hedge's book meets its targets (its greeks recomputed from
 * the hedged book); minimising portfolio margin never leaves more margin than minimising cost under the same
 * targets; and a book that already meets its targets needs no trade.
 */
class HedgeProperties {

    private static final List<String> ACCOUNTS = List.of("covered-call", "short-strangle", "calendar", "hedged");
    private static final List<String> OPTIONS = List.of("BTC-29MAR24-60000-C", "BTC-29MAR24-55000-P",
            "BTC-29MAR24-66000-C", "BTC-26APR24-60000-C", "BTC-26APR24-55000-P", "BTC-26APR24-65000-C");

    /** A group to hedge, the perpetual and some options to hedge it with, and delta, gamma and vega limits. */
    record Case(MarginGroup group, List<HedgeCandidate> candidates, List<GreekTarget> targets) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<String> account = Arbitraries.of(ACCOUNTS);
        Arbitrary<List<String>> options = Arbitraries.of(OPTIONS).list().uniqueElements().ofMinSize(1).ofMaxSize(4);
        Arbitrary<Double> delta = Arbitraries.doubles().between(0.02, 1.0).ofScale(3);
        Arbitrary<Double> gamma = Arbitraries.doubles().between(0.005, 0.1).ofScale(3);
        Arbitrary<Double> vega = Arbitraries.doubles().between(20, 2000);
        return Combinators.combine(account, options, delta, gamma, vega).as((name, chosen, d, g, v) -> {
            List<String> names = new ArrayList<>(List.of("BTC-PERPETUAL"));
            names.addAll(chosen);
            return new Case(SampleHedges.group(name), SampleHedges.candidates(names.toArray(String[]::new)),
                    List.of(GreekTarget.within(Greek.NET_DELTA, 0, d), GreekTarget.within(Greek.GAMMA, 0, g),
                            GreekTarget.within(Greek.VEGA_USD, 0, v)));
        });
    }

    @Property(tries = 80)
    void aFeasibleHedgedBookMeetsItsTargets(@ForAll("cases") Case c, @ForAll boolean inLots,
            @ForAll boolean byMargin) {
        HedgeResult hedge = HedgeSolver.solve(SampleHedges.problem(c.group, c.candidates, c.targets,
                byMargin ? SampleHedges.MARGIN : SampleHedges.COST, inLots ? 0.1 : 0, 50));
        Statistics.label("feasible").collect(hedge.feasible());
        Statistics.label("feasible").coverage(cases -> cases.check(true).percentage(p -> p >= 20));
        if (hedge.feasible()) {
            for (GreekTarget target : c.targets) {
                double value = target.greek().of(hedge.after(), SampleMarket.INDEX);
                assertTrue(target.holds(value, 1e-6 * (target.high() - target.low())),
                        () -> target + " broken: " + value + " after " + hedge.trades());
            }
        }
    }

    @Property(tries = 40)
    void marginAfterAMarginMinimisingHedgeIsNeverAboveAfterTheCostMinimisingOne(@ForAll("cases") Case c) {
        HedgeResult cheapest = HedgeSolver.solve(SampleHedges.problem(c.group, c.candidates, c.targets,
                SampleHedges.MARGIN, 0, 50));
        HedgeResult byCost = HedgeSolver.solve(new HedgeProblem(c.group, SampleMarket.PRICER, c.candidates,
                c.targets, SampleHedges.COST, SampleHedges.PM, 0, 50));
        Statistics.label("feasible").collect(byCost.feasible());
        Statistics.label("feasible").coverage(cases -> cases.check(true).percentage(p -> p >= 20));
        if (byCost.feasible()) {
            assertTrue(cheapest.feasible());
            assertTrue(cheapest.initialMarginAfter() <= byCost.initialMarginAfter() * (1 + 1e-7) + 1e-6,
                    () -> cheapest.initialMarginAfter() + " > " + byCost.initialMarginAfter());
        }
    }

    @Property(tries = 40)
    void aBookThatAlreadyMeetsItsTargetsTradesNothing(@ForAll("cases") Case c, @ForAll boolean byTrades) {
        Greeks now = BookGreeks.of(c.group, SampleMarket.PRICER);
        List<GreekTarget> met = new ArrayList<>();
        for (GreekTarget target : c.targets) {
            double value = target.greek().of(now, SampleMarket.INDEX);
            double half = (target.high() - target.low()) / 2;
            met.add(GreekTarget.within(target.greek(), value, half));
        }
        HedgeResult hedge = HedgeSolver.solve(SampleHedges.problem(c.group, c.candidates, met,
                byTrades ? SampleHedges.TRADES : SampleHedges.COST, 0.1, 50));
        assertTrue(hedge.feasible() && hedge.trades().isEmpty(), hedge::toString);
    }
}
