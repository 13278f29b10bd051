package margo.core.calibration;

import java.io.Serializable;
import java.util.List;
import margo.core.pricing.OptionType;

/**
 * Prices the options of one expiry (a smile slice) under a parametric model, optionally with the gradient of each
 * price by the parameters: what a characteristic-function model priced by COS, or a smile model through Black-76,
 * provides. {@link SlicePricedModel} turns it into a {@link CalibrationModel}.
 *
 * <p>The evaluators of a calibration whose starts run in parallel share their pricer, so {@link #prices} must be
 * thread-safe: stateless, or with scratch per thread as {@link margo.core.models.CosPricer} keeps it.
 */
public interface SlicePricer extends Serializable {

    /** The parameter names, in the order of the parameter vectors this pricer receives. */
    List<String> parameterNames();

    /** True when {@link #prices} fills the gradient; otherwise the engine differentiates numerically. */
    boolean hasGradient();

    /**
     * Undiscounted prices, in the currency of the forward, of the options {@code (strikes[i], types[i])} on the
     * forward {@code forward} expiring in {@code timeYears} years, into {@code pricesOut}. When {@code gradientOut}
     * is not null (only if {@link #hasGradient()}), also {@code d price_i / d parameter_j} into
     * {@code gradientOut[i * p + j]} for {@code p} parameters. Must not keep references to the arrays.
     */
    void prices(double[] parameters, double forward, double timeYears, double[] strikes, OptionType[] types,
            double[] pricesOut, double[] gradientOut);
}
