package margo.core.hedging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * The continuous hedge as linear programs over the trade sizes, solved by Commons Math's {@link SimplexSolver}.
 *
 * <p>Each candidate's size is split into a purchase {@code u_j >= 0} and a sale {@code w_j >= 0}, so that the
 * spread cost {@code (ask - mark) u_j + (mark - bid) w_j} and the premium paid are exact. The greek targets are two
 * linear inequalities each. Minimising portfolio-margin IM adds, per settlement currency, {@code t >= 0} with
 * {@code t >= -PnL_s(x)} for every scenario (the worst case, exact: min t over those is max_s -PnL_s), {@code d >= 0}
 * with {@code d >= m (+-netDelta(x) - threshold)} (the delta shock), and per candidate {@code r_j >= +-roll_j
 * delta_j (Q_j + q_j x_j)} (its roll shock, an absolute value); see {@link HedgeTerms}. Every term of the IM is then
 * optimised exactly.
 *
 * <p>Premiums of inverse options are paid in coin, at the ask, and received at the bid, which moves the net delta
 * ({@link HedgeTerms}): counted so, a program could buy and sell one option at once to shed coin delta for the
 * spread. So a first program counts premiums at the mark, where a purchase and a sale cancel, and fixes the side of
 * each trade; a second solves exactly, premiums at the traded prices, each candidate on its side (those the first
 * left out stay out). When the second cannot meet the targets (the spread moved the net delta past one), the first
 * stands and the hedged book's exact greeks are checked.
 *
 * <p>Ties are broken lexicographically: after the objective, a second program keeps it within {@value #TIE} of its
 * optimum and minimises the coins traded (or, when the objective is the coins traded, the cost), so that a hedge
 * buys nothing it does not need and never buys and sells one instrument at once.
 *
 * <p>When the targets cannot all be met, a third program adds slacks to every target and minimises their sum,
 * each in units of its target's width: the targets left with slack are the binding ones, and its solution holds the
 * best achievable values.
 */
final class HedgeLinearProgram {

    /** Relative room left on the objective when breaking ties. */
    static final double TIE = 1e-9;
    private static final int MAX_ITERATIONS = 100_000;

    private final HedgeTerms terms;
    /** Per candidate, the side the exact program may trade: +1 buy, -1 sell, 0 neither; null: premiums at mark. */
    private int[] sides;
    private final int n;
    private final int variables;
    /** Index of the first portfolio-margin variable (t, d per currency, then r per candidate), or -1. */
    private final int marginStart;

    HedgeLinearProgram(HedgeTerms terms) {
        this.terms = terms;
        n = terms.n;
        if (terms.margin != null) {
            marginStart = 2 * n;
            variables = 2 * n + 2 * terms.margin.currencies.size() + n;
        } else {
            marginStart = -1;
            variables = 2 * n;
        }
    }

    /** The outcome of the continuous programs: the sizes when feasible, else the least violation. */
    record Solution(boolean feasible, double[] sizes, List<GreekTarget> binding) {
    }

    Solution solve() {
        Solution atMark = solveOnce();
        if (!atMark.feasible()) {
            return atMark;
        }
        sides = new int[n];
        for (int j = 0; j < n; j++) {
            sides[j] = (int) Math.signum(atMark.sizes()[j]);
        }
        Solution exact = solveOnce();
        return exact.feasible() ? exact : atMark;
    }

    private Solution solveOnce() {
        List<LinearConstraint> rows = constraints(variables);
        double[] primary = objective(terms.problem.objective(), variables);
        double[] point;
        try {
            point = minimise(primary, rows);
        } catch (NoFeasibleSolutionException infeasible) {
            return sides == null ? leastViolation() : new Solution(false, new double[n], List.of());
        }
        double optimum = dot(primary, point);
        List<LinearConstraint> tied = new ArrayList<>(rows);
        tied.add(row(primary, Relationship.LEQ, optimum + TIE * Math.max(1.0, Math.abs(optimum))));
        double[] secondary = terms.problem.objective() instanceof HedgeObjective.Trades
                ? objective(new HedgeObjective.Cost(), variables) : objective(new HedgeObjective.Trades(), variables);
        try {
            point = minimise(secondary, tied);
        } catch (NoFeasibleSolutionException lostToRounding) {
            // The first solution stands: the tie-break only chooses among equals.
        }
        return new Solution(true, sizes(point), List.of());
    }

    /** Every target given two slacks, their weighted sum minimised. */
    private Solution leastViolation() {
        List<GreekTarget> targets = terms.problem.targets();
        int slackStart = variables;
        int all = variables + 2 * targets.size();
        List<LinearConstraint> rows = new ArrayList<>();
        addBounds(rows, all);
        addMargin(rows, all);
        double[] objective = new double[all];
        for (int g = 0; g < targets.size(); g++) {
            GreekTarget target = targets.get(g);
            double[] coefficients = targetCoefficients(target.greek(), all);
            double now = target.greek().of(terms.before, terms.index);
            int below = slackStart + 2 * g;
            double weight = 1.0 / terms.scale(target);
            if (target.low() > Double.NEGATIVE_INFINITY) {
                double[] withSlack = coefficients.clone();
                withSlack[below] = 1.0;
                rows.add(row(withSlack, Relationship.GEQ, target.low() - now));
            }
            if (target.high() < Double.POSITIVE_INFINITY) {
                double[] withSlack = coefficients.clone();
                withSlack[below + 1] = -1.0;
                rows.add(row(withSlack, Relationship.LEQ, target.high() - now));
            }
            objective[below] = weight;
            objective[below + 1] = weight;
        }
        double[] point = minimise(objective, rows);
        double[] sizes = sizes(point);
        List<GreekTarget> binding = new ArrayList<>();
        for (int g = 0; g < targets.size(); g++) {
            if ((point[slackStart + 2 * g] + point[slackStart + 2 * g + 1]) * objective[slackStart + 2 * g] > 1e-7) {
                binding.add(targets.get(g));
            }
        }
        return new Solution(false, sizes, binding);
    }

    private List<LinearConstraint> constraints(int width) {
        List<LinearConstraint> rows = new ArrayList<>();
        addBounds(rows, width);
        addMargin(rows, width);
        for (GreekTarget target : terms.problem.targets()) {
            double[] coefficients = targetCoefficients(target.greek(), width);
            double now = target.greek().of(terms.before, terms.index);
            if (target.low() > Double.NEGATIVE_INFINITY) {
                rows.add(row(coefficients, Relationship.GEQ, target.low() - now));
            }
            if (target.high() < Double.POSITIVE_INFINITY) {
                rows.add(row(coefficients, Relationship.LEQ, target.high() - now));
            }
        }
        return rows;
    }

    /** The change of a greek per coin bought and per coin sold. */
    private double[] targetCoefficients(Greek greek, int width) {
        double[] coefficients = new double[width];
        for (int j = 0; j < n; j++) {
            if (sides == null) {
                coefficients[j] = greek.of(terms.atMark[j], terms.index);
                coefficients[n + j] = -coefficients[j];
            } else {
                coefficients[j] = greek.of(terms.buy[j], terms.index);
                coefficients[n + j] = greek.of(terms.sell[j], terms.index);
            }
        }
        return coefficients;
    }

    /** Sides that cannot trade are fixed at 0; both sides at most the largest size. */
    private void addBounds(List<LinearConstraint> rows, int width) {
        double maxSize = terms.problem.maxSize();
        for (int j = 0; j < n; j++) {
            for (int side = 0; side < 2; side++) {
                boolean allowed = side == 0 ? terms.canBuy[j] : terms.canSell[j];
                if (sides != null) {
                    allowed &= sides[j] == (side == 0 ? 1 : -1);
                }
                if (!allowed || maxSize < Double.POSITIVE_INFINITY) {
                    double[] unit = new double[width];
                    unit[side * n + j] = 1.0;
                    rows.add(new LinearConstraint(unit, Relationship.LEQ, allowed ? maxSize : 0.0));
                }
            }
        }
    }

    private void addMargin(List<LinearConstraint> rows, int width) {
        HedgeTerms.Margin margin = terms.margin;
        if (margin == null) {
            return;
        }
        int currencies = margin.currencies.size();
        for (int c = 0; c < currencies; c++) {
            int t = marginStart + 2 * c;
            int d = t + 1;
            for (int s = 0; s < margin.scenarios; s++) {
                // -t - sum_j p_js (u_j - w_j) <= P0_s
                double[] row = new double[width];
                row[t] = -1.0;
                for (int j = 0; j < n; j++) {
                    if (margin.currencyOf[j] == c) {
                        row[j] = -margin.pnl[j][s];
                        row[n + j] = margin.pnl[j][s];
                    }
                }
                rows.add(row(row, Relationship.LEQ, margin.groupPnl[c][s]));
            }
            double m = margin.maxDeltaShock;
            double threshold = margin.thresholdUsd / margin.usd[c];
            for (int sign = -1; sign <= 1; sign += 2) {
                // d - sign m sum_j delta_j q_j (u_j - w_j) >= m (sign D0 - threshold)
                double[] row = new double[width];
                row[d] = 1.0;
                for (int j = 0; j < n; j++) {
                    if (margin.currencyOf[j] == c) {
                        double slope = sign * m * margin.delta[j] * margin.quantityPerCoin[j];
                        row[j] = -slope;
                        row[n + j] = slope;
                    }
                }
                rows.add(row(row, Relationship.GEQ, m * (sign * margin.groupDelta[c] - threshold)));
            }
        }
        int rollStart = marginStart + 2 * currencies;
        for (int j = 0; j < n; j++) {
            double slope = margin.rollMove[j] * margin.delta[j] * margin.quantityPerCoin[j];
            double held = margin.rollMove[j] * margin.delta[j] * margin.held[j];
            for (int sign = -1; sign <= 1; sign += 2) {
                // r_j - sign slope (u_j - w_j) >= sign held
                double[] row = new double[width];
                row[rollStart + j] = 1.0;
                row[j] = -sign * slope;
                row[n + j] = sign * slope;
                rows.add(row(row, Relationship.GEQ, sign * held));
            }
        }
    }

    private double[] objective(HedgeObjective objective, int width) {
        double[] c = new double[width];
        switch (objective) {
            case HedgeObjective.Cost ignored -> {
                System.arraycopy(terms.buyCost, 0, c, 0, n);
                System.arraycopy(terms.sellCost, 0, c, n, n);
            }
            case HedgeObjective.Trades ignored -> Arrays.fill(c, 0, 2 * n, 1.0);
            case HedgeObjective.Margin ignored -> {
                HedgeTerms.Margin margin = terms.margin;
                int currencies = margin.currencies.size();
                for (int k = 0; k < currencies; k++) {
                    c[marginStart + 2 * k] = margin.usd[k];
                    c[marginStart + 2 * k + 1] = margin.usd[k];
                }
                for (int j = 0; j < n; j++) {
                    c[marginStart + 2 * currencies + j] = margin.usd[margin.currencyOf[j]];  // r_j holds the roll move
                }
            }
        }
        return c;
    }

    /** The minimum over the non-negative variables, as many as {@code objective} has. */
    private static double[] minimise(double[] objective, List<LinearConstraint> rows) {
        if (rows.isEmpty()) {
            return new double[objective.length];  // every cost is >= 0: trading nothing is optimal
        }
        PointValuePair solution = new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(MAX_ITERATIONS),
                new LinearObjectiveFunction(objective, 0), new LinearConstraintSet(rows), GoalType.MINIMIZE,
                new NonNegativeConstraint(true));
        return solution.getPoint();
    }

    private double[] sizes(double[] point) {
        double[] sizes = new double[n];
        for (int j = 0; j < n; j++) {
            sizes[j] = point[j] - point[n + j];
        }
        return sizes;
    }

    /** A constraint with its coefficients and bound scaled so that the largest coefficient is 1. */
    private static LinearConstraint row(double[] coefficients, Relationship relationship, double bound) {
        double largest = 0;
        for (double c : coefficients) {
            largest = Math.max(largest, Math.abs(c));
        }
        if (largest == 0) {
            return new LinearConstraint(coefficients, relationship, bound);
        }
        double[] scaled = new double[coefficients.length];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = coefficients[i] / largest;
        }
        return new LinearConstraint(scaled, relationship, bound / largest);
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
