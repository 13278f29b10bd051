package margo.core.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Heston (COS-priced, analytic gradient) through the engine. */
class HestonCalibrationTest {

    private static final double[] TRUTH = {0.36, 2.0, 0.4, 1.1, -0.35};
    private static final double[] TIMES = {0.05, 0.25, 1.0};

    @Test
    void levenbergMarquardtRecoversHestonFromCleanImpliedVolatilities() {
        CalibrationProblem problem = CalibrationProblem.of(new SlicePricedModel(CosSlicePricer.heston()),
                TestModels.hestonParameters(), TestModels.hestonChain(TRUTH, TIMES, 9),
                Target.IMPLIED_VOLATILITY);
        CalibrationResult result = Calibrator.DEFAULT.calibrate(problem);
        assertEquals(StopReason.CONVERGED, result.stopReason(), result.warnings().toString());
        TestModels.assertRelative(TRUTH, result.parameters(), 1e-6);
        assertTrue(result.rmse() < 1e-6, "rmse " + result.rmse() + " vol points");
    }

    @Test
    void hestonCalibrationWithSeveralStartsIsBitIdenticalRunToRun() {
        CalibrationProblem problem = CalibrationProblem.of(new SlicePricedModel(CosSlicePricer.heston()),
                TestModels.hestonParameters(), TestModels.hestonChain(TRUTH, new double[] {0.25, 1.0}, 7),
                Target.IMPLIED_VOLATILITY)
                .withStarts(3, 42);
        CalibrationResult first = Calibrator.DEFAULT.calibrate(problem);
        CalibrationResult second = Calibrator.DEFAULT.calibrate(problem);
        for (int j = 0; j < 5; j++) {
            assertEquals(Double.doubleToRawLongBits(first.parameters()[j]),
                    Double.doubleToRawLongBits(second.parameters()[j]));
            assertEquals(Double.doubleToRawLongBits(first.standardErrors()[j]),
                    Double.doubleToRawLongBits(second.standardErrors()[j]));
        }
        assertEquals(first.evaluations(), second.evaluations());
    }

    @Test
    void analyticAndNumericalHestonJacobiansAgree() {
        CalibrationQuotes quotes = TestModels.hestonChain(TRUTH, TIMES, 9);
        QuoteEvaluator analytic = new SlicePricedModel(CosSlicePricer.heston())
                .evaluatorFor(quotes, Target.IMPLIED_VOLATILITY);
        double[] at = {0.3, 1.5, 0.35, 0.9, -0.2};
        int n = quotes.size();
        double[] jacobian = new double[n * 5];
        analytic.jacobian(at, jacobian);
        double[] up = new double[n];
        double[] down = new double[n];
        for (int j = 0; j < 5; j++) {
            double h = 1e-5 * Math.max(1.0, Math.abs(at[j]));
            double[] p = at.clone();
            p[j] = at[j] + h;
            analytic.values(p, up);
            p[j] = at[j] - h;
            analytic.values(p, down);
            for (int i = 0; i < n; i++) {
                double numerical = (up[i] - down[i]) / (2 * h);
                assertEquals(numerical, jacobian[i * 5 + j], 1e-6 + 1e-5 * Math.abs(numerical),
                        "quote " + i + ", parameter " + j);
            }
        }
    }

    @Test
    void fellerPenaltyPushesTowardTwoKappaThetaAboveXiSquared() {
        // Truth violates Feller: 2 kappa theta = 0.8 < xi^2 = 1.21.
        double[] truth = {0.36, 1.0, 0.4, 1.1, -0.35};
        Constraint.ConstraintFunction feller = p -> 2.0 * p[1] * p[2] - p[3] * p[3];
        // A penalty that dominates the fit makes a narrow curved valley along 2 kappa theta = xi^2, which
        // Levenberg-Marquardt follows slowly (hundreds of iterations to full convergence); 25 iterations show the pull.
        CalibrationProblem free = CalibrationProblem.of(new SlicePricedModel(CosSlicePricer.heston()),
                TestModels.hestonParameters(), TestModels.hestonChain(truth, new double[] {0.25, 1.0}, 7),
                Target.IMPLIED_VOLATILITY)
                .withMethod(new SolverMethod.LevenbergMarquardt(25, 5000, 1e-12));
        CalibrationResult unconstrained = Calibrator.DEFAULT.calibrate(free);
        CalibrationResult penalised = Calibrator.DEFAULT.calibrate(free.withConstraints(
                List.of(Constraint.soft("2*kappa*theta >= xi^2", feller, 100.0))));
        double before = feller.value(unconstrained.parameters());
        double after = feller.value(penalised.parameters());
        assertTrue(before < -0.3, "without the penalty the fit finds the truth's violation: " + before);
        assertTrue(after > before / 1000.0, "the penalty pulls toward Feller: " + after + " vs " + before);
        assertTrue(penalised.rmse() > unconstrained.rmse(), "at the cost of the fit");
        assertEquals(after, penalised.constraints().get(0).value(), 1e-15);
    }
}
