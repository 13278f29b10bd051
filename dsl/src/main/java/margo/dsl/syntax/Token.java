package margo.dsl.syntax;

/**
 * A token and where it stands. {@code literal} holds the decoded value of a number ({@link NumberToken}),
 * a string (its text without quotes and escapes) or a date ({@link java.time.Instant}); null otherwise.
 */
public record Token(TokenType type, String lexeme, Object literal, Span span) {

    /** The decoded value of a number token: the number already scaled by its unit. */
    public record NumberToken(double value, NumberUnit unit) {}

    public boolean is(TokenType other) {
        return type == other;
    }

    /** True for an identifier spelt {@code word}, the way contextual keywords are recognised. */
    public boolean isWord(String word) {
        return type == TokenType.IDENTIFIER && lexeme.equals(word);
    }

    /** How the token is quoted in a message: {@code 'kappa'}, or the end of the line. */
    public String describe() {
        return switch (type) {
            case NEWLINE, EOF -> type.description();
            case STRING -> "a string";
            default -> "'" + lexeme + "'";
        };
    }
}
