package margo.dsl.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.diagnostic.Suggestions;
import margo.dsl.script.ScriptContext;
import margo.dsl.script.ScriptEngines;
import margo.dsl.script.ScriptFailure;
import margo.dsl.script.ScriptFunction;
import margo.dsl.script.Scripts;
import margo.dsl.syntax.Clause;
import margo.dsl.syntax.Expr;
import margo.dsl.syntax.SourceFile;
import margo.dsl.syntax.Span;
import margo.dsl.syntax.Stmt;

/**
 * The checker's seam for {@code script LANGUAGE """...""" exports f, g as text} and the calls of exported functions.
 * Checking a script runs its top level in the sandbox, which is how its functions and their arities become known at
 * {@code margo check} time; nothing else of the recipe runs. A call is checked like a built-in's: the number of
 * arguments against the function's declared parameters, each a number, duration, text or boolean; its result is a number, or
 * text when exported {@code as text}.
 */
final class ScriptChecker {

    private static final List<String> RESULTS = List.of("number", "text");
    /** What a recipe can pass to a script: a duration arrives as its number of years. */
    private static final java.util.Set<Kind> PASSED = java.util.EnumSet.of(Kind.NUMBER, Kind.DURATION, Kind.TEXT,
            Kind.BOOLEAN);

    private final Checker checker;
    private final SourceFile source;
    private final Scripts scripts;
    /** The functions callable now: the session's, then this program's as its script statements are checked. */
    private final Map<String, Scripts.Exported> callable = new HashMap<>();
    private final IdentityHashMap<Stmt.Script, List<Scripts.Exported>> loaded = new IdentityHashMap<>();
    private final IdentityHashMap<Expr.Call, Scripts.Exported> calls = new IdentityHashMap<>();
    private final List<Diagnostic> notes = new ArrayList<>();
    private final IdentityHashMap<Clause.ScriptFunction, Scripts.Exported> characteristicFunctions =
            new IdentityHashMap<>();

    ScriptChecker(Checker checker, SourceFile source, Scripts scripts) {
        this.checker = checker;
        this.source = source;
        this.scripts = scripts;
        if (scripts != null) {
            callable.putAll(scripts.exported());
        }
    }

    /** Checks and loads a script statement; its exports become callable in the statements after it. */
    void script(Stmt.Script script) {
        String language = script.language().id();
        List<Kind> results = new ArrayList<>();
        boolean ok = true;
        for (Stmt.ScriptExport export : script.exports()) {
            ok &= exportName(export);
            results.add(resultKind(export));
        }
        if (results.contains(Kind.ERROR)) {
            ok = false;
        }
        ScriptContext context = contextFor(script);
        if (context == null || !ok) {
            return;
        }
        List<String> names = script.exports().stream().map(export -> export.name().id()).toList();
        List<ScriptFunction> functions;
        try {
            functions = context.load(script.code(), names);
        } catch (ScriptFailure failure) {
            Span at = failure.line() == 0 && failure.column() < script.exports().size()
                    ? script.exports().get(failure.column()).name().span()
                    : new Scripts.Exported(null, Kind.NUMBER, source, script.codeSpan(), context).spanOf(failure.line(),
                            failure.column());
            checker.error(at, failure.getMessage(), "the script runs in a sandbox: plain JavaScript that computes,"
                    + " with no files, network, host classes or other languages (docs/scripts.md)");
            return;
        }
        String fallback = scripts.fallbackNote(context);
        if (fallback != null) {
            notes.add(Diagnostic.note(source, script.language().span(), "JavaScript runs interpreted (about 4 to"
                    + " 10 times slower than compiled): " + fallback));
        }
        List<Scripts.Exported> exported = new ArrayList<>();
        for (int i = 0; i < functions.size(); i++) {
            Scripts.Exported function = new Scripts.Exported(functions.get(i), results.get(i), source,
                    script.codeSpan(), context);
            exported.add(function);
            callable.put(function.function().name(), function);
        }
        loaded.put(script, List.copyOf(exported));
    }

