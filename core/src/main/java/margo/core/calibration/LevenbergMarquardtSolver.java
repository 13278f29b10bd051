package margo.core.calibration;

import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.ValueAndJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Commons Math's Levenberg-Marquardt (a translation of MINPACK's lmder) on the weighted residuals, in the unbounded
 * variables of {@link BoundTransform}. Evaluation is lazy: the Jacobian is computed only at accepted points, once
 * per outer iteration.
 */
final class LevenbergMarquardtSolver implements Solver {

    private final SolverMethod.LevenbergMarquardt settings;

    LevenbergMarquardtSolver(SolverMethod.LevenbergMarquardt settings) {
        this.settings = settings;
    }

    @Override
    public Outcome solve(Objective objective, double[] start, int startIndex, long seed) {
        int f = objective.freeCount();
        int m = objective.residualCount();
        double[] lo = new double[f];
        double[] hi = new double[f];
        double[] z0 = new double[f];
        for (int k = 0; k < f; k++) {
            lo[k] = objective.lower(k);
            hi[k] = objective.upper(k);
            z0[k] = BoundTransform.toInternal(start[k], lo[k], hi[k]);
        }
        TransformedResiduals model = new TransformedResiduals(objective, lo, hi, m);
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .start(z0)
                .target(new double[m])
                .model(model)
                .lazyEvaluation(true)
                .maxEvaluations(settings.maxEvaluations())
                .maxIterations(settings.maxIterations())
                .build();
        double tolerance = settings.relativeTolerance();
        LevenbergMarquardtOptimizer optimizer = new LevenbergMarquardtOptimizer()
                .withCostRelativeTolerance(tolerance)
                .withParameterRelativeTolerance(tolerance)
                .withOrthoTolerance(tolerance);
        int jacobiansBefore = objective.jacobians();
        StopReason reason;
        try {
            optimizer.optimize(problem);
            reason = StopReason.CONVERGED;
        } catch (TooManyEvaluationsException e) {
            reason = StopReason.MAX_EVALUATIONS;
        } catch (TooManyIterationsException e) {
            reason = StopReason.MAX_ITERATIONS;
        } catch (ConvergenceException e) {
            // MINPACK's info 6-8: the tolerances are below what machine precision allows, so no step can reduce the
            // cost further. The best point is as converged as the arithmetic permits.
            reason = StopReason.CONVERGED;
        }
        return new Outcome(reason, objective.jacobians() - jacobiansBefore);
    }

    /** The objective's residuals and Jacobian as functions of the internal variables {@code z}. */
    private static final class TransformedResiduals implements ValueAndJacobianFunction {
        private final Objective objective;
        private final double[] lo;
        private final double[] hi;
        private final double[] theta;
        private final double[] residuals;
        private final double[] jacobian;
        /** The point of {@link #residuals}; null before the first. */
        private double[] valuedAt;

        TransformedResiduals(Objective objective, double[] lo, double[] hi, int m) {
            this.objective = objective;
            this.lo = lo;
            this.hi = hi;
            this.theta = new double[lo.length];
            this.residuals = new double[m];
            this.jacobian = new double[m * lo.length];
        }

        @Override
        public Pair<RealVector, RealMatrix> value(RealVector point) {
            double[] z = point.toArray();
            return new Pair<>(computeValue(z), computeJacobian(z));
        }

        /**
         * The residuals at z, computed once per point: Commons Math's lazy evaluation does not keep them, and its
         * optimiser asks for the residuals of each point twice (for the step's cost and again for the next
         * iteration), which doubled the model evaluations of a fit.
         */
        @Override
        public RealVector computeValue(double[] z) {
            if (valuedAt == null || !java.util.Arrays.equals(z, valuedAt)) {
                toParameters(z);
                valuedAt = null;
                objective.residuals(theta, residuals);
                valuedAt = z.clone();
            }
            return new ArrayRealVector(residuals);
        }

        @Override
        public RealMatrix computeJacobian(double[] z) {
            toParameters(z);
            objective.jacobian(theta, jacobian);
            int f = lo.length;
            int m = residuals.length;
            double[][] rows = new double[m][f];
            for (int k = 0; k < f; k++) {
                double chain = BoundTransform.derivative(z[k], lo[k], hi[k]);
                for (int i = 0; i < m; i++) {
                    rows[i][k] = jacobian[i * f + k] * chain;
                }
            }
            return new Array2DRowRealMatrix(rows, false);
        }

        private void toParameters(double[] z) {
            for (int k = 0; k < z.length; k++) {
                theta[k] = BoundTransform.toParameter(z[k], lo[k], hi[k]);
            }
        }
    }
}
