package margo.kernel;

import java.util.ArrayList;
import margo.dsl.syntax.Lexer;
import margo.dsl.syntax.Parser;
import margo.dsl.syntax.SourceFile;
import margo.dsl.syntax.Token;

/**
 * Jupyter's is_complete for a cell (consoles use it to decide whether Enter runs the cell or opens a new line),
 * answered by the language's own parser: a cell that parses is complete; one whose every syntax error was found at
 * the end of the text ({@link Parser.ParseResult#endsTooSoon}: a bracket, block or triple-quoted string still open,
 * {@code let x = 1 +} waiting for its operand) is incomplete; any other syntax error makes it invalid, since no
 * further line can mend it. Names and types are not checked here: an unknown name is a mistake to run and see.
 */
final class CellCompleteness {

    /** Jupyter's is_complete status for a cell that can run as it is. */
    static final String COMPLETE = "complete";
    /** Jupyter's is_complete status for a cell that no more lines can make right. */
    static final String INVALID = "invalid";
    private static final String INDENT = "  ";

    private CellCompleteness() {
    }

    /** {@link #COMPLETE}, {@link #INVALID}, or the indent of the next line: two spaces per bracket left open. */
    static String of(String code) {
        SourceFile source = new SourceFile("cell", code);
        Parser.ParseResult parsed = Parser.parse(source);
        if (!parsed.hasErrors()) {
            return COMPLETE;
        }
        if (!parsed.endsTooSoon()) {
            return INVALID;
        }
        int open = 0;
        for (Token token : Lexer.scan(source, new ArrayList<>())) {
            switch (token.type()) {
                case LEFT_PAREN, LEFT_BRACKET, LEFT_BRACE -> open++;
                case RIGHT_PAREN, RIGHT_BRACKET, RIGHT_BRACE -> open = Math.max(0, open - 1);
                default -> { }
            }
        }
        return INDENT.repeat(open);
    }
}
