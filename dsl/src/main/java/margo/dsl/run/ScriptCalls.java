package margo.dsl.run;

import java.util.List;
import margo.dsl.check.Kind;
import margo.dsl.script.ScriptFailure;
import margo.dsl.script.Scripts;
import margo.dsl.syntax.Expr;
import margo.dsl.syntax.SourceFile;
import margo.dsl.syntax.Span;

/**
 * Calls of script functions compiled like built-ins: the arguments as closures over the row, the call boxed into the
 * sandbox once per row, its result checked to be what the script exports (a number, or text). A failure inside the
 * script is an error at the script's own line, saying where it was called from.
 */
final class ScriptCalls {

    @FunctionalInterface
    private interface ArgumentCode {
        Object at(int row);
    }

    private final Compiler compiler;
    private final SourceFile source;
    private final int rows;

    ScriptCalls(Compiler compiler, SourceFile source, int rows) {
        this.compiler = compiler;
        this.source = source;
        this.rows = rows;
    }

    Compiler.DoubleCode number(Expr.Call call, Scripts.Exported function, List<Expr> arguments, List<Kind> kinds) {
        ArgumentCode[] codes = arguments(arguments, kinds);
        return row -> {
            Object result = call(call, function, codes, row);
            if (result instanceof Double number) {
                return number;
            }
            throw new RunFailure(call.span(), function.function().name() + "(...) returned text \"" + result
                    + "\" " + where(call, row) + ", but is exported as a number",
                    "export it as text (exports " + function.function().name() + " as text) or return a number");
        };
    }

    Compiler.TextCode text(Expr.Call call, Scripts.Exported function, List<Expr> arguments, List<Kind> kinds) {
        ArgumentCode[] codes = arguments(arguments, kinds);
        return row -> {
            Object result = call(call, function, codes, row);
            if (result instanceof String text) {
                return text;
            }
            throw new RunFailure(call.span(), function.function().name() + "(...) returned the number " + result
                    + " " + where(call, row) + ", but is exported as text",
                    "return a string, or export it as a number");
        };
    }

    private ArgumentCode[] arguments(List<Expr> arguments, List<Kind> kinds) {
        ArgumentCode[] codes = new ArgumentCode[arguments.size()];
        for (int i = 0; i < codes.length; i++) {
            Expr argument = arguments.get(i);
            codes[i] = switch (kinds.get(i)) {
                case TEXT -> {
                    Compiler.TextCode text = compiler.text(argument);
                    yield text::at;
                }
                case BOOLEAN -> {
                    Compiler.BooleanCode condition = compiler.condition(argument);
                    yield condition::at;
                }
                default -> {
                    Compiler.DoubleCode number = compiler.number(argument);
                    yield number::at;
                }
            };
        }
        return codes;
    }

    private Object call(Expr.Call call, Scripts.Exported function, ArgumentCode[] codes, int row) {
        Object[] values = new Object[codes.length];
        for (int i = 0; i < codes.length; i++) {
            values[i] = codes[i].at(row);
        }
        try {
            return function.function().call(values);
        } catch (ScriptFailure failure) {
            throw failure(call, function, failure, row);
        }
    }

    /**
     * At the script's line when the script is in this recipe or cell, else at the call (the line in the script is
     * then in the message).
     */
    private RunFailure failure(Expr.Call call, Scripts.Exported function, ScriptFailure failure, int row) {
        boolean here = function.source().equals(source) && failure.line() > 0;
        Span span = here ? function.spanOf(failure.line(), failure.column()) : call.span();
        String inScript = !here && failure.line() > 0 ? " at line " + failure.line() + " of its script" : "";
        return new RunFailure(span, failure.getMessage() + inScript + " (called on line " + call.span().line()
                + (rows > 1 ? ", row " + (row + 1) + " of the table" : "") + ")",
                "a script function runs in a sandbox with a statement and a time limit per call (docs/scripts.md)");
    }

    private String where(Expr.Call call, int row) {
        return rows > 1 ? "for row " + (row + 1) + " of the table" : "on line " + call.span().line();
    }
}
