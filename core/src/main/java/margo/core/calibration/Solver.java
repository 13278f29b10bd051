package margo.core.calibration;

/**
 * A strategy that minimises an {@link Objective} from one start: a local search, or a global one for CMA-ES. The
 * objective remembers the best point seen; the solver reports why it stopped.
 */
interface Solver {

    /** Why a local search stopped and how many iterations it made. */
    record Outcome(StopReason reason, int iterations) {
    }

    /**
     * Minimises from {@code start} (the free parameters, within their bounds).
     *
     * @param startIndex which start this is, 0-based (seeds randomised solvers)
     * @param seed the problem's seed
     * @throws Objective.Stop when the time limit runs out or the caller cancels
     */
    Outcome solve(Objective objective, double[] start, int startIndex, long seed);
}
