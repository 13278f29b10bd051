package margo.core.hedging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import margo.core.margin.MarginCalculator;
import margo.core.margin.MarginGroup;
import margo.core.margin.Position;
import margo.core.margin.PositionPricer;
import margo.core.margin.Settlement;
import margo.core.market.InstrumentName;

/**
 * Solves a {@link HedgeProblem}: the continuous optimum by linear programming ({@link HedgeLinearProgram}), then,
 * when sizes come in lots, the best whole-lot hedge near it, then the hedged book re-evaluated.
 *
 * <p>Lots: each size the program traded is rounded down and up to a whole number of lots, and every combination
 * ({@code 2^k} for {@code k} traded instruments, at most {@value #MAX_SEARCHED} combinations) is checked against
 * the targets and scored by the objective, evaluated exactly ({@link HedgeTerms}); when none meets the targets the
 * search widens to one more lot either way. The best is the integer optimum of that neighbourhood, which is
 * reported; beyond {@value #MAX_SEARCHED} combinations the sizes are rounded to the nearest lot and improved one lot
 * at a time.
 */
public final class HedgeSolver {

    /** The most lot combinations searched. */
    static final int MAX_SEARCHED = 1 << 14;
    /** Relative tolerance of a target, in units of its width, for the continuous solution's rounding. */
    private static final double TARGET_SLACK = 1e-7;

    private HedgeSolver() {
    }

    /** The hedge. */
    public static HedgeResult solve(HedgeProblem problem) {
        HedgeTerms terms = new HedgeTerms(problem);
        HedgeLinearProgram.Solution continuous = new HedgeLinearProgram(terms).solve();
        double[] sizes = clean(continuous.sizes());
        List<String> notes = new ArrayList<>();
        notes.add(objectiveNote(problem, terms));
        boolean feasible = continuous.feasible();
        List<GreekTarget> binding = continuous.binding();
        if (problem.lot() > 0 && HedgeTerms.traded(sizes) > 0) {
            double continuousObjective = terms.objective(sizes);
            LotSearch search = LotSearch.around(terms, sizes, feasible);
            sizes = search.best;
            if (feasible && !search.found) {
                feasible = false;
                binding = broken(terms, sizes);
                notes.add("no whole number of lots of " + decimal(problem.lot()) + " within " + search.reach
                        + " lot" + (search.reach == 1 ? "" : "s") + " of the continuous hedge meets the targets;"
                        + " the nearest rounding is shown");
            } else {
                notes.add(String.format(Locale.ROOT, "sizes in lots of %s coin: the best of %d lot combinations"
                                + " around the continuous optimum (%s there, %s with whole lots)",
                        decimal(problem.lot()), search.searched, objectiveText(problem, continuousObjective),
                        objectiveText(problem, terms.objective(sizes))));
            }
        }
        return evaluate(problem, terms, sizes, feasible, binding, notes);
    }

