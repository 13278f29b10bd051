package margo.dsl.value;

import java.time.Instant;
import java.util.List;
import margo.core.calibration.CalibrationResult;

/**
 * A model calibrated to each snapshot of a series: {@code fit N = calibrate MODEL to SERIES { ... }} after it ran.
 *
 * @param model   the model that was calibrated
 * @param times   each snapshot's time, in time order
 * @param results each snapshot's calibration, in the same order
 * @param display the row per snapshot that {@code show} displays: time, parameters, standard errors, RMSE,
 *                iterations, milliseconds and stop reason
 */
public record SeriesFitValue(ModelValue model, List<Instant> times, List<CalibrationResult> results,
                             TableValue display) implements TabulatedValue {

    public SeriesFitValue {
        times = List.copyOf(times);
        results = List.copyOf(results);
        if (times.size() != results.size()) {
            throw new IllegalArgumentException(times.size() + " times for " + results.size() + " results");
        }
    }

    @Override
    public String kind() {
        return "fit_series";
    }
}
