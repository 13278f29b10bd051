package margo.dsl.syntax;

import java.util.List;
import margo.dsl.syntax.Expr.Name;

/** A statement of a recipe (docs/language.md, "Statements"). */
public sealed interface Stmt {

    Span span();

    /** The statement keywords that bind a name: {@code KIND N = EXPR { ... }}. */
    enum BindingKind {
        DATA, LET, MODEL, FIT, REPLAY, SURFACE, RULES, BOOK;

        public String keyword() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** {@code data N = options("x.csv") { keep ...; set ... }}, {@code let N = E}, {@code model N = heston { ... }} ... */
    record Binding(BindingKind kind, Name name, Expr value, Block block, Span span) implements Stmt {}

    /** {@code show E { ... }}. */
    record Show(Expr value, Block block, Span span) implements Stmt {}

    /** {@code plot E { ... }}. */
    record Plot(Expr value, Block block, Span span) implements Stmt {}

    /** {@code export E to PATH}. */
    record Export(Expr value, Expr path, Span span) implements Stmt {}

    /** {@code function N(a, b) = E}. */
    record FunctionDefinition(Name name, List<Name> parameters, Expr body, Span span) implements Stmt {}

    /**
     * {@code script js """...""" exports f, label as text}.
     *
     * @param codeSpan the span of the string literal holding the code, quotes included
     */
    record Script(Name language, String code, Span codeSpan, List<ScriptExport> exports, Span span) implements Stmt {}

    /**
     * One exported function of a script; {@code result} is the word after {@code as} ({@code number} or
     * {@code text}), or null when not written (a number).
     */
    record ScriptExport(Name name, Name result, Span span) {}

    /** A bare expression: shown when it ends a notebook cell. */
    record ExpressionStatement(Expr value, Span span) implements Stmt {}

    /**
     * A statement with a syntax error, kept so that the checker can check the statements around it: the name it
     * binds, when the parser got that far (else null), is bound to an unknown type, so that later uses of it are
     * not reported a second time.
     */
    record Unparsed(Name name, Span span) implements Stmt {}
}
