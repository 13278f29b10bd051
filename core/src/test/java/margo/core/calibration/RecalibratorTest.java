package margo.core.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A real-time recalibration gives each update's parameters without the Jacobian at the result, and the same full
 * result as a calibration of the warm-started problem when asked for its diagnostics.
 */
class RecalibratorTest {

    private static final double[] TIMES = {0.02, 0.1, 0.5};
    private static final double[] FIRST = {0.09, 2.0, 0.16, 0.8, -0.4};
    private static final double[] MOVED = {0.095, 2.0, 0.16, 0.82, -0.41};

    private static CalibrationProblem problem(double[] truth) {
        return CalibrationProblem.of(new SlicePricedModel(CosSlicePricer.heston()), TestModels.hestonParameters(),
                TestModels.hestonChain(truth, TIMES, 9), Target.IMPLIED_VOLATILITY);
    }

    @Test
    void anUpdateLeavesTheStandardErrorsForItsDiagnosesAndTheyMatchAFullCalibrationOfTheWarmProblem() {
        Recalibrator recalibrator = new Recalibrator(null);
        Recalibrator.Update first = recalibrator.update(() -> problem(FIRST), ProgressListener.NONE,
                new Cancellation());
        Recalibrator.Update second = recalibrator.update(() -> problem(MOVED), ProgressListener.NONE,
                new Cancellation());

        CalibrationResult quick = second.result();
        for (double error : quick.standardErrors()) {
            assertTrue(Double.isNaN(error), "no standard error before the diagnoses: " + error);
        }
        assertTrue(Double.isNaN(quick.conditionNumber()));
        assertFalse(quick.failed(), quick.failures().toString());

        CalibrationResult full = Calibrator.DEFAULT.calibrate(problem(MOVED).withStart(first.result().parameters()));
        TestModels.assertBitIdentical(full, second.diagnosed());
        TestModels.assertBits(full.parameters(), quick.parameters());
        TestModels.assertBits(full.residuals().model(), quick.residuals().model());
        assertEquals(full.rmse(), quick.rmse());
        assertEquals(full.iterations(), quick.iterations());
        for (double error : full.standardErrors()) {
            assertTrue(error > 0.0 && Double.isFinite(error), "a standard error once diagnosed: " + error);
        }
        TestModels.assertRelative(MOVED, quick.parameters(), 1e-5);
    }
}
