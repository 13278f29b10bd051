package margo.core.models;

import java.io.Serializable;

/**
 * A model of the forward price known through the characteristic function of its log return, priced by
 * {@link CosPricer}. Every model is an immutable record of its parameters with validated construction; a
 * calibration engine drives them generically through {@link #parameterNames()}, {@link #parameters()} and
 * {@link #withParameters(double[])}, and differentiates prices by {@link #characteristicFunctionAndGradient}.
 *
 * <p>Conventions shared by all models: zero rates, as on crypto venues, so prices are undiscounted and measured in
 * the forward measure; {@code X = ln(F_T / F_0)} is the log return of the forward (futures) price from today to
 * expiry, martingale-corrected so that {@code E[exp(X)] = 1}; times are in years (ACT/365 in Margo); volatilities
 * and variances are annualised decimals (variance 0.04 is a 20% volatility).
 */
public sealed interface CharacteristicFunctionModel extends Serializable
        permits HestonParameters, BatesParameters, MertonParameters, VarianceGammaParameters, UserDefinedModel {

    /** The model's name in Margo's recipes and tables: {@code heston}, {@code bates}, {@code merton}, {@code vg}. */
    String modelName();

    /** The most parameters a model has (Bates' eight): the width of gradient buffers shared by every model. */
    int MAX_PARAMETERS = 8;

    /** The names of the parameters, in the order of {@link #parameters()}; a fresh array. */
    String[] parameterNames();

    /** The parameter values in the order of {@link #parameterNames()}; a fresh array. */
    double[] parameters();

    /**
     * The same model with new parameter values in the order of {@link #parameterNames()}.
     *
     * @throws IllegalArgumentException naming the parameter when a value is out of its domain, or when the array
     *     has the wrong length
     */
    CharacteristicFunctionModel withParameters(double[] values);

    /**
     * The characteristic function {@code phi(u) = E[exp(i u X)]} of the log-forward return X over
     * {@code timeYears}, at the real frequency u (per unit of log return).
     */
    Complex characteristicFunction(double u, double timeYears);

    /**
     * The characteristic function and its gradient {@code d phi(u) / d p} with respect to the parameters, in the
     * order of {@link #parameterNames()}, in closed form: the COS series of this gradient is the price gradient a
     * Levenberg-Marquardt step needs (see {@link CosPricer#priceAndGradientSlice}).
     *
     * @param gradientRe receives {@code Re d phi / d p} for each parameter in order; length at least the number of
     *     parameters
     * @param gradientIm receives {@code Im d phi / d p}
     * @return phi(u), the same function as {@link #characteristicFunction} (to rounding)
     */
    Complex characteristicFunctionAndGradient(double u, double timeYears, double[] gradientRe, double[] gradientIm);

    /** The cumulants c1, c2, c4 of X over {@code timeYears} &gt; 0, which set the COS truncation range. */
    Cumulants cumulants(double timeYears);

    /**
     * The half-width of the COS truncation range {@code [c1 - w, c1 + w]} of X, in units of X. By default the
     * cumulant rule {@link Cumulants#halfWidth}; models with rare large jumps widen it, because their tail mass sits
     * at the jump size while c2 and c4 shrink with the jump probability.
     *
     * @param cumulants {@link #cumulants} at the same expiry
     * @param truncationMultiple L
     */
    default double truncationHalfWidth(double timeYears, Cumulants cumulants, double truncationMultiple) {
        return cumulants.halfWidth(truncationMultiple);
    }
}
