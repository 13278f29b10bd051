package margo.dsl.registry;

import java.util.List;
import java.util.Optional;
import margo.core.calibration.ParameterSpec;
import margo.core.models.CharacteristicFunctionModel;
import margo.dsl.output.Cells;

/**
 * A model family a recipe names after {@code model N = }: its parameters in core's order, each with its meaning,
 * unit, default bounds and default start, and a member of the family that core prices by COS.
 *
 * <p>A parameter the recipe does not mention keeps its default bounds and start: the defaults span what crypto
 * option markets show (BTC and ETH implied vols of 30% to 200%), so {@code model hs = heston} alone calibrates.
 *
 * @param name       the family's name in recipes: {@code heston}, {@code bates}, {@code merton}, {@code variance_gamma}
 * @param parameters in the order of {@link CharacteristicFunctionModel#parameterNames()}
 * @param prototype  a member of the family; only its kind and parameter names are used (see CosSlicePricer)
 * @param summary    what the model is, with its source
 * @param example    a recipe fragment that checks cleanly
 */
public record ModelFamily(String name, List<Parameter> parameters, CharacteristicFunctionModel prototype,
                          String summary, String example) {

    /**
     * One parameter of a family.
     *
     * @param name  the name as core and recipes know it, such as {@code kappa}
     * @param unit  its unit in words
     * @param lower the default lower bound
     * @param upper the default upper bound
     * @param start the default start, within the bounds and a valid value of the parameter
     * @param doc   what it means
     * @param domain the values core's model accepts; bounds, starts and fixed values outside it are errors
     */
    public record Parameter(String name, String unit, double lower, double upper, double start, String doc,
                            ParameterDomain domain) {

        public Parameter {
            if (!domain.allowsBound(lower) || !domain.allowsBound(upper) || !domain.contains(start)) {
                throw new IllegalArgumentException("parameter " + name + ": default bounds [" + lower + ", "
                        + upper + "] and start " + start + " must lie in its domain, " + domain.describe());
            }
        }

        /** A parameter that takes any finite value. */
        public Parameter(String name, String unit, double lower, double upper, double start, String doc) {
            this(name, unit, lower, upper, start, doc, ParameterDomain.FINITE);
        }

        /**
         * What is wrong with {@code value}, written {@code written}, as this parameter's {@code role} ("lower
         * bound", "start", ...): a bound must lie in the domain or at its edge, a start or value in the domain.
         * Null when nothing is.
         */
        public String outsideDomain(String role, boolean bound, String written, double value) {
            if (bound ? domain.allowsBound(value) : domain.contains(value)) {
                return null;
            }
            return "the " + role + " " + written + " of '" + name + "' is outside its domain: " + name + " ("
                    + unit + ") is " + domain.describe();
        }

        /** The parameter free in its default bounds from its default start, as a recipe that does not mention it. */
        public ParameterSpec defaults() {
            return ParameterSpec.free(name, lower, upper, start);
        }

        /** How to write bounds in the domain: the family's defaults. */
        public String domainHint() {
            return "e.g. " + name + " in [" + Cells.number(lower) + ", " + Cells.number(upper) + "]";
        }
    }

    public ModelFamily {
        parameters = List.copyOf(parameters);
        List<String> names = parameters.stream().map(Parameter::name).toList();
        if (!names.equals(List.of(prototype.parameterNames()))) {
            throw new IllegalArgumentException("family " + name + " declares " + names + " but core's model has "
                    + List.of(prototype.parameterNames()));
        }
    }

    /** The member of the family at its parameters' default starts. */
    public CharacteristicFunctionModel atDefaults() {
        return prototype.withParameters(parameters.stream().mapToDouble(Parameter::start).toArray());
    }

    public List<String> parameterNames() {
        return parameters.stream().map(Parameter::name).toList();
    }

    public Optional<Parameter> parameter(String parameterName) {
        return parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst();
    }

    /** {@code heston(v0, kappa, theta, xi, rho)}. */
    public String signature() {
        return name + "(" + String.join(", ", parameterNames()) + ")";
    }
}
