package margo.dsl.registry;

import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.Predicate;
import margo.dsl.check.Kind;

/**
 * A built-in function: its signature with units, what it returns, its documentation with a runnable example,
 * and how it computes.
 *
 * @param parameters     in order; the optional ones come last
 * @param variadic       whether the last parameter may repeat ({@code max(a, b, c)})
 * @param returns        the kind returned, or null when it is the kind of the arguments ({@code abs} of a duration
 *                       is a duration)
 * @param returnUnit     the unit of the result in words
 * @param inRows         whether it may be used inside {@code keep} and {@code set}, once per row
 * @param summary        what it computes, with the source of the formula where there is one
 * @param example        a recipe fragment that checks cleanly
 * @param implementation how it computes
 */
public record FunctionSpec(String name, List<ParameterSpec> parameters, boolean variadic, Kind returns,
                           String returnUnit, boolean inRows, String summary, String example,
                           Implementation implementation) {

    /** How a built-in computes. */
    public sealed interface Implementation {
        /** One number in, one out, for each row. */
        record Unary(DoubleUnaryOperator function) implements Implementation {}

        /** Two or more numbers folded left to right, for each row. */
        record Fold(DoubleBinaryOperator function) implements Implementation {}

        /**
         * A test of one text against another, for each row: the second argument, read once when it is the same for
         * every row, gives the test of the first ({@code starts_with}, {@code matches}).
         */
        record TextTest(Function<String, Predicate<String>> test) implements Implementation {}

        /** Loading data or calling the pricing core: compiled by the runner, which knows it by name. */
        record Core() implements Implementation {}
    }

    public FunctionSpec {
        parameters = List.copyOf(parameters);
    }

    public int minimumArguments() {
        int required = 0;
        for (ParameterSpec parameter : parameters) {
            required += parameter.optional() ? 0 : 1;
        }
        return variadic ? Math.max(required, parameters.size()) : required;
    }

    /** The most arguments it takes, {@link Integer#MAX_VALUE} when variadic. */
    public int maximumArguments() {
        return variadic ? Integer.MAX_VALUE : parameters.size();
    }

    /** The parameter that positional argument {@code index} binds to. */
    public ParameterSpec parameterAt(int index) {
        return parameters.get(Math.min(index, parameters.size() - 1));
    }

    /** {@code options(path, format?, as_of?)}, {@code max(a, b, ...)}. */
    public String signature() {
        StringBuilder out = new StringBuilder(name).append('(');
        for (int i = 0; i < parameters.size(); i++) {
            ParameterSpec parameter = parameters.get(i);
            out.append(i == 0 ? "" : ", ").append(parameter.name()).append(parameter.optional() ? "?" : "");
        }
        return out.append(variadic ? ", ...)" : ")").toString();
    }
}
