package margo.polyglot;

import margo.dsl.script.ScriptFailure;
import margo.dsl.script.ScriptFunction;
import org.graalvm.polyglot.Value;

/**
 * An exported function, called by name in its {@link SandboxedContext} (which may have been opened again since the
 * script loaded). Results are read as primitive values only: a number, a string, or for {@link #callForPair} a
 * JavaScript array of two numbers; an object (even a {@code Number} wrapper whose {@code valueOf} a script could
 * have replaced) is refused, so no script code runs while Margo reads a result.
 */
final class JavaScriptFunction implements ScriptFunction {

    private final SandboxedContext context;
    private final String name;
    private final int arity;
    private final int line;
    private final int column;

    /** A function declared at {@code line}, {@code column} of its script (0, 0 when unknown). */
    JavaScriptFunction(SandboxedContext context, String name, int arity, int line, int column) {
        this.context = context;
        this.name = name;
        this.arity = arity;
        this.line = line;
        this.column = column;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int arity() {
        return arity;
    }

    @Override
    public int line() {
        return line;
    }

    @Override
    public int column() {
        return column;
    }

    @Override
    public Object call(Object... arguments) {
        return context.call(name, arguments, result -> {
            if (result.isNumber() && result.fitsInDouble() && !result.hasMembers()) {
                return result.asDouble();
            }
            if (result.isString() && !result.hasMembers()) {
                return result.asString();
            }
            throw wrongResult(result, "a number or text");
        });
    }

    @Override
    public void callForPair(double[] out, Object... arguments) {
        context.call(name, arguments, result -> {
            if (!result.hasArrayElements() || result.getArraySize() != 2 || result.isHostObject()) {
                throw wrongResult(result, "a pair of numbers [re, im]");
            }
            for (int i = 0; i < 2; i++) {
                Value element = result.getArrayElement(i);
                if (!element.isNumber() || !element.fitsInDouble() || element.hasMembers()) {
                    throw wrongResult(result, "a pair of numbers [re, im]");
                }
                out[i] = element.asDouble();
            }
            return null;
        });
    }

    private ScriptFailure wrongResult(Value result, String expected) {
        String got = result.isNull() ? "undefined" : result.isBoolean() ? "a boolean"
                : result.hasArrayElements() ? "an array of " + result.getArraySize()
                : result.canExecute() ? "a function" : result.isNumber() ? "a number" : "an object";
        return new ScriptFailure(name + "(...) returned " + got + ", but must return " + expected, line, column);
    }
}
