/**
 * Calibration of a parametric model to option quotes.
 *
 * <p>A {@link margo.core.calibration.CalibrationProblem} is data: the model (behind the
 * {@link margo.core.calibration.CalibrationModel} seam), the quotes and their weights, the target (implied
 * volatility or price), parameter bounds and starts, constraints, an expiry subset, the solver settings
 * ({@link margo.core.calibration.SolverMethod}), the number of starts, the seed and a time limit.
 * {@link margo.core.calibration.Calibrator} applies a solver from Apache Commons Math to it and returns a
 * {@link margo.core.calibration.CalibrationResult} that says where it stopped, why, and how well determined the
 * parameters are.
 *
 * <p>Objective. For active quote {@code i} with weight {@code w_i}, model value {@code m_i(theta)} and market value
 * {@code y_i} (both in target units: a decimal volatility or a price), the weighted residual is
 * {@code w_i (m_i - y_i)}: the weight multiplies the residual, so a weight of {@code 1 / spread} measures misfit in
 * spreads (in weighted-least-squares terms, the statistical weight is {@code w_i^2}). Each soft constraint
 * {@code g(theta) >= 0} with penalty {@code c} adds the residual {@code sqrt(c) max(0, -g)}; a hard constraint is a
 * soft one with the penalty {@link margo.core.calibration.Constraint#HARD_PENALTY}. The objective is the sum of the
 * squared residuals.
 *
 * <p>Determinism: the engine draws its starts from the seed, never reads the clock except for the time limit and
 * progress throttling, and combines the starts in start order however many threads ran them, so the same problem
 * gives bit-identical parameters and diagnostics unless the time limit or cancellation interrupts it.
 */
package margo.core.calibration;
