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
 * Jupyter's is_complete for a cell (consoles use it to decide whether Enter runs the cell or opens a
 * new line), read from the language's own tokens, so that comments and strings are skipped exactly as
 * the parser skips them: a cell is incomplete while a bracket, a brace or a triple-quoted string is
 * open, and invalid when a bracket closes what never opened or the cell has another lexical error.
 */
final class CellCompleteness {

    /** Jupyter's is_complete status for a cell that can run as it is. */
    static final String COMPLETE = "complete";
    /** Jupyter's is_complete status for a cell that no more lines can make right. */
    static final String INVALID = "invalid";
    private static final String TRIPLE_QUOTE = "\"\"\"";
    private static final String INDENT = "  ";

    private CellCompleteness() {
    }

    /** {@link #COMPLETE}, {@link #INVALID}, or the indent of the next line. */
    static String of(String code) {
        List<Diagnostic> problems = new ArrayList<>();
        List<Token> tokens = Lexer.scan(new SourceFile("cell", code), problems);
        Deque<TokenType> open = new ArrayDeque<>();
        for (Token token : tokens) {
            switch (token.type()) {
                case LEFT_PAREN, LEFT_BRACKET, LEFT_BRACE -> open.push(token.type());
                case RIGHT_PAREN, RIGHT_BRACKET, RIGHT_BRACE -> {
                    if (open.isEmpty() || open.pop() != opening(token.type())) {
                        return INVALID;
                    }
                }
                default -> { }
            }
        }
        for (Diagnostic problem : problems) {
            if (problem.isError() && !opensTripleQuotedString(code, problem)) {
                return INVALID;
            }
        }
        boolean openString = problems.stream().anyMatch(problem -> opensTripleQuotedString(code, problem));
        return open.isEmpty() && !openString ? COMPLETE : INDENT.repeat(open.size());
    }

    /** The lexer reports an unterminated """ string at its opening quotes; the user is still typing it. */
    private static boolean opensTripleQuotedString(String code, Diagnostic problem) {
        return code.startsWith(TRIPLE_QUOTE, problem.span().start());
    }

    private static TokenType opening(TokenType closing) {
        return switch (closing) {
            case RIGHT_PAREN -> TokenType.LEFT_PAREN;
            case RIGHT_BRACKET -> TokenType.LEFT_BRACKET;
            default -> TokenType.LEFT_BRACE;
        };
    }
}
