package margo.dsl.value;

import margo.core.calibration.CalibrationResult;
import margo.core.models.CharacteristicFunctionModel;

/**
 * A calibrated model: {@code fit N = calibrate MODEL to DATA { ... }} after it ran.
 *
 * @param model      the model that was calibrated
 * @param calibrated the model at the calibrated parameters
 * @param result     the calibration's parameters and diagnostics
 * @param data       the chain it was calibrated to (all its rows, excluded ones too)
 * @param report     how {@code show} displays it
 */
public record FitValue(ModelValue model, CharacteristicFunctionModel calibrated, CalibrationResult result,
                       TableValue data, ReportValue report) implements Value {

    @Override
    public String kind() {
        return "fit";
    }
}
