package margo.core.calibration;

import java.util.Arrays;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * Commons Math's CMA-ES (N. Hansen, "The CMA Evolution Strategy: A Tutorial", 2016) with active covariance update,
 * in {@link UnitScaling} coordinates (the unit cube, since every free parameter must have two bounds). The random
 * generator is a Mersenne Twister seeded from the problem's seed and the start index, so runs repeat bit for bit.
 * It stops on its own criteria (Hansen's TolFun 1e-12, TolX 1e-11 in scaled units) or the budgets.
 */
final class CmaEsSolver implements Solver {

    private final SolverMethod.CmaEs settings;

    CmaEsSolver(SolverMethod.CmaEs settings) {
        this.settings = settings;
    }

    @Override
    public Outcome solve(Objective objective, double[] start, int startIndex, long seed) {
        int f = objective.freeCount();
        UnitScaling scaling = new UnitScaling(objective, start);
        ObjectiveFunction function = scaling.objectiveFunction(objective);
        int population = settings.populationSize() > 0 ? settings.populationSize()
                : 4 + (int) (3.0 * Math.log(f));
        MersenneTwister random = new MersenneTwister(new int[] {(int) seed, (int) (seed >>> 32), startIndex});
        CMAESOptimizer optimizer = new CMAESOptimizer(settings.maxIterations(), 0.0, true, 0, 0, random, false,
                null);
        double[] sigma = new double[f];
        Arrays.fill(sigma, settings.sigma());
        int before = objective.evaluations();
        StopReason reason;
        try {
            optimizer.optimize(new MaxEval(settings.maxEvaluations()), new MaxIter(settings.maxIterations()),
                    function, GoalType.MINIMIZE, new InitialGuess(scaling.toUnit(start)),
                    new SimpleBounds(scaling.lowerU, scaling.upperU), new CMAESOptimizer.Sigma(sigma),
                    new CMAESOptimizer.PopulationSize(population));
            // Commons Math's CMA-ES ends its generation loop quietly on the evaluation budget and on its own
            // iteration limit, returning the best point as if converged; the counts tell which it was.
            reason = objective.evaluations() - before >= settings.maxEvaluations() ? StopReason.MAX_EVALUATIONS
                    : optimizer.getIterations() >= settings.maxIterations() ? StopReason.MAX_ITERATIONS
                    : StopReason.CONVERGED;
        } catch (TooManyEvaluationsException e) {
            reason = StopReason.MAX_EVALUATIONS;
        } catch (TooManyIterationsException e) {
            reason = StopReason.MAX_ITERATIONS;
        }
        return new Outcome(reason, (objective.evaluations() - before + population - 1) / population);
    }
}
