package margo.core.smiles;

import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Unconstrained nonlinear least squares by Commons Math's Levenberg-Marquardt, with a forward-difference
 * Jacobian. Bounds on a model's parameters are imposed by the caller's transform from unbounded coordinates
 * (exp for positive, tanh for correlations, logistic for intervals), so the optimiser never leaves the domain.
 * Deterministic: the same start and residuals give the same answer bit for bit. Residuals that are not finite
 * (quotes whose total variance overflows) are an {@link IllegalArgumentException} saying so.
 */
final class LeastSquares {

    /** Residuals {@code r(x)} written into {@code out}; their sum of squares is minimised. */
    @FunctionalInterface
    interface Residuals {
        void evaluate(double[] x, double[] out);
    }

    /** The minimiser and its cost, the sum of squared residuals. */
    record Result(double[] point, double cost) {
    }

    private static final int MAX_EVALUATIONS = 5_000;

    private LeastSquares() {
    }

    /**
     * Minimises {@code sum r_i(x)^2} from {@code start}. When the optimiser runs out of iterations the best point
     * so far is not available from Commons Math, so the start is returned with its cost and the caller's other
     * starts decide.
     */
    static Result minimize(int residualCount, double[] start, Residuals residuals) {
        double[] values = new double[residualCount];
        double[] shifted = new double[residualCount];
        LeastSquaresBuilder builder = new LeastSquaresBuilder()
                .start(start.clone())
                .target(new double[residualCount])
                .maxEvaluations(MAX_EVALUATIONS)
                .maxIterations(MAX_EVALUATIONS)
                .model(point -> {
                    double[] x = point.toArray();
                    residuals.evaluate(x, values);
                    double[][] jacobian = new double[residualCount][x.length];
                    for (int p = 0; p < x.length; p++) {
                        double h = 1e-7 * Math.max(1.0, Math.abs(x[p]));
                        double saved = x[p];
                        x[p] = saved + h;
                        residuals.evaluate(x, shifted);
                        x[p] = saved;
                        for (int i = 0; i < residualCount; i++) {
                            jacobian[i][p] = (shifted[i] - values[i]) / h;
                        }
                    }
                    return new Pair<>(new ArrayRealVector(values, true), new Array2DRowRealMatrix(jacobian, false));
                });
        LevenbergMarquardtOptimizer optimizer = new LevenbergMarquardtOptimizer()
                .withCostRelativeTolerance(1e-12)
                .withParameterRelativeTolerance(1e-12)
                .withOrthoTolerance(1e-12);
        try {
            LeastSquaresOptimizer.Optimum optimum = optimizer.optimize(builder.build());
            double[] point = optimum.getPoint().toArray();
            return new Result(point, cost(residualCount, point, residuals));
        } catch (TooManyEvaluationsException | TooManyIterationsException e) {
            return new Result(start.clone(), cost(residualCount, start, residuals));
        } catch (ConvergenceException notFinite) {
            // Commons Math's QR decomposition gives up on a Jacobian with Infinity or NaN in it.
            throw new IllegalArgumentException("its residuals are not finite numbers, so least squares cannot start:"
                    + " implied vols or times this large overflow the total variance iv^2 T");
        }
    }

    /** The best of {@link #minimize} from each start, the first on ties: deterministic in the starts' order. */
    static Result bestOf(int residualCount, java.util.List<double[]> starts, Residuals residuals) {
        Result best = null;
        for (double[] start : starts) {
            Result result = minimize(residualCount, start, residuals);
            if (best == null || result.cost() < best.cost()) {
                best = result;
            }
        }
        return best;
    }

    static double cost(int residualCount, double[] x, Residuals residuals) {
        double[] r = new double[residualCount];
        residuals.evaluate(x.clone(), r);
        double sum = 0;
        for (double value : r) {
            sum += value * value;
        }
        return Double.isNaN(sum) ? Double.POSITIVE_INFINITY : sum;
    }

    static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    /**
     * A correlation from an unbounded coordinate, {@code tanh(x)}, kept inside (-1, 1): tanh rounds to +-1 beyond
     * {@code |x| ~ 19}, which the parameter records reject.
     */
    static double correlation(double x) {
        return Math.max(-1 + 1e-12, Math.min(1 - 1e-12, Math.tanh(x)));
    }

    static double atanh(double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }
}