    /** The sandbox of the script's language, or null (reported) when the language or its engine is missing. */
    private ScriptContext contextFor(Stmt.Script script) {
        String language = script.language().id();
        if (!language.equals("js")) {
            checker.error(script.language().span(), "unknown script language '" + language + "'",
                    Suggestions.didYouMean(language, List.of("js")) != null ? Suggestions.didYouMean(language,
                            List.of("js")) : "scripts are written in JavaScript: script js \"\"\"...\"\"\" exports f");
            return null;
        }
        ScriptContext context = scripts == null ? null : scripts.context(language).orElse(null);
        if (context == null) {
            checker.error(script.language().span(), "script js needs Margo's JavaScript engine (the margo-polyglot"
                    + " module), which is not on the class path" + (ScriptEngines.languages().isEmpty() ? ""
                    : "; installed: " + String.join(", ", ScriptEngines.languages())),
                    "run the recipe with ./margo or the margo.jar it builds, which include it");
        }
        return context;
    }

    /** An export must not hide a built-in function. */
    private boolean exportName(Stmt.ScriptExport export) {
        String name = export.name().id();
        if (checker.registry.function(name).isPresent()) {
            checker.error(export.name().span(), "'" + name + "' is a built-in function; a script cannot replace it",
                    "name the script's function differently, e.g. my_" + name);
            return false;
        }
        return true;
    }

    private Kind resultKind(Stmt.ScriptExport export) {
        if (export.result() == null) {
            return Kind.NUMBER;
        }
        String word = export.result().id();
        if (!RESULTS.contains(word)) {
            checker.error(export.result().span(), "an exported function returns a number or text, not '" + word + "'",
                    "write " + export.name().id() + " as number, or " + export.name().id() + " as text");
            return Kind.ERROR;
        }
        return word.equals("text") ? Kind.TEXT : Kind.NUMBER;
    }

    /** The exported function called {@code name}, or null. */
    Scripts.Exported function(String name) {
        return callable.get(name);
    }

    /** {@code f(a, b)}: positional arguments, as many as f declares, each a number, text or boolean. */
    Type call(Expr.Call call, Scripts.Exported function) {
        String name = call.callee().id();
        boolean ok = true;
        List<Expr> arguments = new ArrayList<>();
        for (Expr.Argument argument : call.arguments()) {
            Type type = checker.expression(argument.value());
            arguments.add(argument.value());
            if (argument.name() != null) {
                checker.error(argument.name().span(), name + " is a script function; its arguments are positional",
                        name + "(" + argument.name().id() + ")");
                ok = false;
            } else if (!type.isError() && !PASSED.contains(type.kind())) {
                checker.error(argument.value().span(), "a script function takes numbers, durations (as years), text"
                        + " and booleans, not " + type.kind().withArticle());
                ok = false;
            } else if (type.isError()) {
                ok = false;
            }
        }
        int arity = function.function().arity();
        if (call.arguments().size() != arity) {
            checker.error(call.span(), name + " takes " + arity + (arity == 1 ? " argument" : " arguments")
                    + ", not " + call.arguments().size(), "the script declares " + name + " with " + arity
                    + " parameter" + (arity == 1 ? "" : "s"));
            ok = false;
        }
        if (!ok) {
            return Type.ERROR;
        }
        calls.put(call, function);
        checker.recordArguments(call, arguments);
        return Type.of(function.result());
    }

    IdentityHashMap<Expr.Call, Scripts.Exported> calls() {
        return calls;
    }

    IdentityHashMap<Stmt.Script, List<Scripts.Exported>> loaded() {
        return loaded;
    }

    /** The script functions that {@code cf js NAME} clauses name, filled in by {@link UserModelChecker}. */
    IdentityHashMap<Clause.ScriptFunction, Scripts.Exported> characteristicFunctions() {
        return characteristicFunctions;
    }

    List<Diagnostic> notes() {
        return notes;
    }
}
