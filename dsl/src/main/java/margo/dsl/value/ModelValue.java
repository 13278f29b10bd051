package margo.dsl.value;

import java.util.List;
import margo.core.calibration.Constraint;
import margo.core.calibration.ParameterSpec;
import margo.core.models.CharacteristicFunctionModel;

/**
 * A parametric model as a recipe declares it: {@code model N = FAMILY { ... }}.
 *
 * @param family     the family's name in recipes, e.g. {@code heston}
 * @param prototype  a member of the family, for its kind (core prices it by COS)
 * @param parameters every parameter of the family in core's order, with its bounds, start and fixed flag
 * @param constraints the {@code require} clauses, compiled
 * @param report     how {@code show} displays it
 */
public record ModelValue(String family, CharacteristicFunctionModel prototype, List<ParameterSpec> parameters,
                         List<Constraint> constraints, ReportValue report) implements Value {

    public ModelValue {
        parameters = List.copyOf(parameters);
        constraints = List.copyOf(constraints);
    }

    /** The model at its fixed values, or null when some parameter is free (and must be calibrated first). */
    public CharacteristicFunctionModel fixedModel() {
        double[] values = new double[parameters.size()];
        for (int i = 0; i < values.length; i++) {
            if (!parameters.get(i).fixed()) {
                return null;
            }
            values[i] = parameters.get(i).start();
        }
        return prototype.withParameters(values);
    }

    /** The names of the parameters that are not fixed. */
    public List<String> freeParameters() {
        return parameters.stream().filter(p -> !p.fixed()).map(ParameterSpec::name).toList();
    }

    @Override
    public String kind() {
        return "model";
    }
}
