package margo.core.risk;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Maximum-likelihood estimation of a zero-mean {@link Garch11} with Gaussian innovations (quasi maximum likelihood
 * when the innovations are not normal: the estimates stay consistent, Bollerslev and Wooldridge 1992).
 *
 * <p>The negative log-likelihood {@code 1/2 sum[ln(2 pi) + ln sigma2[t] + r[t]^2 / sigma2[t]]}, with the recursion
 * started at the window's mean square return, is minimised by Commons Math's BOBYQA over bounded coordinates that
 * enforce stationarity: the long-run variance as a multiple {@code u} of the sample's in [0.05, 20], the persistence
 * {@code p = alpha + beta} in [0, {@value #MAX_PERSISTENCE}] and the share {@code s = alpha / p} in [0, 1], so that
 * {@code omega = u v (1 - p)}, {@code alpha = s p}, {@code beta = (1 - s) p}.
 *
 * <p>A fit may start from a previous fit's optimum (a warm start), which is what makes daily refits over years
 * affordable. From there it takes Newton steps on the analytic score and Hessian (from the recursions of the
 * first and second derivatives of {@code sigma2} in the parameters), halved until the likelihood rises; where the
 * Hessian is not negative definite, a BHHH step (Berndt, Hall, Hall and Hausman 1974: the outer product of
 * per-return scores in its place) instead. Two to four steps reach the optimum of a window that moved by one bar.
 * BOBYQA's inner loop runs interpreted (its one method exceeds the JIT's huge-method limit) and costs milliseconds
 * a fit; a Newton step costs one pass over the window, which gives the likelihood, score and Hessian together.
 * If the steps leave the stationary region or do not converge in {@value #MAX_NEWTON_STEPS}, the fit falls back to
 * BOBYQA from the warm start. A BOBYQA result is always finished by Newton steps, which also rescue the best point
 * when BOBYQA stops on a flat likelihood; a fit that neither method brings to a stationary point says so
 * ({@link Garch11Fit#converged()}).
 */
public final class Garch11Estimation {

    /** The largest persistence a fit may reach: alpha + beta stays strictly below 1. */
    public static final double MAX_PERSISTENCE = 0.9999;

    /** The fewest returns a fit accepts. */
    public static final int MINIMUM_OBSERVATIONS = 100;

    private static final double[] LOWER = {0.05, 0, 0};
    private static final double[] UPPER = {20, MAX_PERSISTENCE, 1};
    private static final double[] COLD_START = {1, 0.95, 0.1};
    private static final int MAX_EVALUATIONS = 5_000;
    private static final int MAX_NEWTON_STEPS = 25;
    /** BHHH stops when the predicted gain in log-likelihood, {@code s' delta / 2}, is below this. */
    private static final double NEWTON_TOLERANCE = 1e-9;

    private Garch11Estimation() {
    }

    /** The fit of {@code logReturns[from, to)} from a standard start, with standard errors. */
    public static Garch11Fit fit(double[] logReturns, int from, int to) {
        return fit(logReturns, from, to, null);
    }

    /**
     * The fit of {@code logReturns[from, to)} started from {@code start} (null for a standard start), with standard
     * errors.
     */
    public static Garch11Fit fit(double[] logReturns, int from, int to, Garch11 start) {
        Optimum optimum = optimise(logReturns, from, to, start);
        double[] errors = standardErrors(logReturns, from, to, optimum.parameters, optimum.initialVariance);
        return new Garch11Fit(optimum.parameters, errors[0], errors[1], errors[2], -optimum.negativeLogLikelihood,
                to - from, optimum.evaluations, optimum.initialVariance, optimum.converged);
    }

    /** The optimum without standard errors: what a refit at every bar needs. */
    static Optimum optimise(double[] logReturns, int from, int to, Garch11 start) {
        RiskArguments.requireWindow(logReturns, from, to, MINIMUM_OBSERVATIONS);
        double sampleVariance = 0;
        for (int t = from; t < to; t++) {
            sampleVariance += logReturns[t] * logReturns[t];
        }
        sampleVariance /= to - from;
        if (!(sampleVariance > 0)) {
            throw new IllegalArgumentException("GARCH cannot be fitted to " + (to - from)
                    + " returns that are all zero (a flat price)");
        }
        double variance = sampleVariance;
        if (start != null) {
            Optimum refined = newton(logReturns, from, to, start, variance);
            if (refined != null) {
                return refined;
            }
        }
        double[] best = start == null ? COLD_START.clone() : toCoordinates(start, variance);
        double[] bestValue = {Double.POSITIVE_INFINITY};
        ObjectiveFunction objective = new ObjectiveFunction(x -> {
            double value = negativeLogLikelihood(logReturns, from, to, toParameters(x, variance), variance);
            if (value < bestValue[0]) {
                bestValue[0] = value;
                System.arraycopy(x, 0, best, 0, 3);
            }
            return value;
        });
        BOBYQAOptimizer optimizer = new BOBYQAOptimizer(7, start == null ? 0.1 : 0.02, 1e-7);
        boolean converged = true;
        try {
            optimizer.optimize(new MaxEval(MAX_EVALUATIONS), objective, GoalType.MINIMIZE,
                    new InitialGuess(best.clone()), new SimpleBounds(LOWER, UPPER));
        } catch (MathIllegalStateException e) {
            // On real data BOBYQA can circle on a flat likelihood (out of evaluations) or fail to reduce its model
            // ("trust region step has failed to reduce Q"): keep the best point it saw, for Newton to finish.
            converged = false;
        }
        Garch11 found = toParameters(best, variance);
        int evaluations = Math.min(optimizer.getEvaluations(), MAX_EVALUATIONS);
        Optimum polished = newton(logReturns, from, to, found, variance);
        if (polished != null && polished.negativeLogLikelihood() <= bestValue[0]) {
            return new Optimum(polished.parameters(), polished.negativeLogLikelihood(),
                    evaluations + polished.evaluations(), variance, true);
        }
        return new Optimum(found, bestValue[0], evaluations, variance, converged);
    }

    /**
     * A fit's parameters, its negative log-likelihood, evaluations used, the recursion's starting variance and
     * whether the optimiser converged (false: it ran out of evaluations and this is the best point it saw).
     */
    record Optimum(Garch11 parameters, double negativeLogLikelihood, int evaluations, double initialVariance,
                   boolean converged) {
    }

    /**
     * Newton iterations from {@code start} in the coordinates {@code (omega / v, alpha, beta)}, each step halved until
     * the likelihood rises, or null if they leave the stationary region or do not converge.
     */
    private static Optimum newton(double[] r, int from, int to, Garch11 start, double v) {
        double[] theta = {start.omega() / v, start.alpha(), start.beta()};
        if (!stationary(theta)) {
            return null;
        }
        Pass current = new Pass();
        current.evaluate(r, from, to, theta, v);
        int evaluations = 1;
        Pass trial = new Pass();
        for (int step = 0; step < MAX_NEWTON_STEPS; step++) {
            double[] delta = newtonStep(current.hessian, current.score);
            if (delta == null) {
                // Away from the optimum the Hessian need not be negative definite: take a BHHH step instead.
                delta = solve(current.information, current.score);
                if (delta == null) {
                    return null;
                }
            }
            double gain = current.score[0] * delta[0] + current.score[1] * delta[1] + current.score[2] * delta[2];
            if (gain < NEWTON_TOLERANCE) {
                return new Optimum(new Garch11(theta[0] * v, theta[1], theta[2]), current.negativeLogLikelihood,
                        evaluations, v, true);
            }
            boolean improved = false;
            for (double length = 1; length > 1e-3 && !improved; length /= 2) {
                double[] candidate = {theta[0] + length * delta[0], theta[1] + length * delta[1],
                        theta[2] + length * delta[2]};
                if (!stationary(candidate)) {
                    continue;
                }
                trial.evaluate(r, from, to, candidate, v);
                evaluations++;
                if (trial.negativeLogLikelihood < current.negativeLogLikelihood) {
                    theta = candidate;
                    Pass swap = current;
                    current = trial;
                    trial = swap;
                    improved = true;
                }
            }
            if (!improved) {
                return null;
            }
        }
        return null;
    }

    /** The Newton step {@code -H^-1 g} of a maximisation, or null if {@code H} is not negative definite. */
    private static double[] newtonStep(double[][] hessian, double[] score) {
        double[][] negated = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                negated[i][j] = -hessian[i][j];
            }
        }
        return solve(negated, score);
    }

    /** The solution of {@code A x = b} for a symmetric positive definite {@code A}, or null if it is not. */
    private static double[] solve(double[][] a, double[] b) {
        try {
            return new CholeskyDecomposition(new Array2DRowRealMatrix(a, false), 1e-12, 1e-16).getSolver()
                    .solve(new ArrayRealVector(b, false)).toArray();
        } catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException e) {
            return null;
        }
    }

    private static boolean stationary(double[] theta) {
        return theta[0] > 0 && theta[1] >= 0 && theta[2] >= 0 && theta[1] + theta[2] <= MAX_PERSISTENCE;
    }

    /**
     * One pass over the window at {@code theta = (omega / v, alpha, beta)}: the negative log-likelihood, the
     * log-likelihood's score and analytic Hessian, and the outer product of per-return scores. With
     * {@code l_t = -(ln sigma2_t + r_t^2 / sigma2_t) / 2}, {@code c_t = (r_t^2 / sigma2_t - 1) / (2 sigma2_t)} and
     * {@code e_t = (1 - 2 r_t^2 / sigma2_t) / (2 sigma2_t^2)}: score {@code sum c_t D_t}, Hessian
     * {@code sum c_t D2_t + e_t D_t D_t'}, where {@code D_t = d sigma2_t / d theta} and {@code D2_t} its second
     * derivatives follow the variance recursion: {@code D_{t+1} = (v, r_t^2, sigma2_t) + beta D_t},
     * {@code D2_{t+1} = beta D2_t} plus {@code D_t} in the row and column of beta; both start at zero as
     * {@code sigma2_from = v} is fixed. Written out in scalars: this loop is the whole cost of a refit.
     */
    private static final class Pass {
        double negativeLogLikelihood;
        final double[] score = new double[3];
        final double[][] hessian = new double[3][3];
        final double[][] information = new double[3][3];

        void evaluate(double[] r, int from, int to, double[] theta, double v) {
            double omega = theta[0] * v;
            double alpha = theta[1];
            double beta = theta[2];
            double logSum = 0;
            double g0 = 0, g1 = 0, g2 = 0;
            double h00 = 0, h01 = 0, h02 = 0, h11 = 0, h12 = 0, h22 = 0;
            double o00 = 0, o01 = 0, o02 = 0, o11 = 0, o12 = 0, o22 = 0;
            double d0 = 0, d1 = 0, d2 = 0;
            double s02 = 0, s12 = 0, s22 = 0;
            double variance = v;
            for (int t = from; t < to; t++) {
                double square = r[t] * r[t];
                double inverse = 1 / variance;
                double ratio = square * inverse;
                logSum += Math.log(variance) + ratio;
                double c = 0.5 * (ratio - 1) * inverse;
                double e = 0.5 * (1 - 2 * ratio) * inverse * inverse;
                double c2 = c * c;
                g0 += c * d0;
                g1 += c * d1;
                g2 += c * d2;
                h00 += e * d0 * d0;
                h01 += e * d0 * d1;
                h02 += c * s02 + e * d0 * d2;
                h11 += e * d1 * d1;
                h12 += c * s12 + e * d1 * d2;
                h22 += c * s22 + e * d2 * d2;
                o00 += c2 * d0 * d0;
                o01 += c2 * d0 * d1;
                o02 += c2 * d0 * d2;
                o11 += c2 * d1 * d1;
                o12 += c2 * d1 * d2;
                o22 += c2 * d2 * d2;
                // Second derivatives: only those involving beta are non-zero (sigma2 is linear in omega, alpha).
                s02 = beta * s02 + d0;
                s12 = beta * s12 + d1;
                s22 = beta * s22 + 2 * d2;
                d0 = v + beta * d0;
                d1 = square + beta * d1;
                d2 = variance + beta * d2;
                variance = omega + alpha * square + beta * variance;
                if (!(variance > 0)) {
                    negativeLogLikelihood = Double.POSITIVE_INFINITY;
                    return;
                }
            }
            negativeLogLikelihood = 0.5 * (logSum + (to - from) * Math.log(2 * Math.PI));
            score[0] = g0;
            score[1] = g1;
            score[2] = g2;
            fill(hessian, h00, h01, h02, h11, h12, h22);
            fill(information, o00, o01, o02, o11, o12, o22);
        }

        private static void fill(double[][] m, double a00, double a01, double a02, double a11, double a12,
                                 double a22) {
            m[0][0] = a00;
            m[0][1] = m[1][0] = a01;
            m[0][2] = m[2][0] = a02;
            m[1][1] = a11;
            m[1][2] = m[2][1] = a12;
            m[2][2] = a22;
        }
    }


    /** The Gaussian negative log-likelihood of the window under {@code garch}. */
    static double negativeLogLikelihood(double[] r, int from, int to, Garch11 garch, double initialVariance) {
        return negativeLogLikelihood(r, from, to, garch.omega(), garch.alpha(), garch.beta(), initialVariance);
    }

    private static double negativeLogLikelihood(double[] r, int from, int to, double omega, double alpha,
                                                double beta, double initialVariance) {
        double variance = initialVariance;
        double sum = 0;
        for (int t = from; t < to; t++) {
            if (!(variance > 0)) {
                return Double.POSITIVE_INFINITY;
            }
            double square = r[t] * r[t];
            sum += Math.log(variance) + square / variance;
            variance = omega + alpha * square + beta * variance;
        }
        return 0.5 * (sum + (to - from) * Math.log(2 * Math.PI));
    }

    private static Garch11 toParameters(double[] x, double sampleVariance) {
        double persistence = x[1];
        return new Garch11(x[0] * sampleVariance * (1 - persistence), x[2] * persistence, (1 - x[2]) * persistence);
    }

    private static double[] toCoordinates(Garch11 garch, double sampleVariance) {
        double persistence = Math.min(garch.persistence(), MAX_PERSISTENCE);
        double share = persistence > 0 ? garch.alpha() / persistence : COLD_START[2];
        double multiple = Math.clamp(garch.longRunVariance() / sampleVariance, LOWER[0], UPPER[0]);
        return new double[] {multiple, persistence, Math.clamp(share, 0, 1)};
    }

    /**
     * Standard errors of (omega, alpha, beta): square roots of the diagonal of the inverse Hessian of the negative
     * log-likelihood, by central differences with relative steps. NaN when the Hessian is not positive definite.
     */
    static double[] standardErrors(double[] r, int from, int to, Garch11 garch, double initialVariance) {
        double[] theta = {garch.omega(), garch.alpha(), garch.beta()};
        double[] step = {1e-3 * theta[0], Math.max(1e-4, 1e-3 * theta[1]), Math.max(1e-4, 1e-3 * theta[2])};
        double[][] hessian = new double[3][3];
        double centre = negativeLogLikelihood(r, from, to, theta[0], theta[1], theta[2], initialVariance);
        for (int i = 0; i < 3; i++) {
            for (int j = i; j < 3; j++) {
                double value;
                if (i == j) {
                    value = (shifted(r, from, to, theta, step, i, 1, j, 0, initialVariance) - 2 * centre
                            + shifted(r, from, to, theta, step, i, -1, j, 0, initialVariance)) / (step[i] * step[i]);
                } else {
                    value = (shifted(r, from, to, theta, step, i, 1, j, 1, initialVariance)
                            - shifted(r, from, to, theta, step, i, 1, j, -1, initialVariance)
                            - shifted(r, from, to, theta, step, i, -1, j, 1, initialVariance)
                            + shifted(r, from, to, theta, step, i, -1, j, -1, initialVariance))
                            / (4 * step[i] * step[j]);
                }
                hessian[i][j] = value;
                hessian[j][i] = value;
            }
        }
        try {
            RealMatrix matrix = new Array2DRowRealMatrix(hessian, false);
            RealMatrix covariance = new CholeskyDecomposition(matrix, 1e-12, 1e-14).getSolver().getInverse();
            return new double[] {Math.sqrt(covariance.getEntry(0, 0)), Math.sqrt(covariance.getEntry(1, 1)),
                    Math.sqrt(covariance.getEntry(2, 2))};
        } catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException e) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
    }

    /** The negative log-likelihood with parameter {@code i} moved by {@code si} steps and {@code j} by {@code sj}. */
    private static double shifted(double[] r, int from, int to, double[] theta, double[] step, int i, int si, int j,
                                  int sj, double initialVariance) {
        double[] x = theta.clone();
        x[i] += si * step[i];
        x[j] += sj * step[j];
        return negativeLogLikelihood(r, from, to, x[0], x[1], x[2], initialVariance);
    }
}
