package margo.core.calibration;

import java.io.Serializable;
import java.util.List;

/**
 * The seam between the calibration engine and a model: the engine never knows what the parameters mean. A model
 * names its parameters and, for a given set of quotes and target, gives a {@link QuoteEvaluator} that computes the
 * model's value of each quote.
 *
 * <p>{@link SlicePricedModel} adapts any pricer of one expiry's options to this interface and converts prices to
 * implied volatilities.
 */
public interface CalibrationModel extends Serializable {

    /** The parameter names, in the order of the parameter vectors the evaluator receives. */
    List<String> parameterNames();

    /**
     * An evaluator of these quotes in the units of {@code target}. The engine asks, on the calling thread, for one
     * evaluator of the active quotes (after the expiry subset and exclusions) per thread that will run starts; an
     * evaluator may keep buffers and need not be thread-safe, but evaluators of one model run at once, so they must
     * not share anything mutable.
     */
    QuoteEvaluator evaluatorFor(CalibrationQuotes quotes, Target target);
}