    private static HedgeResult evaluate(HedgeProblem problem, HedgeTerms terms, double[] sizes, boolean feasible,
            List<GreekTarget> binding, List<String> notes) {
        PositionPricer pricer = problem.pricer();
        List<HedgeTrade> trades = new ArrayList<>();
        List<Position> positions = new ArrayList<>();
        double coinPaid = 0;
        double cost = 0;
        double premium = 0;
        for (int j = 0; j < terms.n; j++) {
            double size = sizes[j];
            if (size == 0) {
                continue;
            }
            InstrumentName instrument = problem.candidates().get(j).instrument();
            boolean option = instrument instanceof InstrumentName.Option;
            double usd = Settlement.of(instrument).usdPerUnit(terms.index);
            double price = !option ? terms.mark[j] : (size > 0 ? terms.buyPrice[j] : terms.sellPrice[j]) / usd;
            double tradeCost = size > 0 ? terms.buyCost[j] * size : -terms.sellCost[j] * size;
            double tradePremium = option ? size * price * usd : 0;
            trades.add(new HedgeTrade(instrument, size, price, terms.mark[j], tradePremium, tradeCost));
            positions.add(new Position(instrument, size, option ? price : terms.mark[j]));
            if (option && Settlement.of(instrument) == Settlement.INVERSE) {
                coinPaid += size * price;
            }
            cost += tradeCost;
            premium += tradePremium;
        }
        MarginGroup group = problem.group();
        MarginGroup hedged = positions.isEmpty() ? group : group.plus(positions);
        Greeks after = BookGreeks.of(hedged, pricer).plus(new Greeks(0, -coinPaid * terms.index, 0, 0, 0, 0, 0));
        MarginCalculator calculator = new MarginCalculator(problem.rules());
        double[] marginBefore = calculator.initialAndMaintenance(group, pricer);
        double[] marginAfter = calculator.initialAndMaintenance(hedged, pricer);
        if (problem.objective() instanceof HedgeObjective.Margin) {
            notes.add(String.format(Locale.ROOT, "IM and MM re-evaluated by the rules on the hedged book: IM %s USD"
                    + " (%s USD by the program's terms)", decimal(marginAfter[0]), decimal(terms.objective(sizes))));
        }
        return new HedgeResult(feasible, trades, terms.before, after, marginBefore[0], marginAfter[0],
                marginBefore[1], marginAfter[1], cost, premium, binding, notes);
    }

    private static String objectiveNote(HedgeProblem problem, HedgeTerms terms) {
        String targets = problem.targets().isEmpty() ? "" : ", the greek targets as linear constraints";
        return switch (problem.objective()) {
            case HedgeObjective.Cost ignored -> "minimised the spread cost exactly by linear programming (each size"
                    + " split into a purchase at the ask and a sale at the bid" + targets + ")";
            case HedgeObjective.Trades ignored -> "minimised the coins traded exactly by linear programming" + targets;
            case HedgeObjective.Margin ignored -> "minimised portfolio-margin IM exactly by linear programming: the"
                    + " worst case over " + terms.margin.scenarios + " scenarios (t >= -PnL_s), the roll shock and"
                    + " the delta shock (absolute values) are all linear-program terms" + targets;
        };
    }

    private static String objectiveText(HedgeProblem problem, double value) {
        return switch (problem.objective()) {
            case HedgeObjective.Cost ignored -> "cost " + decimal(value) + " USD";
            case HedgeObjective.Trades ignored -> decimal(value) + " coin traded";
            case HedgeObjective.Margin ignored -> "IM " + decimal(value) + " USD";
        };
    }

    /** The targets {@code sizes} breaks. */
    private static List<GreekTarget> broken(HedgeTerms terms, double[] sizes) {
        Greeks greeks = terms.greeksAfter(sizes);
        List<GreekTarget> out = new ArrayList<>();
        for (GreekTarget target : terms.problem.targets()) {
            if (!target.holds(target.greek().of(greeks, terms.index), TARGET_SLACK * terms.scale(target))) {
                out.add(target);
            }
        }
        return out;
    }

    /** Sizes with the simplex's rounding dust (below 1e-9 of the largest, or 1e-12 coin) set to zero. */
    private static double[] clean(double[] sizes) {
        double largest = 0;
        for (double size : sizes) {
            largest = Math.max(largest, Math.abs(size));
        }
        double dust = Math.max(1e-12, 1e-9 * largest);
        double[] out = sizes.clone();
        for (int j = 0; j < out.length; j++) {
            if (Math.abs(out[j]) < dust) {
                out[j] = 0;
            }
        }
        return out;
    }

    static String decimal(double value) {
        return GreekTarget.Decimal.of(value);
    }

    /** The search of whole-lot sizes around a continuous solution. */
    private static final class LotSearch {
        double[] best;
        boolean found;
        int searched;
        int reach;

