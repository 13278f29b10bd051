package margo.core.calibration;

import static margo.core.calibration.TestModels.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Calibrating to data generated from known parameters gives them back. */
class RecoveryTest {

    private static final double[] SVI_TRUTH = {0.02, 0.12, -0.35, 0.03, 0.15};

    @Test
    void levenbergMarquardtRecoversTermStructureFromImpliedVolatilitiesWithAnalyticGradient() {
        CalibrationResult result = Calibrator.DEFAULT.calibrate(
                TestModels.termStructureProblem(true, Target.IMPLIED_VOLATILITY));
        assertEquals(StopReason.CONVERGED, result.stopReason());
        assertRelative(TestModels.TERM_TRUTH, result.parameters(), 1e-6);
        assertTrue(result.rmse() < 1e-8, "rmse " + result.rmse() + " vol points");
    }

    @Test
    void levenbergMarquardtRecoversTermStructureFromPricesWithNumericalJacobian() {
        assertRecoversTermStructure(TestModels.termStructureProblem(false, Target.PRICE));
    }

    @Test
    void bobyqaRecoversTermStructure() {
        assertRecoversTermStructure(TestModels.termStructureProblem(false, Target.IMPLIED_VOLATILITY)
                .withMethod(SolverMethod.Bobyqa.defaults()));
    }

    @Test
    void cmaEsRecoversTermStructure() {
        assertRecoversTermStructure(TestModels.termStructureProblem(false, Target.IMPLIED_VOLATILITY)
                .withMethod(SolverMethod.CmaEs.defaults()).withStarts(1, 42));
    }

    private static void assertRecoversTermStructure(CalibrationProblem problem) {
        CalibrationResult result = Calibrator.DEFAULT.calibrate(problem);
        assertEquals(StopReason.CONVERGED, result.stopReason(), result.warnings().toString());
        assertRelative(TestModels.TERM_TRUTH, result.parameters(), 1e-6);
    }

    @Test
    void levenbergMarquardtRecoversRawSviSmileThroughBlackPrices() {
        CalibrationQuotes quotes = TestModels.chain(new double[] {0.25}, 25,
                (t, k) -> TestModels.Svi.volatility(SVI_TRUTH, 100.0, k, t));
        CalibrationProblem problem = CalibrationProblem.of(new SlicePricedModel(new TestModels.Svi()), List.of(
                ParameterSpec.free("a", -0.1, 0.2, 0.01),
                ParameterSpec.free("b", 0.001, 1.0, 0.2),
                ParameterSpec.free("rho", -0.999, 0.999, 0.0),
                ParameterSpec.free("m", -0.5, 0.5, 0.0),
                ParameterSpec.free("s", 0.01, 1.0, 0.3)), quotes, Target.IMPLIED_VOLATILITY);
        CalibrationResult result = Calibrator.DEFAULT.calibrate(problem);
        assertEquals(StopReason.CONVERGED, result.stopReason());
        assertRelative(SVI_TRUTH, result.parameters(), 1e-6);
    }

    @Test
    void levenbergMarquardtFindsTheRosenbrockMinimumFromTheClassicStart() {
        // Rosenbrock's function as residuals 10 (y - x^2) and 1 - x: two "quotes" with market value 0.
        TestModels.ScalarFunction f = (p, which) -> which == 1.0 ? 10.0 * (p[1] - p[0] * p[0]) : 1.0 - p[0];
        CalibrationQuotes quotes = TestModels.quotes(new int[2], new double[] {1, 1}, new double[] {1.0, 2.0},
                new double[] {1, 1}, new double[2]);
        CalibrationProblem problem = CalibrationProblem.of(new TestModels.Curve(List.of("x", "y"), f, 0),
                List.of(ParameterSpec.free("x", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, -1.2),
                        ParameterSpec.free("y", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 1.0)),
                quotes, Target.PRICE);
        CalibrationResult result = Calibrator.DEFAULT.calibrate(problem);
        assertRelative(new double[] {1.0, 1.0}, result.parameters(), 1e-9);
    }

    @Test
    void levenbergMarquardtFitsExponentialDecayWithOneSidedBounds() {
        TestModels.ScalarFunction f = (p, x) -> p[0] * Math.exp(-p[1] * x);
        double[] truth = {3.0, 0.7};
        double[] xs = new double[20];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = 0.1 + 0.25 * i;
        }
        CalibrationProblem problem = CalibrationProblem.of(new TestModels.Curve(List.of("amplitude", "rate"), f, 0),
                List.of(ParameterSpec.free("amplitude", 0.0, Double.POSITIVE_INFINITY, 1.0),
                        ParameterSpec.free("rate", Double.NEGATIVE_INFINITY, 5.0, 0.1)),
                TestModels.curveQuotes(xs, f, truth), Target.PRICE);
        CalibrationResult result = Calibrator.DEFAULT.calibrate(problem);
        assertEquals(StopReason.CONVERGED, result.stopReason());
        assertRelative(truth, result.parameters(), 1e-8);
    }
}
