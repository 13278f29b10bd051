package margo.kernel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.syntax.Lexer;
import margo.dsl.syntax.SourceFile;
import margo.dsl.syntax.Token;
import margo.dsl.syntax.TokenType;

/**
 * Where a position of a cell stands in the language, for completion and inspection: read from the language's own
 * tokens of the text before it (the lexer skips comments and strings exactly as the parser does), so that it holds
 * while the cell is half written and does not parse. What it finds: whether the position is inside a string or a
 * comment; the brackets open around it, innermost first, each with what it belongs to (a call and its argument, the
 * block of a statement or of a setting, a list); and whether the position begins its statement, clause or argument.
 *
 * @param position    the position read, a UTF-16 index into the cell
 * @param string      the text of the string the position is inside, from its opening quote to the position; null
 *                    outside strings
 * @param stringStart where that string's text begins (just after the quote)
 * @param comment     whether the position is inside a comment (or a triple-quoted script), where nothing completes
 * @param open        the brackets open at the position, innermost first
 * @param statement   the tokens of the statement the position is in, up to the position
 * @param unit        the tokens of the innermost unit the position is in, up to the position: the argument of a call,
 *                    the element of a list, the clause of a block, or the statement
 */
record CursorContext(int position, String string, int stringStart, boolean comment, List<Open> open,
                     List<Token> statement, List<Token> unit) {

    /**
     * A bracket open at the position.
     *
     * @param bracket  {@code (}, {@code [} or <code>{</code>
     * @param callee   for {@code (} right after a name: the function called; else null
     * @param argument for {@code (} and {@code [}: which argument or element the position is in, from 0
     * @param head     for <code>{</code>: the tokens before it in its statement or clause, which say whose block it is
     *                 ({@code model hs = heston}, {@code method bobyqa}); for the others, the tokens of the unit
     *                 around the bracket up to it ({@code columns})
     */
    record Open(TokenType bracket, String callee, int argument, List<Token> head) {

        boolean isCall() {
            return bracket == TokenType.LEFT_PAREN && callee != null;
        }

        boolean isBlock() {
            return bracket == TokenType.LEFT_BRACE;
        }
    }

    /** Whether the position begins its unit: the first word of a statement, a clause or an argument. */
    boolean beginsUnit() {
        return unit.isEmpty();
    }

    /** The innermost open bracket, or null at the top level of a statement. */
    Open innermost() {
        return open.isEmpty() ? null : open.getFirst();
    }

    /** The innermost call open around the position, through lists and nested expressions but not blocks; or null. */
    Open call() {
        for (Open bracket : open) {
            if (bracket.isBlock()) {
                return null;
            }
            if (bracket.isCall()) {
                return bracket;
            }
        }
        return null;
    }

    /** The innermost block open around the position, or null. */
    Open block() {
        for (Open bracket : open) {
            if (bracket.isBlock()) {
                return bracket;
            }
        }
        return null;
    }

    /** The first word of the statement, {@code model} or {@code fit}; empty when it has none yet. */
    String statementWord() {
        return !statement.isEmpty() && statement.getFirst().is(TokenType.IDENTIFIER) ? statement.getFirst().lexeme() : "";
    }

    /** Reads the cell up to {@code position} (a UTF-16 index). */
    static CursorContext at(String code, int position) {
        String before = code.substring(0, position);
        List<Diagnostic> problems = new ArrayList<>();
        List<Token> tokens = Lexer.scan(new SourceFile("cell", before), problems);
        int lastEnd = 0;
        for (Token token : tokens) {
            if (!token.is(TokenType.NEWLINE) && !token.is(TokenType.EOF)) {
                lastEnd = Math.max(lastEnd, token.span().end());
            }
        }
        String string = null;
        int stringStart = -1;
        boolean comment = false;
        for (Diagnostic problem : problems) {
            int start = problem.span().start();
            if (start >= lastEnd && before.startsWith("\"", start)) {
                comment = before.startsWith("\"\"\"", start);
                string = comment ? null : before.substring(start + 1);
                stringStart = start + 1;
            }
        }
        if (string == null && !comment) {
            comment = before.substring(lastEnd).contains("#");
        }
        return walk(position, string, stringStart, comment, tokens);
    }

    /** Follows the brackets and separators of {@code tokens} (the text before the position) to the position. */
    private static CursorContext walk(int position, String string, int stringStart, boolean comment, List<Token> all) {
        List<Token> tokens = new ArrayList<>();
        for (Token token : all) {
            // The lexer ends an open statement with a line end of its own, at the end of the text: not the user's.
            boolean closing = token.is(TokenType.NEWLINE) && token.span().start() >= position;
            if (!token.is(TokenType.EOF) && !closing) {
                tokens.add(token);
            }
        }
        // A word that ends at the position is what is being typed, not context.
        if (string == null && !tokens.isEmpty() && tokens.getLast().is(TokenType.IDENTIFIER)
                && tokens.getLast().span().end() == position) {
            tokens.removeLast();
        }
        Deque<Frame> frames = new ArrayDeque<>();
        int statementStart = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            Frame top = frames.peek();
            switch (token.type()) {
                case LEFT_PAREN, LEFT_BRACKET -> {
                    String callee = token.is(TokenType.LEFT_PAREN) && i > 0 && tokens.get(i - 1).is(TokenType.IDENTIFIER)
                            ? tokens.get(i - 1).lexeme() : null;
                    frames.push(new Frame(token.type(), callee, List.copyOf(tokens.subList(unitStart(top, statementStart), i)), i + 1));
                }
                case LEFT_BRACE -> frames.push(new Frame(token.type(), null,
                        List.copyOf(tokens.subList(unitStart(top, statementStart), i)), i + 1));
                case RIGHT_PAREN, RIGHT_BRACKET, RIGHT_BRACE -> {
                    if (!frames.isEmpty()) {
                        frames.pop();
                    }
                }
                case COMMA -> {
                    if (top != null) {
                        top.argument++;
                        top.unitStart = i + 1;
                    }
                }
                case NEWLINE, SEMICOLON -> {
                    if (top == null) {
                        statementStart = i + 1;
                    } else if (top.bracket == TokenType.LEFT_BRACE) {
                        top.unitStart = i + 1;
                    }
                }
                default -> { }
            }
        }
        List<Open> open = new ArrayList<>();
        for (Frame frame : frames) {
            open.add(new Open(frame.bracket, frame.callee, frame.argument, frame.head));
        }
        return new CursorContext(position, string, stringStart, comment, List.copyOf(open),
                List.copyOf(tokens.subList(Math.min(statementStart, tokens.size()), tokens.size())),
                List.copyOf(tokens.subList(Math.min(unitStart(frames.peek(), statementStart), tokens.size()), tokens.size())));
    }

    private static int unitStart(Frame top, int statementStart) {
        return top == null ? statementStart : top.unitStart;
    }

    /** A bracket being walked through: how far its current unit has come. */
    private static final class Frame {
        final TokenType bracket;
        final String callee;
        final List<Token> head;
        int argument;
        int unitStart;

        Frame(TokenType bracket, String callee, List<Token> head, int unitStart) {
            this.bracket = bracket;
            this.callee = callee;
            this.head = head;
            this.unitStart = unitStart;
        }
    }
}
