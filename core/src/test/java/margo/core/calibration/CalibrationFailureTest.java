package margo.core.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A result that is not a solution of its problem says so, with the best point found still in it: a budget hit, a
 * hard constraint that cannot hold, an objective that overflows.
 */
class CalibrationFailureTest {

    @Test
    void aConvergedFitHasNoFailure() {
        CalibrationResult result = Calibrator.DEFAULT.calibrate(
                TestModels.termStructureProblem(true, Target.IMPLIED_VOLATILITY));
        assertEquals(StopReason.CONVERGED, result.stopReason());
        assertFalse(result.failed(), result.failures().toString());
    }

    @Test
    void aHardConstraintThatCannotHoldWithinTheBoundsFailsTheFit() {
        // a is at most 2; require a >= 5.
        CalibrationProblem problem = TestModels.termStructureProblem(true, Target.IMPLIED_VOLATILITY)
                .withConstraints(List.of(Constraint.hard("a >= 5", p -> p[0] - 5.0)));
        CalibrationResult result = Calibrator.DEFAULT.calibrate(problem);
        assertTrue(result.hasFailure(CalibrationFailure.Kind.HARD_CONSTRAINT_VIOLATED), result.failures().toString());
        assertEquals(2.0, result.parameter("a"), 1e-6, "the best point found: a at its upper bound");
        assertEquals(3.0, result.constraints().get(0).violation(), 1e-6);
    }

    @Test
    void aHardConstraintThatCanHoldEndsWithinTheToleranceAndDoesNotFail() {
        // The fit wants a + b = 0.70; require a + b <= 0.6, which the bounds allow.
        CalibrationProblem problem = TestModels.termStructureProblem(true, Target.IMPLIED_VOLATILITY)
                .withConstraints(List.of(Constraint.hard("a + b <= 0.6", p -> 0.6 - (p[0] + p[1]))));
        CalibrationResult result = Calibrator.DEFAULT.calibrate(problem);
        assertTrue(result.constraints().get(0).violation() <= Diagnostics.HARD_CONSTRAINT_TOLERANCE,
                "violated by " + result.constraints().get(0).violation());
        assertFalse(result.hasFailure(CalibrationFailure.Kind.HARD_CONSTRAINT_VIOLATED), result.failures().toString());
    }

    @Test
    void cmaEsStoppedByItsEvaluationBudgetSaysSoAndFails() {
        CalibrationProblem problem = TestModels.termStructureProblem(true, Target.IMPLIED_VOLATILITY)
                .withMethod(new SolverMethod.CmaEs(1000, 30, 0, 0.3));
        CalibrationResult result = Calibrator.DEFAULT.calibrate(problem);
        assertEquals(StopReason.MAX_EVALUATIONS, result.stopReason());
        assertTrue(result.hasFailure(CalibrationFailure.Kind.BUDGET), result.failures().toString());
        assertTrue(result.failures().get(0).message().contains("max_evaluations 30 per start"),
                result.failures().toString());
        assertEquals(30, result.evaluations());
    }

    @Test
    void cmaEsStoppedByItsGenerationLimitSaysSo() {
        CalibrationProblem problem = TestModels.termStructureProblem(true, Target.IMPLIED_VOLATILITY)
                .withMethod(new SolverMethod.CmaEs(3, 20000, 0, 0.3));
        CalibrationResult result = Calibrator.DEFAULT.calibrate(problem);
        assertEquals(StopReason.MAX_ITERATIONS, result.stopReason());
        assertTrue(result.failed());
    }

    @Test
    void levenbergMarquardtOutOfIterationsFailsWithTheBestPointFound() {
        CalibrationProblem problem = TestModels.termStructureProblem(true, Target.IMPLIED_VOLATILITY)
                .withMethod(new SolverMethod.LevenbergMarquardt(2, 5000, 1e-12));
        CalibrationResult result = Calibrator.DEFAULT.calibrate(problem);
        assertEquals(StopReason.MAX_ITERATIONS, result.stopReason());
        assertTrue(result.hasFailure(CalibrationFailure.Kind.BUDGET));
        assertTrue(result.failures().get(0).message().contains("max_iterations 2 per start"),
                result.failures().toString());
        assertFalse(Arrays.equals(new double[] {0.6, 0.0, 1.0}, result.parameters()), "moved from the start");
    }

    @Test
    void weightsWhoseSquaresOverflowGiveANonFiniteObjectiveAndFail() {
        CalibrationProblem converging = TestModels.termStructureProblem(true, Target.IMPLIED_VOLATILITY);
        CalibrationQuotes q = converging.quotes();
        double[] huge = new double[q.size()];
        Arrays.fill(huge, 1e300);
        CalibrationQuotes heavy = new CalibrationQuotes(q.expiryIndex(), q.types(), q.forwards(), q.strikes(),
                q.timesYears(), q.market(), huge);
        CalibrationProblem problem = new CalibrationProblem(converging.model(), converging.parameters(), heavy,
                converging.target(), List.of(), new int[0], converging.method(), 1, 0L, null);
        CalibrationResult result = Calibrator.DEFAULT.calibrate(problem);
        assertTrue(result.hasFailure(CalibrationFailure.Kind.NON_FINITE_OBJECTIVE), result.failures().toString());
        assertTrue(result.failures().toString().contains("1.0E300"), result.failures().toString());
        assertArrayEquals(new double[] {0.6, 0.0, 1.0}, result.parameters(), "nothing finite: the declared start");
    }

    @Test
    void eachStartThatRanIsSummarisedInStartOrder() {
        CalibrationResult result = Calibrator.DEFAULT.calibrate(TestModels.sineProblem(4, 42, 0));
        assertEquals(4, result.starts().size());
        int evaluations = 0;
        for (int s = 0; s < 4; s++) {
            StartSummary start = result.starts().get(s);
            assertEquals(s, start.start());
            evaluations += start.evaluations();
        }
        assertEquals(result.evaluations(), evaluations);
        assertEquals(result.objective(), result.starts().get(result.bestStart()).objective(),
                1e-12 * Math.max(1, result.objective()));
    }
}
