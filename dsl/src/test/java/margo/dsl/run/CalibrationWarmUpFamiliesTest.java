package margo.dsl.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import margo.core.calibration.CalibrationResult;
import margo.core.calibration.CalibrationWarmUp;
import margo.dsl.registry.ModelFamily;
import margo.dsl.registry.Registry;
import org.junit.jupiter.api.Test;

/**
 * The warm-up a run starts for the first model it declares (Runner) drops whatever it throws, so that it can never
 * fail a run: this is where a family it cannot calibrate would show.
 */
class CalibrationWarmUpFamiliesTest {

    @Test
    void everyBuiltInModelFamilyWarmsUpFromItsDefaults() {
        for (ModelFamily family : Registry.standard().modelFamilies()) {
            CalibrationResult result = CalibrationWarmUp.calibrate(family.atDefaults(),
                    family.parameters().stream().map(ModelFamily.Parameter::defaults).toList());
            assertTrue(result.evaluations() > 1 && Double.isFinite(result.rmse()),
                    family.name() + ": " + result.evaluations() + " evaluations, rmse " + result.rmse()
                            + ", " + result.stopReason() + " " + result.warnings());
        }
    }
}
