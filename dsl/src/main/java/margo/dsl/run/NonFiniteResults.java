package margo.dsl.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import margo.dsl.check.CheckedProgram;
import margo.dsl.check.Kind;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.syntax.BinaryOperator;
import margo.dsl.syntax.Expr;
import margo.dsl.syntax.SourceFile;

/**
 * A scalar that came out Infinity or NaN ({@code let x = 1/0}, {@code show log(0)}, {@code let big = 1e999}), or a
 * {@code set} column with such rows, is kept, but never in silence: one warning at the innermost part of the
 * expression that went non-finite from finite operands (in a column's first such row), so that the user sees which
 * division or call did it. A name is not blamed (its own statement was warned about, or it is a column whose
 * missing values are the data's), nor a call whose NaN {@link UndefinedResults} already explains.
 */
final class NonFiniteResults {

    private static final String TOO_LARGE = ": the number is too large (the largest is about 1.8e308)";

    private final CheckedProgram checked;
    private final SourceFile source;
    private final UndefinedResults undefined;

    NonFiniteResults(CheckedProgram checked, UndefinedResults undefined) {
        this.checked = checked;
        this.source = checked.program().source();
        this.undefined = undefined;
    }

    /**
     * The warning for {@code expr}, whose value is {@code value}, or null when it is finite or already explained.
     *
     * @param evaluate the value of any numeric part of {@code expr}, evaluated on its own
     */
    Diagnostic warning(Expr expr, double value, ToDoubleFunction<Expr> evaluate) {
        return Double.isFinite(value) ? null : warning(expr, value, evaluate, "");
    }

    /**
     * The warning for the column {@code values} that {@code expr} gave in a {@code set}, or null when every row is
     * finite or the first row that is not is already explained: at the part that went non-finite in that row, with
     * the count of such rows.
     *
     * @param evaluate the value of any numeric part of {@code expr} in a row, evaluated on its own
     */
    Diagnostic warning(Expr expr, double[] values, RowEvaluation evaluate) {
        int first = -1;
        int count = 0;
        for (int row = 0; row < values.length; row++) {
            if (!Double.isFinite(values[row])) {
                first = first < 0 ? row : first;
                count++;
            }
        }
        if (first < 0) {
            return null;
        }
        int row = first;
        Diagnostic warning = warning(expr, values[row], part -> evaluate.at(part, row),
                " in " + count + " of " + values.length + " rows (the first: row " + (row + 1) + " of the table)");
        // A number written too large has its warning from tooLargeNumbers, whatever the rows give.
        return warning == null || tooLargeNumbers(expr).stream().anyMatch(w -> w.span().equals(warning.span()))
                ? null : warning;
    }

    /** The value of a numeric part of an expression in one row of a table. */
    interface RowEvaluation {
        double at(Expr part, int row);
    }

    private Diagnostic warning(Expr expr, double value, ToDoubleFunction<Expr> evaluate, String rows) {
        Expr culprit = expr;
        for (Expr deeper = nonFiniteOperand(culprit, evaluate); deeper != null; deeper = nonFiniteOperand(culprit, evaluate)) {
            culprit = deeper;
        }
        if (culprit instanceof Expr.Name || undefined.recorded(culprit.span())) {
            return null;
        }
        double culpritValue = culprit == expr ? value : evaluate.applyAsDouble(culprit);
        return Diagnostic.warning(source, culprit.span(), text(culprit) + " is " + describe(culpritValue) + rows
                + reason(culprit, evaluate));
    }

    /**
     * Warnings at the numbers in {@code expr} written too large to be one ({@code 1e999}), for the row expressions
     * of {@code keep} and {@code set}: they run once per row, so {@link #warning} never sees them as one value.
     */
    List<Diagnostic> tooLargeNumbers(Expr expr) {
        List<Diagnostic> warnings = new ArrayList<>();
        addTooLargeNumbers(expr, warnings);
        return warnings;
    }

    private void addTooLargeNumbers(Expr expr, List<Diagnostic> warnings) {
        switch (expr) {
            case Expr.NumberLiteral literal when !Double.isFinite(literal.value()) -> warnings.add(Diagnostic.warning(
                    source, literal.span(), text(literal) + " is " + describe(literal.value()) + TOO_LARGE));
            case Expr.Unary unary -> addTooLargeNumbers(unary.operand(), warnings);
            case Expr.Binary binary -> {
                addTooLargeNumbers(binary.left(), warnings);
                addTooLargeNumbers(binary.right(), warnings);
            }
            case Expr.Call call -> call.arguments().forEach(argument -> addTooLargeNumbers(argument.value(), warnings));
            case Expr.ListLiteral list -> list.elements().forEach(element -> addTooLargeNumbers(element, warnings));
            default -> {
            }
        }
    }

    /** The first numeric operand of {@code expr} that is itself Infinity or NaN, or null when all are finite. */
    private Expr nonFiniteOperand(Expr expr, ToDoubleFunction<Expr> evaluate) {
        for (Expr operand : numericOperands(expr)) {
            if (!Double.isFinite(evaluate.applyAsDouble(operand))) {
                return operand;
            }
        }
        return null;
    }

    private List<Expr> numericOperands(Expr expr) {
        List<Expr> operands = new ArrayList<>();
        List<Expr> all = switch (expr) {
            case Expr.Unary unary -> List.of(unary.operand());
            case Expr.Binary binary -> List.of(binary.left(), binary.right());
            case Expr.Call call -> checked.argumentsOf(call);
            default -> List.of();
        };
        for (Expr operand : all) {
            if (operand != null && isNumeric(checked.typeOf(operand).kind())) {
                operands.add(operand);
            }
        }
        return operands;
    }

    private static boolean isNumeric(Kind kind) {
        return kind == Kind.NUMBER || kind == Kind.DURATION;
    }

    private static String describe(double value) {
        return Double.isNaN(value) ? "undefined (NaN)" : value > 0 ? "Infinity" : "-Infinity";
    }

    private static String reason(Expr culprit, ToDoubleFunction<Expr> evaluate) {
        return switch (culprit) {
            case Expr.NumberLiteral ignored -> TOO_LARGE;
            case Expr.Binary binary when binary.operator() == BinaryOperator.DIVIDE
                    && evaluate.applyAsDouble(binary.right()) == 0 -> ": division by zero";
            case Expr.Binary ignored -> ": the result is beyond the range of a number (about 1.8e308)";
            default -> "";
        };
    }

    private String text(Expr expr) {
        return source.text().substring(expr.span().start(), expr.span().end());
    }
}