        static LotSearch around(HedgeTerms terms, double[] continuous, boolean feasible) {
            LotSearch search = new LotSearch();
            double lot = terms.problem.lot();
            int[] traded = new int[continuous.length];
            int k = 0;
            for (int j = 0; j < continuous.length; j++) {
                if (continuous[j] != 0) {
                    traded[k++] = j;
                }
            }
            double[] nearest = continuous.clone();
            for (int j = 0; j < continuous.length; j++) {
                nearest[j] = Math.round(continuous[j] / lot) * lot;
            }
            search.best = nearest;
            if (!feasible) {
                return search;
            }
            for (search.reach = 1; search.reach <= 2; search.reach++) {
                int choices = 2 * search.reach;
                double combinations = Math.pow(choices, k);
                if (combinations > MAX_SEARCHED) {
                    search.searchGreedily(terms, nearest);
                    return search;
                }
                search.enumerate(terms, continuous, traded, k, search.reach);
                if (search.found) {
                    return search;
                }
            }
            search.reach = 2;
            return search;
        }

        /** Every combination of {@code floor - reach + 1 .. ceil + reach - 1} lots of each traded size. */
        private void enumerate(HedgeTerms terms, double[] continuous, int[] traded, int k, int reach) {
            double lot = terms.problem.lot();
            int choices = 2 * reach;
            double[] x = new double[continuous.length];
            double bestScore = Double.POSITIVE_INFINITY;
            int total = (int) Math.pow(choices, k);
            for (int combination = 0; combination < total; combination++) {
                int code = combination;
                for (int i = 0; i < k; i++) {
                    int j = traded[i];
                    double floor = Math.floor(continuous[j] / lot);
                    x[j] = (floor - (reach - 1) + code % choices) * lot;
                    code /= choices;
                }
                searched++;
                if (!allowed(terms, x) || !terms.meetsTargets(x, TARGET_SLACK)) {
                    continue;
                }
                double score = terms.objective(x);
                if (score < bestScore - 1e-12 * Math.abs(score)
                        || (Math.abs(score - bestScore) <= 1e-12 * Math.abs(score)
                        && HedgeTerms.traded(x) < HedgeTerms.traded(best))) {
                    bestScore = score;
                    best = x.clone();
                    found = true;
                }
            }
        }

        /** Round to the nearest lot, then move one lot at a time while that breaks the targets less or scores better. */
        private void searchGreedily(HedgeTerms terms, double[] nearest) {
            double lot = terms.problem.lot();
            double[] x = nearest.clone();
            boolean improved = true;
            for (int round = 0; improved && round < 1000; round++) {
                improved = false;
                double violation = violation(terms, x);
                double score = terms.objective(x);
                for (int j = 0; j < x.length && !improved; j++) {
                    for (int step = -1; step <= 1 && !improved; step += 2) {
                        x[j] += step * lot;
                        searched++;
                        double movedViolation = violation(terms, x);
                        improved = allowed(terms, x) && (movedViolation < violation - 1e-12
                                || (movedViolation <= violation && terms.objective(x) < score - 1e-12 * Math.abs(score)));
                        if (!improved) {
                            x[j] -= step * lot;
                        }
                    }
                }
            }
            best = x;
            found = terms.meetsTargets(x, TARGET_SLACK);
            reach = 1;
        }

        /** How far {@code x} breaks the targets, each in units of its width; 0 when they hold. */
        private static double violation(HedgeTerms terms, double[] x) {
            Greeks greeks = terms.greeksAfter(x);
            double violation = 0;
            for (GreekTarget target : terms.problem.targets()) {
                double value = target.greek().of(greeks, terms.index);
                double outside = Math.max(0, target.low() - value) + Math.max(0, value - target.high());
                double relative = outside / terms.scale(target);
                violation += relative > TARGET_SLACK ? relative : 0;
            }
            return violation;
        }

        private static boolean allowed(HedgeTerms terms, double[] x) {
            double maxSize = terms.problem.maxSize();
            for (int j = 0; j < x.length; j++) {
                if ((x[j] > 0 && !terms.canBuy[j]) || (x[j] < 0 && !terms.canSell[j])
                        || Math.abs(x[j]) > maxSize * (1 + 1e-12)) {
                    return false;
                }
            }
            return true;
        }
    }
}
