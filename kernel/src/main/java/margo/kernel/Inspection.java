package margo.kernel;

import java.util.Map;
import margo.dsl.output.TextRenderer;
import margo.dsl.registry.Documentation;
import margo.dsl.registry.FunctionSpec;
import margo.dsl.registry.ModelFamily;
import margo.dsl.registry.ParameterSpec;
import margo.dsl.registry.Registry;
import margo.dsl.value.Value;
import margo.kernel.jupyter.MimeBundle;

/**
 * What Shift-Tab (Jupyter's inspect) shows at the cursor, by where it stands ({@link CursorContext}), from the one
 * {@link Registry} ({@link Documentation}, the entries of {@code margo docs}) and the session's bindings:
 * <ul>
 * <li>on the first word of a clause: in a model block the family's parameter (unit, default bounds and start); in a
 * block with settings the setting of that block ({@code max_iterations} of the solver whose block it is); {@code keep},
 * {@code set}, {@code require} their clause;
 * <li>on {@code calibrate} or {@code to}: the statement they belong to ({@code fit}, or {@code rules ... = calibrate});
 * <li>on a bound name its value, on any other known name its entry;
 * <li>anywhere else in a call, {@code black(} included: the function, with the argument the cursor is in.
 * </ul>
 * Detail level 0 is short: a value's one-line summary, an entry without its example; 1 is everything.
 */
final class Inspection {

    private final Registry registry;
    private final Documentation documentation;
    private final Completion completion;

    Inspection(Registry registry, Documentation documentation, Completion completion) {
        this.registry = registry;
        this.documentation = documentation;
        this.completion = completion;
    }

    /** The page for the cursor at {@code cursor} (a UTF-16 index), or null when there is nothing to show. */
    MimeBundle at(String code, int cursor, int detailLevel, Map<String, Value> bindings) {
        Word word = Word.around(code, cursor);
        CursorContext context = CursorContext.at(code, word.start());
        if (context.comment()) {
            return null;
        }
        if (context.string() == null && !word.text().isEmpty()) {
            String entry = inContext(word.text(), context);
            if (entry != null) {
                return markdown(entry, detailLevel);
            }
            MimeBundle named = describe(word.text(), detailLevel, bindings);
            if (named != null) {
                return named;
            }
        }
        CursorContext.Open call = context.call();
        FunctionSpec function = call == null ? null : registry.function(call.callee()).orElse(null);
        if (function == null) {
            return null;
        }
        ParameterSpec parameter = completion.parameter(call, context);
        String at = parameter == null ? "" : "At `" + parameter.name() + "`, argument " + (function.parameters().indexOf(parameter) + 1)
                + " of " + function.name() + ":\n\n" + Documentation.parameterLine(parameter) + "\n";
        return markdown(at + documentation.entry(function), detailLevel);
    }

    /**
     * What a name is: a bound name its kind and a one-line summary (its whole value at detail level 1); a built-in,
     * setting, statement or clause its entry (without the example at detail level 0). Null when nothing is called so.
     */
    MimeBundle describe(String name, int detailLevel, Map<String, Value> bindings) {
        Value bound = bindings.get(name);
        if (bound != null) {
            return new MimeBundle(name + ": " + bound.kind() + "\n"
                    + (detailLevel == 0 ? ValueSummary.of(bound) : TextRenderer.render(bound)));
        }
        return documentation.describe(name).map(entry -> markdown(entry, detailLevel)).orElse(null);
    }

    /** The entry a word has where it stands, when that differs from the word's own: see the class comment. */
    private String inContext(String word, CursorContext context) {
        BlockOwner owner = completion.owner(context);
        CursorContext.Open innermost = context.innermost();
        if (owner != null && innermost != null && innermost.isBlock() && context.beginsUnit()) {
            ModelFamily family = owner.family(registry);
            if (family != null && family.parameter(word).isPresent()) {
                return documentation.entry(family, family.parameter(word).orElseThrow());
            }
            if (owner.kind() == BlockOwner.Kind.SETTINGS) {
                String setting = registry.setting(owner.settings(), word).map(documentation::entry).orElse(null);
                if (setting != null) {
                    return setting;
                }
            }
        }
        if (innermost == null && (word.equals("calibrate") || word.equals("to"))) {
            String statement = context.statementWord().equals("rules") ? "calibrate" : context.statementWord();
            return registry.statement(statement).map(documentation::entry).orElse(null);
        }
        if (word.equals("penalty") && owner != null && owner.kind() == BlockOwner.Kind.MODEL) {
            return registry.clause("require").map(documentation::entry).orElse(null);
        }
        return null;
    }

    private static MimeBundle markdown(String entry, int detailLevel) {
        String text = detailLevel == 0 ? Documentation.withoutExamples(entry) : entry;
        return new MimeBundle(text).put("text/markdown", text);
    }
}
