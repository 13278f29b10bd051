package margo.kernel;

import java.util.Optional;
import margo.dsl.registry.ColumnSpec;
import margo.dsl.registry.FunctionSpec;
import margo.dsl.registry.ParameterSpec;
import margo.dsl.registry.Registry;
import margo.dsl.registry.StatementSpec;

/**
 * What shift-tab shows for a name: the registry's documentation of the built-in function, statement
 * keyword or chain column of that name, as plain text.
 */
final class BuiltInDocs {

    private BuiltInDocs() {
    }

    static Optional<String> of(Registry registry, String name) {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return registry.function(name).map(BuiltInDocs::function)
                .or(() -> registry.statement(name).map(BuiltInDocs::statement))
                .or(() -> registry.chainColumn(name).map(BuiltInDocs::column));
    }

    private static String function(FunctionSpec function) {
        StringBuilder text = new StringBuilder(function.signature()).append(" -> ").append(function.returnUnit())
                .append("\n\n").append(function.summary()).append("\n\nParameters:\n");
        for (ParameterSpec parameter : function.parameters()) {
            text.append("  ").append(parameter.name()).append(parameter.optional() ? " (optional)" : "")
                    .append(": ").append(parameter.doc()).append(" [").append(parameter.unit()).append("]");
            if (parameter.optional()) {
                text.append("; default: ").append(parameter.defaultValue());
            }
            text.append('\n');
        }
        return text.append("\nExample:\n").append(indent(function.example())).toString();
    }

    private static String statement(StatementSpec statement) {
        return statement.syntax() + "\n\n" + statement.doc() + "\n\nExample:\n" + indent(statement.example());
    }

    private static String column(ColumnSpec column) {
        return column.name() + ": option chain column [" + column.unit() + "]\n\n" + column.description();
    }

    private static String indent(String example) {
        return example.indent(2).stripTrailing();
    }
}
