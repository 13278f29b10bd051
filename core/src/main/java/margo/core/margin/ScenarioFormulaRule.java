package margo.core.margin;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A custom margin rule: any formula over a book's {@link ScenarioPnlMatrix} on chosen scenarios. This is the seam a
 * rule written in Margo's language compiles to: the language builds the scenarios and the two formulas, the core
 * revalues and aggregates. Example, a worst loss plus 10% of the gross scenario losses:
 * <pre>{@code
 * new ScenarioFormulaRule(PortfolioMarginParameters.DERIBIT_BTC.scenarios(),
 *         m -> m.worstLoss() + 0.1 * grossLoss(m), m -> 0.8 * m.worstLoss());
 * }</pre>
 *
 * <p>Attribution is Euler's by central differences: {@code q_i dIM/dq_i ~ (IM(q_i (1+h)) - IM(q_i (1-h))) / 2h}
 * with {@code h = 1e-6}, then scaled so the contributions sum to IM. For formulas positively homogeneous of degree
 * one in the sizes (worst loss, weighted sums of losses, expected shortfall) the scaling is 1 up to rounding; for
 * others it spreads the non-homogeneous part in proportion to the Euler terms, as the built-in rules do with
 * their add-ons.
 *
 * @param scenarios   the scenarios the matrix is built on
 * @param initial     the IM formula, in the settlement currency; must return a finite number &ge; 0
 * @param maintenance the MM formula, in the settlement currency; must return a finite number &ge; 0
 */
public record ScenarioFormulaRule(List<Scenario> scenarios, ToDoubleFunction<ScenarioPnlMatrix> initial,
                                  ToDoubleFunction<ScenarioPnlMatrix> maintenance) implements MarginRule {

    private static final double RELATIVE_BUMP = 1e-6;

    public ScenarioFormulaRule {
        if (scenarios == null || scenarios.isEmpty()) {
            throw new IllegalArgumentException("scenarios must not be empty");
        }
        if (initial == null || maintenance == null) {
            throw new IllegalArgumentException("initial and maintenance formulas must not be null");
        }
        scenarios = List.copyOf(scenarios);
    }

    @Override
    public MarginRequirement requirement(List<Position> positions, PositionPricer pricer) {
        ScenarioPnlMatrix matrix = ScenarioPnlMatrix.of(positions, scenarios, pricer);
        return new MarginRequirement(matrix.currency(), initial.applyAsDouble(matrix),
                maintenance.applyAsDouble(matrix));
    }

    @Override
    public double[] initialMarginContributions(List<Position> positions, PositionPricer pricer) {
        double total = requirement(positions, pricer).initial();
        double[] euler = new double[positions.size()];
        double sum = 0;
        for (int i = 0; i < euler.length; i++) {
            double up = initialWithScaled(positions, i, 1 + RELATIVE_BUMP, pricer);
            double down = initialWithScaled(positions, i, 1 - RELATIVE_BUMP, pricer);
            euler[i] = (up - down) / (2 * RELATIVE_BUMP);
            sum += euler[i];
        }
        for (int i = 0; i < euler.length; i++) {
            euler[i] = sum != 0 ? euler[i] * total / sum : total / euler.length;
        }
        return euler;
    }

    /** The sum of the losses over all scenarios, a positive amount: an aggregate formulas often need. */
    public static double grossLoss(ScenarioPnlMatrix matrix) {
        return grossLoss(matrix.portfolioPnl());
    }

    /** The sum of the losses in a book's scenario P&amp;L vector ({@link ScenarioPnlMatrix#portfolioPnl()}). */
    public static double grossLoss(double[] portfolioPnl) {
        double loss = 0;
        for (double pnl : portfolioPnl) {
            loss += Math.max(0.0, -pnl);
        }
        return loss;
    }

    private double initialWithScaled(List<Position> positions, int index, double factor, PositionPricer pricer) {
        List<Position> bumped = new ArrayList<>(positions);
        bumped.set(index, positions.get(index).withSize(positions.get(index).size() * factor));
        return initial.applyAsDouble(ScenarioPnlMatrix.of(bumped, scenarios, pricer));
    }
}
