package margo.dsl.check;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.script.Scripts;
import margo.dsl.syntax.Clause;
import margo.dsl.syntax.Expr;
import margo.dsl.syntax.Program;
import margo.dsl.syntax.Stmt;

/**
 * A program with what the {@link Checker} learned about it: the type of every expression, which names are
 * columns of the table in scope, the type each binding statement binds, and every problem found.
 * The runner runs it only when {@link #hasErrors()} is false.
 */
public final class CheckedProgram {

    private final Program program;
    private final List<Diagnostic> diagnostics;
    private final Map<Expr, Type> types;
    private final Set<Expr.Name> columnReferences;
    private final Map<Stmt, Type> boundTypes;
    private final Map<Expr.Call, List<Expr>> callArguments;
    private final Map<Expr.Call, Scripts.Exported> scriptCalls;
    private final Map<Stmt.Script, List<Scripts.Exported>> scriptExports;
    private final Map<Clause.ScriptFunction, Scripts.Exported> characteristicFunctions;

    CheckedProgram(Program program, List<Diagnostic> diagnostics, IdentityHashMap<Expr, Type> types,
                   Set<Expr.Name> columnReferences, IdentityHashMap<Stmt, Type> boundTypes,
                   IdentityHashMap<Expr.Call, List<Expr>> callArguments,
                   IdentityHashMap<Expr.Call, Scripts.Exported> scriptCalls,
                   IdentityHashMap<Stmt.Script, List<Scripts.Exported>> scriptExports,
                   IdentityHashMap<Clause.ScriptFunction, Scripts.Exported> characteristicFunctions) {
        this.program = program;
        this.diagnostics = List.copyOf(diagnostics);
        this.types = Collections.unmodifiableMap(types);
        this.columnReferences = Collections.unmodifiableSet(columnReferences);
        this.boundTypes = Collections.unmodifiableMap(boundTypes);
        this.callArguments = Collections.unmodifiableMap(callArguments);
        this.scriptCalls = Collections.unmodifiableMap(scriptCalls);
        this.scriptExports = Collections.unmodifiableMap(scriptExports);
        this.characteristicFunctions = Collections.unmodifiableMap(characteristicFunctions);
    }

    /** The script function that a model's {@code cf js NAME} names. */
    public Scripts.Exported characteristicFunction(Clause.ScriptFunction clause) {
        Scripts.Exported function = characteristicFunctions.get(clause);
        if (function == null) {
            throw new IllegalStateException("cf not checked: " + clause.function().id());
        }
        return function;
    }

    /** The script function a call calls, or null for a built-in. */
    public Scripts.Exported scriptFunction(Expr.Call call) {
        return scriptCalls.get(call);
    }

    /** The functions a script statement exported when it was checked (and so loaded). */
    public List<Scripts.Exported> exportsOf(Stmt.Script script) {
        return scriptExports.getOrDefault(script, List.of());
    }

    public Program program() {
        return program;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** The type of a checked expression; {@link Type#ERROR} for one the checker never reached. */
    public Type typeOf(Expr expr) {
        return types.getOrDefault(expr, Type.ERROR);
    }

    /** Whether a name inside {@code keep}, {@code set} or {@code show columns} refers to a column (not a binding). */
    public boolean isColumn(Expr.Name name) {
        return columnReferences.contains(name);
    }

    /**
     * The arguments of a call to a built-in in the order of its parameters, named ones moved into place, a left-out
     * optional one as null, then the repeats of a variadic last parameter.
     */
    public List<Expr> argumentsOf(Expr.Call call) {
        List<Expr> arguments = callArguments.get(call);
        if (arguments == null) {
            throw new IllegalStateException("call not checked: " + call.callee().id());
        }
        return arguments;
    }

    /** The checked calls of the built-in {@code function}, in the order they appear in the text. */
    public List<Expr.Call> callsOf(String function) {
        return callArguments.keySet().stream().filter(call -> call.callee().id().equals(function))
                .sorted(java.util.Comparator.comparingInt(call -> call.span().start())).toList();
    }

    /** The type a binding statement binds its name to. */
    public Type boundType(Stmt statement) {
        return boundTypes.getOrDefault(statement, Type.ERROR);
    }
}
