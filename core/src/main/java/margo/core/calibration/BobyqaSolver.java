package margo.core.calibration;

import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Commons Math's BOBYQA (M. J. D. Powell, "The BOBYQA algorithm for bound constrained optimization without
 * derivatives", Cambridge NA Report 2009/06) on the objective in {@link UnitScaling} coordinates, with
 * {@code 2n + 1} interpolation points as Powell recommends.
 */
final class BobyqaSolver implements Solver {

    private final SolverMethod.Bobyqa settings;

    BobyqaSolver(SolverMethod.Bobyqa settings) {
        this.settings = settings;
    }

    @Override
    public Outcome solve(Objective objective, double[] start, int startIndex, long seed) {
        int f = objective.freeCount();
        UnitScaling scaling = new UnitScaling(objective, start);
        ObjectiveFunction function = scaling.objectiveFunction(objective);
        BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * f + 1, settings.initialTrustRegionRadius(),
                settings.stoppingTrustRegionRadius());
        int before = objective.evaluations();
        StopReason reason;
        try {
            optimizer.optimize(new MaxEval(settings.maxEvaluations()), function, GoalType.MINIMIZE,
                    new InitialGuess(scaling.toUnit(start)), new SimpleBounds(scaling.lowerU, scaling.upperU));
            reason = StopReason.CONVERGED;
        } catch (TooManyEvaluationsException e) {
            reason = StopReason.MAX_EVALUATIONS;
        }
        return new Outcome(reason, objective.evaluations() - before);
    }
}
