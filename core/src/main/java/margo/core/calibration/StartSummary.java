package margo.core.calibration;

import java.io.Serializable;

/**
 * How one start of a calibration ended.
 *
 * @param start the start's index, 0 for the declared start
 * @param objective the lowest objective the start saw; infinite when it saw nothing finite
 * @param stopReason why its solver stopped
 * @param iterations its solver iterations (see {@link CalibrationResult#iterations()})
 * @param evaluations its model evaluations, finite-difference ones included
 * @param failure what failed when the start failed, else null
 */
public record StartSummary(int start, double objective, StopReason stopReason, int iterations, int evaluations,
        String failure) implements Serializable {
}
