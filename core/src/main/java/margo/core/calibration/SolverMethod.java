package margo.core.calibration;

import java.io.Serializable;

/**
 * Which solver to apply and its settings: the recipe's {@code method NAME { ... }}. Each is a strategy from Apache
 * Commons Math 3.6.1; evaluation budgets are per start.
 */
public sealed interface SolverMethod extends Serializable {

    /**
     * Levenberg-Marquardt on the weighted residuals ({@code LevenbergMarquardtOptimizer}), the default and the
     * fastest for smooth models. Commons Math's implementation has no bounds, so each bounded parameter is a smooth
     * function of an unbounded one (MINUIT's transforms, F. James, MINUIT Reference Manual, section 1.2.1):
     * {@code lo + (hi - lo)(1 + sin z)/2} for two bounds, {@code lo - 1 + sqrt(z^2 + 1)} for a lower bound only.
     * A penalty that dominates the fit (a Feller penalty of 100 against residuals of a few vol points, say) makes a
     * narrow curved valley along the constraint that it follows slowly, often to the iteration limit; the result
     * then says MAX_ITERATIONS and sits close to, but not at, the penalised optimum.
     *
     * @param maxIterations the most outer iterations, &gt; 0
     * @param maxEvaluations the most residual evaluations, &gt; 0
     * @param relativeTolerance the relative tolerance on the cost and the parameters (Commons Math's cost and
     *        parameter relative tolerances; also the orthogonality tolerance), &gt; 0
     */
    record LevenbergMarquardt(int maxIterations, int maxEvaluations, double relativeTolerance)
            implements SolverMethod {
        /** @throws IllegalArgumentException naming the setting that is not positive */
        public LevenbergMarquardt {
            requirePositive("max_iterations", maxIterations);
            requirePositive("max_evaluations", maxEvaluations);
            requirePositive("tolerance", relativeTolerance);
        }

        /** 500 iterations, 5000 evaluations, relative tolerance 1e-12. */
        public static LevenbergMarquardt defaults() {
            return new LevenbergMarquardt(500, 5000, 1e-12);
        }

        /** The relative tolerance of {@link #replayDefaults()}. */
        public static final double REPLAY_TOLERANCE = 1e-6;

        /**
         * A replay's defaults: {@link #defaults()} but relative tolerance {@value #REPLAY_TOLERANCE}. A replay tracks
         * a moving market under a latency budget, and on the 255-update walk of the 400-quote BTC chain
         * ({@code bench/src/main/java/margo/bench/ReplayToleranceEvidence.java}) each update's parameters at this
         * tolerance were within 0.92% of a standard error of those at 1e-12 (0.42% at the median), the RMSE within
         * 1.4e-7 vol points, in 2.3 iterations per update against 8.6.
         */
        public static LevenbergMarquardt replayDefaults() {
            LevenbergMarquardt fit = defaults();
            return new LevenbergMarquardt(fit.maxIterations(), fit.maxEvaluations(), REPLAY_TOLERANCE);
        }
    }

    /**
     * Powell's BOBYQA ({@code BOBYQAOptimizer}): derivative-free, quadratic models in a trust region, native bounds.
     * It works in scaled coordinates (each bounded parameter mapped to [0, 1]) so one trust-region radius suits all.
     * Needs at least two free parameters.
     *
     * @param maxEvaluations the most objective evaluations, &gt; 0
     * @param initialTrustRegionRadius the initial radius in scaled coordinates, in (0, 0.5]
     * @param stoppingTrustRegionRadius the final radius, in (0, initial]
     */
    record Bobyqa(int maxEvaluations, double initialTrustRegionRadius, double stoppingTrustRegionRadius)
            implements SolverMethod {
        /** @throws IllegalArgumentException naming the setting out of range */
        public Bobyqa {
            requirePositive("max_evaluations", maxEvaluations);
            if (!(initialTrustRegionRadius > 0.0 && initialTrustRegionRadius <= 0.5)) {
                throw new IllegalArgumentException("initial_radius " + initialTrustRegionRadius
                        + " must be in (0, 0.5]");
            }
            if (!(stoppingTrustRegionRadius > 0.0 && stoppingTrustRegionRadius <= initialTrustRegionRadius)) {
                throw new IllegalArgumentException("stopping_radius " + stoppingTrustRegionRadius
                        + " must be in (0, initial_radius]");
            }
        }

        /** 5000 evaluations, radius from 0.1 down to 1e-10. */
        public static Bobyqa defaults() {
            return new Bobyqa(5000, 0.1, 1e-10);
        }
    }

    /**
     * CMA-ES ({@code CMAESOptimizer}), a global evolution strategy, seeded from the problem's seed and start index
     * (Mersenne Twister) so runs repeat. Works in the same scaled coordinates as BOBYQA; needs finite bounds on
     * every free parameter.
     *
     * @param maxIterations the most generations, &gt; 0
     * @param maxEvaluations the most objective evaluations, &gt; 0
     * @param populationSize offspring per generation; 0 for the default {@code 4 + 3 ln(n)}
     * @param sigma the initial step size in scaled coordinates, in (0, 1]
     */
    record CmaEs(int maxIterations, int maxEvaluations, int populationSize, double sigma) implements SolverMethod {
        /** @throws IllegalArgumentException naming the setting out of range */
        public CmaEs {
            requirePositive("max_iterations", maxIterations);
            requirePositive("max_evaluations", maxEvaluations);
            if (populationSize < 0) {
                throw new IllegalArgumentException("population " + populationSize + " must be >= 0");
            }
            if (!(sigma > 0.0 && sigma <= 1.0)) {
                throw new IllegalArgumentException("sigma " + sigma + " must be in (0, 1]");
            }
        }

        /** 1000 generations, 20000 evaluations, default population, sigma 0.3. */
        public static CmaEs defaults() {
            return new CmaEs(1000, 20000, 0, 0.3);
        }
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0.0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " " + value + " must be positive");
        }
    }
}
