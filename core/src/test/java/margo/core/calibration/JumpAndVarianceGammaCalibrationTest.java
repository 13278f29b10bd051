package margo.core.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import margo.core.models.BatesParameters;
import margo.core.models.CharacteristicFunctionModel;
import margo.core.models.CosPricer;
import margo.core.models.MertonParameters;
import margo.core.models.VarianceGammaParameters;
import org.junit.jupiter.api.Test;

/**
 * Bates, Merton and variance gamma through the engine with their analytic gradients, as
 * {@code HestonCalibrationTest} takes Heston: the implied-volatility Jacobian agrees with central differences, and
 * Levenberg-Marquardt recovers the parameters of clean implied volatilities in fewer evaluations than with the
 * numerical Jacobian.
 */
class JumpAndVarianceGammaCalibrationTest {

    /** Expiries from one week, so that variance gamma's short expiries take the gamma-clock mixture. */
    private static final double[] TIMES = {7 / 365.0, 0.05, 0.25, 1.0};

    private static final BatesParameters BATES = new BatesParameters(0.36, 3.0, 0.4, 1.5, -0.3, 2.0, -0.08, 0.15);
    private static final MertonParameters MERTON = new MertonParameters(0.55, 3.0, -0.05, 0.12);
    private static final VarianceGammaParameters VARIANCE_GAMMA = new VarianceGammaParameters(0.6, 0.2, -0.2);

    private static List<ParameterSpec> batesParameters() {
        return List.of(
                ParameterSpec.free("v0", 0.01, 4.0, 0.25),
                ParameterSpec.free("kappa", 0.1, 20.0, 1.5),
                ParameterSpec.free("theta", 0.01, 4.0, 0.25),
                ParameterSpec.free("xi", 0.05, 5.0, 1.0),
                ParameterSpec.free("rho", -0.99, 0.99, 0.0),
                ParameterSpec.free("lambda", 0.0, 10.0, 1.0),
                ParameterSpec.free("muJ", -0.5, 0.5, -0.02),
                ParameterSpec.free("sigmaJ", 0.01, 0.5, 0.1));
    }

    private static List<ParameterSpec> mertonParameters() {
        return List.of(
                ParameterSpec.free("sigma", 0.05, 2.0, 0.4),
                ParameterSpec.free("lambda", 0.0, 10.0, 1.0),
                ParameterSpec.free("muJ", -0.5, 0.5, 0.0),
                ParameterSpec.free("sigmaJ", 0.01, 0.5, 0.2));
    }

    private static List<ParameterSpec> varianceGammaParameters() {
        return List.of(
                ParameterSpec.free("sigma", 0.05, 2.0, 0.4),
                ParameterSpec.free("nu", 0.01, 2.0, 0.5),
                ParameterSpec.free("theta", -1.0, 1.0, 0.0));
    }

    @Test
    void analyticAndNumericalJacobiansAgreeForEveryModel() {
        assertJacobiansAgree(BATES);
        assertJacobiansAgree(MERTON);
        assertJacobiansAgree(VARIANCE_GAMMA);
    }

    private static void assertJacobiansAgree(CharacteristicFunctionModel truth) {
        CalibrationQuotes quotes = TestModels.cosChain(truth, TIMES, 9);
        QuoteEvaluator analytic = new SlicePricedModel(new CosSlicePricer(truth, CosPricer.DEFAULT, true))
                .evaluatorFor(quotes, Target.IMPLIED_VOLATILITY);
        assertTrue(analytic.hasJacobian());
        double[] at = truth.parameters();
        for (int j = 0; j < at.length; j++) {
            at[j] *= 0.9;
        }
        int n = quotes.size();
        int p = at.length;
        double[] jacobian = new double[n * p];
        analytic.jacobian(at, jacobian);
        double[] up = new double[n];
        double[] down = new double[n];
        for (int j = 0; j < p; j++) {
            double h = 1e-5 * Math.max(1.0, Math.abs(at[j]));
            double[] shifted = at.clone();
            shifted[j] = at[j] + h;
            analytic.values(shifted, up);
            shifted[j] = at[j] - h;
            analytic.values(shifted, down);
            for (int i = 0; i < n; i++) {
                double numerical = (up[i] - down[i]) / (2 * h);
                assertEquals(numerical, jacobian[i * p + j], 1e-6 + 1e-5 * Math.abs(numerical),
                        truth.modelName() + " quote " + i + ", " + truth.parameterNames()[j]);
            }
        }
    }

    @Test
    void levenbergMarquardtRecoversBatesWithTheAnalyticGradient() {
        assertRecovers(BATES, batesParameters());
    }

    @Test
    void levenbergMarquardtRecoversMertonWithTheAnalyticGradient() {
        assertRecovers(MERTON, mertonParameters());
    }

    @Test
    void levenbergMarquardtRecoversVarianceGammaWithTheAnalyticGradient() {
        assertRecovers(VARIANCE_GAMMA, varianceGammaParameters());
    }

    private static void assertRecovers(CharacteristicFunctionModel truth, List<ParameterSpec> parameters) {
        CalibrationQuotes quotes = TestModels.cosChain(truth, TIMES, 9);
        CalibrationResult analytic = Calibrator.DEFAULT.calibrate(CalibrationProblem.of(
                new SlicePricedModel(new CosSlicePricer(truth, CosPricer.DEFAULT, true)), parameters, quotes,
                Target.IMPLIED_VOLATILITY));
        assertEquals(StopReason.CONVERGED, analytic.stopReason(), analytic.warnings().toString());
        TestModels.assertRelative(truth.parameters(), analytic.parameters(), 1e-5);
        assertTrue(analytic.rmse() < 1e-6, "rmse " + analytic.rmse() + " vol points");
        CalibrationResult numerical = Calibrator.DEFAULT.calibrate(CalibrationProblem.of(
                new SlicePricedModel(new CosSlicePricer(truth, CosPricer.DEFAULT, false)), parameters, quotes,
                Target.IMPLIED_VOLATILITY));
        assertTrue(analytic.evaluations() < numerical.evaluations(), truth.modelName() + ": "
                + analytic.evaluations() + " evaluations with the gradient, " + numerical.evaluations() + " without");
    }
}
