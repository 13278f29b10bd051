package margo.core.models;

import java.util.Arrays;
import java.util.List;

/**
 * A model that Margo does not ship, known only through its characteristic function, which code outside core
 * supplies (a recipe's script): {@code phi(u) = E[exp(i u X)]} of {@code X = ln(F_T / F_0)} at real u, under the
 * conventions of {@link CharacteristicFunctionModel} (zero rates, {@code E[exp(X)] = 1}, which the definition must
 * ensure). COS prices it like the built-in models; its cumulants, which set the truncation range, are estimated
 * from the characteristic function ({@link Cumulants#fromCharacteristicFunction}).
 *
 * <p>It has no closed-form gradient: calibrations difference its prices ({@code CosSlicePricer} without the analytic
 * gradient), and {@link #characteristicFunctionAndGradient} refuses.
 *
 * <p>Immutable, as every model: {@link #withParameters} makes a new one, asking the definition once for the
 * characteristic function of the new parameters (so that it can prepare what every frequency shares).
 */
public final class UserDefinedModel implements CharacteristicFunctionModel {

    /** The characteristic function of one member of the family, at frequency u over {@code timeYears}. */
    @FunctionalInterface
    public interface CharacteristicFunction {
        Complex at(double u, double timeYears);
    }

    /** The family: the characteristic function for given parameter values, in the model's parameter order. */
    @FunctionalInterface
    public interface Definition {
        CharacteristicFunction at(double[] parameters);
    }

    private final String modelName;
    private final String[] names;
    private final double[] values;
    private final Definition definition;
    private final CharacteristicFunction function;

    /**
     * @param modelName  how tables and titles name it
     * @param names      the parameter names, at least one, distinct
     * @param values     their values, finite (the recipe's bounds are the parameters' domain)
     * @param definition the characteristic functions of the family
     */
    public UserDefinedModel(String modelName, List<String> names, double[] values, Definition definition) {
        if (modelName == null || modelName.isBlank() || names == null || names.isEmpty() || definition == null) {
            throw new IllegalArgumentException("a user-defined model needs a name, parameters and a definition");
        }
        this.names = names.toArray(String[]::new);
        if (List.of(this.names).stream().distinct().count() != this.names.length) {
            throw new IllegalArgumentException("the parameter names of " + modelName + " repeat: " + names);
        }
        this.modelName = modelName;
        this.values = ModelArguments.requireLength(modelName, this.names, values).clone();
        for (int i = 0; i < this.values.length; i++) {
            ModelArguments.requireFinite(this.names[i], this.values[i]);
        }
        this.definition = definition;
        this.function = definition.at(this.values.clone());
    }

    /** The family this model is a member of. */
    public Definition definition() {
        return definition;
    }

    @Override
    public String modelName() {
        return modelName;
    }

    @Override
    public String[] parameterNames() {
        return names.clone();
    }

    @Override
    public double[] parameters() {
        return values.clone();
    }

    @Override
    public UserDefinedModel withParameters(double[] newValues) {
        return new UserDefinedModel(modelName, List.of(names), newValues, definition);
    }

    @Override
    public Complex characteristicFunction(double u, double timeYears) {
        return function.at(u, timeYears);
    }

    /** @throws UnsupportedOperationException always: a user-defined model is differentiated numerically */
    @Override
    public Complex characteristicFunctionAndGradient(double u, double timeYears, double[] gradientRe,
            double[] gradientIm) {
        throw new UnsupportedOperationException(modelName + " has no analytic gradient; its prices are differenced");
    }

    @Override
    public Cumulants cumulants(double timeYears) {
        return Cumulants.fromCharacteristicFunction(this, timeYears);
    }

    @Override
    public String toString() {
        return modelName + Arrays.toString(values);
    }
}
