package margo.dsl.syntax;

/**
 * The kinds of token. Words such as {@code data}, {@code keep} or {@code to} are identifiers that the
 * parser reads as keywords where the grammar expects them, so that a column may still be called {@code set};
 * only the operators {@code and or not} and the literals {@code true false} are reserved everywhere (statement
 * keywords are reserved at the start of a statement: docs/language.md, "Reserved words").
 */
public enum TokenType {
    LEFT_PAREN("'('"), RIGHT_PAREN("')'"), LEFT_BRACE("'{'"), RIGHT_BRACE("'}'"),
    LEFT_BRACKET("'['"), RIGHT_BRACKET("']'"), COMMA("','"), SEMICOLON("';'"), DOT_DOT("'..'"),
    PLUS("'+'"), MINUS("'-'"), STAR("'*'"), SLASH("'/'"), CARET("'^'"), PLUS_MINUS("'+/-'"),
    EQUAL("'='"), EQUAL_EQUAL("'=='"), BANG_EQUAL("'!='"),
    LESS("'<'"), LESS_EQUAL("'<='"), GREATER("'>'"), GREATER_EQUAL("'>='"),
    AND("'and'"), OR("'or'"), NOT("'not'"), TRUE("'true'"), FALSE("'false'"),
    NUMBER("a number"), STRING("a string"), TIME("a date"), IDENTIFIER("a name"),
    NEWLINE("the end of the line"), EOF("the end of the file");

    private final String description;

    TokenType(String description) {
        this.description = description;
    }

    /** How the token is named in a message: {@code ')'}, {@code a name}, {@code the end of the line}. */
    public String description() {
        return description;
    }

    /**
     * True for tokens after which a line cannot end an expression, so the line break that follows is
     * not a statement end: {@code let x = a +} continues on the next line.
     */
    boolean continuesLine() {
        return switch (this) {
            case LEFT_PAREN, LEFT_BRACKET, LEFT_BRACE, COMMA, DOT_DOT, PLUS, MINUS, STAR, SLASH, CARET, PLUS_MINUS,
                 EQUAL, EQUAL_EQUAL, BANG_EQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL, AND, OR, NOT -> true;
            default -> false;
        };
    }
}
