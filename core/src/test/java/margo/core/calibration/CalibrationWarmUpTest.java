package margo.core.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import margo.core.models.HestonParameters;
import org.junit.jupiter.api.Test;

/** The warm-up calibration a run starts beside its own: real work on made-up quotes, and no effect on results. */
class CalibrationWarmUpTest {

    private static final double[] TRUTH = {0.36, 2.0, 0.4, 1.1, -0.35};

    @Test
    void theWarmUpFitsItsOwnHestonChainCloserThanItsStart() {
        CalibrationResult warmUp = CalibrationWarmUp.calibrate(HestonParameters.of(TRUTH),
                TestModels.hestonParameters());
        assertTrue(warmUp.iterations() > 1, "it does some iterations of work: " + warmUp.iterations());
        assertTrue(warmUp.rmse() < 0.5, "toward the model that priced its quotes: rmse " + warmUp.rmse());
    }

    @Test
    void aCalibrationGivesTheSameBitsWithTheWarmUpRunningBesideIt() {
        CalibrationProblem problem = CalibrationProblem.of(new SlicePricedModel(CosSlicePricer.heston()),
                TestModels.hestonParameters(), TestModels.hestonChain(TRUTH, new double[] {0.25, 1.0}, 7),
                Target.IMPLIED_VOLATILITY);
        CalibrationResult alone = Calibrator.DEFAULT.calibrate(problem);
        CompletableFuture<CalibrationResult> beside = CompletableFuture.supplyAsync(
                () -> CalibrationWarmUp.calibrate(HestonParameters.of(TRUTH), TestModels.hestonParameters()));
        CalibrationResult withWarmUp = Calibrator.DEFAULT.calibrate(problem);
        TestModels.assertBitIdentical(alone, withWarmUp);
        assertEquals(StopReason.CONVERGED, alone.stopReason());
        beside.join();
    }
}
