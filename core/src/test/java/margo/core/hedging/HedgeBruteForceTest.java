package margo.core.hedging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import margo.core.margin.MarginCalculator;
import margo.core.margin.MarginGroup;
import margo.core.margin.Position;
import margo.core.margin.SampleMarket;
import org.junit.jupiter.api.Test;

/**
 * The hedge's linear program and lot search against brute force: every lattice point of two candidates' sizes,
 * valued independently (the hedged book's greeks by {@link BookGreeks} with the coin premium paid, its cost from the
 * quotes, its IM by {@link MarginCalculator} under the portfolio-margin rule), and the best one that meets the
 * targets.
 */
class HedgeBruteForceTest {

    private static final List<HedgeCandidate> CANDIDATES = SampleHedges.candidates("BTC-PERPETUAL",
            "BTC-26APR24-60000-C");
    /** Tight enough to need both candidates; wide enough for lattices of 0.1 and 0.5 coin to meet. */
    private static final List<GreekTarget> TARGETS = List.of(GreekTarget.within(Greek.NET_DELTA, 0, 0.3),
            GreekTarget.within(Greek.GAMMA, 0, 0.03));
    private static final MarginGroup STRANGLE = SampleHedges.group("short-strangle");

    @Test
    void theCostMinimisingHedgeInLotsIsTheCheapestLatticePointThatMeetsTheTargets() {
        double lot = 0.1;
        double best = bruteForce(lot, 10, sizes -> cost(sizes));
        HedgeResult hedge = HedgeSolver.solve(SampleHedges.problem(STRANGLE, CANDIDATES, TARGETS, SampleHedges.COST,
                lot, 10));
        assertTrue(hedge.feasible(), hedge::toString);
        assertEquals(best, hedge.costUsd(), 1e-9 * best);
        HedgeResult continuous = HedgeSolver.solve(SampleHedges.problem(STRANGLE, CANDIDATES, TARGETS,
                SampleHedges.COST, 0, 10));
        assertTrue(continuous.costUsd() <= best + 1e-9, "the continuous optimum is a lower bound of the lattice's");
        assertTrue(continuous.costUsd() > 0.9 * best, "and close to it: " + continuous.costUsd() + " vs " + best);
    }

    @Test
    void theMarginMinimisingHedgeInLotsHasTheLeastPortfolioMarginOfTheLattice() {
        double lot = 0.5;
        MarginCalculator pm = new MarginCalculator(SampleHedges.PM);
        double best = bruteForce(lot, 10, sizes -> pm.initialAndMaintenance(hedged(sizes), SampleMarket.PRICER)[0]);
        HedgeResult hedge = HedgeSolver.solve(SampleHedges.problem(STRANGLE, CANDIDATES, TARGETS, SampleHedges.MARGIN,
                lot, 10));
        assertTrue(hedge.feasible(), hedge::toString);
        assertEquals(best, hedge.initialMarginAfter(), 1e-9 * best);
    }

    @Test
    void targetsNoCandidateCanMoveNameTheBindingOneAndTheBestAchievableValues() {
        // A perpetual has no gamma: the strangle's gamma stays where it is, its delta can still be zeroed.
        List<GreekTarget> targets = List.of(GreekTarget.within(Greek.NET_DELTA, 0, 0.1),
                GreekTarget.within(Greek.GAMMA, 0, 0.01));
        HedgeResult hedge = HedgeSolver.solve(SampleHedges.problem(STRANGLE,
                SampleHedges.candidates("BTC-PERPETUAL"), targets, SampleHedges.COST, 0, Double.POSITIVE_INFINITY));
        assertFalse(hedge.feasible());
        assertEquals(List.of(targets.get(1)), hedge.binding());
        double index = SampleMarket.INDEX;
        assertEquals(Greek.GAMMA.of(hedge.before(), index), Greek.GAMMA.of(hedge.after(), index), 1e-12);
        assertTrue(Math.abs(Greek.NET_DELTA.of(hedge.after(), index)) <= 0.1 + 1e-9, hedge::toString);
    }

    /** The least objective over the lattice {@code -reach..reach} in steps of {@code lot}, targets met. */
    private static double bruteForce(double lot, double reach, ToDoubleFunction<double[]> objective) {
        int steps = (int) Math.round(reach / lot);
        double best = Double.POSITIVE_INFINITY;
        for (int a = -steps; a <= steps; a++) {
            for (int b = -steps; b <= steps; b++) {
                double[] sizes = {a * lot, b * lot};
                if (meetsTargets(sizes)) {
                    best = Math.min(best, objective.applyAsDouble(sizes));
                }
            }
        }
        assertTrue(best < Double.POSITIVE_INFINITY, "some lattice point meets the targets");
        return best;
    }

    private static boolean meetsTargets(double[] sizes) {
        Greeks greeks = BookGreeks.of(hedged(sizes), SampleMarket.PRICER);
        // The call's premium is paid in coin (received when sold): the coin's delta leaves with it.
        double coinPaid = sizes[1] * (sizes[1] > 0 ? CANDIDATES.get(1).ask() : CANDIDATES.get(1).bid());
        greeks = greeks.plus(new Greeks(0, -coinPaid * SampleMarket.INDEX, 0, 0, 0, 0, 0));
        for (GreekTarget target : TARGETS) {
            if (!target.holds(target.greek().of(greeks, SampleMarket.INDEX), 1e-9)) {
                return false;
            }
        }
        return true;
    }

    private static MarginGroup hedged(double[] sizes) {
        List<Position> trades = new ArrayList<>();
        for (int j = 0; j < sizes.length; j++) {
            if (sizes[j] != 0) {
                var instrument = CANDIDATES.get(j).instrument();
                trades.add(new Position(instrument, sizes[j], j == 0 ? SampleMarket.PRICER.forward(instrument)
                        : SampleMarket.PRICER.unitValue(instrument)));
            }
        }
        return trades.isEmpty() ? STRANGLE : STRANGLE.plus(trades);
    }

    /** The USD lost against the mark: the call bought at the ask or sold at the bid; the perpetual trades at mark. */
    private static double cost(double[] sizes) {
        HedgeCandidate call = CANDIDATES.get(1);
        double mark = SampleMarket.PRICER.unitValue(call.instrument());
        double perCoin = sizes[1] > 0 ? call.ask() - mark : mark - call.bid();
        return Math.abs(sizes[1]) * perCoin * SampleMarket.INDEX;
    }
}
