package margo.core.calibration;

/** Why a calibration stopped. With several starts, the reason of the start that produced the result. */
public enum StopReason {
    /** The solver's convergence test passed. */
    CONVERGED,
    /** The iteration limit was reached; the result is the best point seen. */
    MAX_ITERATIONS,
    /** The evaluation limit was reached; the result is the best point seen. */
    MAX_EVALUATIONS,
    /** The problem's time limit ran out; the result is the best point seen over all starts so far. */
    TIME_LIMIT,
    /** The caller cancelled; the result is the best point seen over all starts so far. */
    CANCELLED,
    /** The solver failed (for example non-finite model values); the result is the best point seen, if any. */
    FAILED
}
