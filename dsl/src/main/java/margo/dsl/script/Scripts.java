package margo.dsl.script;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import margo.dsl.check.Kind;
import margo.dsl.syntax.SourceFile;
import margo.dsl.syntax.Span;

/**
 * The scripts of one recipe run or notebook session: a sandboxed context per language, opened when the first
 * {@code script} statement of that language is checked (so a recipe without scripts never loads an engine), and the
 * functions exported so far. Closing it closes the contexts.
 */
public final class Scripts implements AutoCloseable {

    /**
     * A function a script exports, as the recipe sees it.
     *
     * @param function the callable
     * @param result   what it returns: {@link Kind#NUMBER} or {@link Kind#TEXT}
     * @param source   the recipe or cell the script is in
     * @param codeSpan the span of the script's code (its string literal) in {@code source}
     * @param context  the sandbox it runs in, which makes the records it may be passed
     */
    public record Exported(ScriptFunction function, Kind result, SourceFile source, Span codeSpan,
                           ScriptContext context) {

        /** Where line {@code line}, column {@code column} of the script is in {@code source}. */
        public Span spanOf(int line, int column) {
            return ScriptSpans.at(source, codeSpan, line, column);
        }
    }

    private final ScriptLimits limits;
    private final Map<String, ScriptContext> contexts = new HashMap<>();
    private final Map<String, Exported> exported = new LinkedHashMap<>();
    private boolean fallbackNoted;

    public Scripts(ScriptLimits limits) {
        this.limits = limits;
    }

    /** The context of {@code language}, opened on first use; empty when no engine for it is on the class path. */
    public synchronized Optional<ScriptContext> context(String language) {
        ScriptContext open = contexts.get(language);
        if (open != null) {
            return Optional.of(open);
        }
        Optional<ScriptContext> made = ScriptEngines.find(language).map(engine -> engine.newContext(limits));
        made.ifPresent(context -> contexts.put(language, context));
        return made;
    }

    /**
     * Why the engine of {@code context} interprets scripts, the first time it is asked in this session (for the
     * first script's diagnostics), else null.
     */
    public synchronized String fallbackNote(ScriptContext context) {
        if (fallbackNoted || context.interpretedBecause() == null) {
            return null;
        }
        fallbackNoted = true;
        return context.interpretedBecause();
    }

    /** The functions exported by the scripts that ran in earlier recipes or cells of the session. */
    public synchronized Map<String, Exported> exported() {
        return Map.copyOf(exported);
    }

    /** Records the exports of a script statement that ran, replacing earlier ones of the same names. */
    public synchronized void commit(List<Exported> functions) {
        functions.forEach(function -> exported.put(function.function().name(), function));
    }

    /** Stops the running call of every context (the session's interrupt). */
    public void interrupt() {
        List<ScriptContext> open;
        synchronized (this) {
            open = List.copyOf(contexts.values());
        }
        open.forEach(ScriptContext::interrupt);
    }

    @Override
    public synchronized void close() {
        contexts.values().forEach(ScriptContext::close);
        contexts.clear();
    }
}
