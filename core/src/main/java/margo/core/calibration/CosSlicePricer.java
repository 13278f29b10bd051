package margo.core.calibration;

import java.util.List;
import margo.core.models.CharacteristicFunctionModel;
import margo.core.models.CosPricer;
import margo.core.models.HestonParameters;
import margo.core.pricing.OptionType;

/**
 * A {@link SlicePricer} for any characteristic-function model (Heston, Bates, Merton, variance gamma) priced by the
 * COS method, with the analytic price gradient of {@link CosPricer#priceAndGradientSlice}, so Levenberg-Marquardt
 * needs no finite differences. Wrap in {@link SlicePricedModel} to calibrate.
 */
public final class CosSlicePricer implements SlicePricer {

    private final CharacteristicFunctionModel family;
    private final CosPricer cos;
    private final List<String> names;
    private final boolean analyticGradient;

    /**
     * @param family any model of the family to calibrate; only its kind and parameter names are used
     * @param cos the COS pricer settings
     * @param analyticGradient whether to use the analytic gradient (true) or let the engine differentiate prices
     *        numerically (false), the peer that benchmarks and tests compare the analytic gradient with
     */
    public CosSlicePricer(CharacteristicFunctionModel family, CosPricer cos, boolean analyticGradient) {
        if (family == null || cos == null) {
            throw new IllegalArgumentException("family and cos must not be null");
        }
        this.family = family;
        this.cos = cos;
        this.names = List.of(family.parameterNames());
        this.analyticGradient = analyticGradient;
    }

    /** Heston priced with {@link CosPricer#DEFAULT}, with its analytic gradient. */
    public static CosSlicePricer heston() {
        return new CosSlicePricer(new HestonParameters(0.04, 1.0, 0.04, 0.5, -0.5), CosPricer.DEFAULT, true);
    }

    @Override
    public List<String> parameterNames() {
        return names;
    }

    @Override
    public boolean hasGradient() {
        return analyticGradient;
    }

    @Override
    public void prices(double[] parameters, double forward, double timeYears, double[] strikes, OptionType[] types,
            double[] pricesOut, double[] gradientOut) {
        CharacteristicFunctionModel model = family.withParameters(parameters);
        if (gradientOut != null && analyticGradient) {
            cos.priceAndGradientSlice(model, forward, timeYears, strikes, types, pricesOut, gradientOut);
        } else {
            cos.priceSlice(model, forward, timeYears, strikes, types, pricesOut);
        }
    }
}
