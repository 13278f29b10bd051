package margo.dsl.syntax;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import margo.dsl.diagnostic.Diagnostic;

/**
 * Turns recipe text into tokens (docs/language.md, "Lexical"). Numbers carry their unit: {@code 16%} is 0.16,
 * {@code 25bp} is 0.0025 and durations are year fractions, ACT/365. A line break becomes a
 * {@link TokenType#NEWLINE} token unless it follows a token that cannot end an expression (an operator, a
 * comma, an opening bracket); the parser skips line breaks inside {@code ( )} and {@code [ ]}. Lexical errors
 * are collected, never thrown; the bad character is skipped.
 */
public final class Lexer {

    private static final double DAYS_PER_YEAR = 365.0;

    private final SourceFile source;
    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private final List<Diagnostic> diagnostics;

    private int start;
    private int current;
    private int line = 1;
    private int lineStart;
    private int startLine;
    private int startColumn;

    private Lexer(SourceFile source, List<Diagnostic> diagnostics) {
        this.source = source;
        this.text = source.text();
        this.diagnostics = diagnostics;
    }

    /** The tokens of {@code source}, ending with {@link TokenType#EOF}; problems are added to {@code diagnostics}. */
    public static List<Token> scan(SourceFile source, List<Diagnostic> diagnostics) {
        Lexer lexer = new Lexer(source, diagnostics);
        lexer.scanAll();
        return lexer.tokens;
    }

    private void scanAll() {
        while (!atEnd()) {
            markStart();
            scanToken();
        }
        markStart();
        addNewlineIfStatementOpen();
        tokens.add(new Token(TokenType.EOF, "", null, spanHere()));
    }

    private void scanToken() {
        char c = advance();
        switch (c) {
            case ' ', '\t', '\r' -> { }
            case '\n' -> newline();
            case '#' -> { while (!atEnd() && peek() != '\n') advance(); }
            case '(' -> add(TokenType.LEFT_PAREN);
            case ')' -> add(TokenType.RIGHT_PAREN);
            case '[' -> add(TokenType.LEFT_BRACKET);
            case ']' -> add(TokenType.RIGHT_BRACKET);
            case '{' -> add(TokenType.LEFT_BRACE);
            case '}' -> add(TokenType.RIGHT_BRACE);
            case ',' -> add(TokenType.COMMA);
            case ';' -> add(TokenType.SEMICOLON);
            case '+' -> {
                // "+/-" is one token, a tolerance: delta 0 +/- 0.5.
                if (peek() == '/' && peekNext() == '-') {
                    advance();
                    advance();
                    add(TokenType.PLUS_MINUS);
                } else {
                    add(TokenType.PLUS);
                }
            }
            case '-' -> add(TokenType.MINUS);
            case '*' -> add(TokenType.STAR);
            case '/' -> add(TokenType.SLASH);
            case '^' -> add(TokenType.CARET);
            case '.' -> {
                if (match('.')) {
                    add(TokenType.DOT_DOT);
                } else if (isDigit(peek())) {
                    number();
                } else {
                    error("unexpected '.'", "write a decimal as 0.5, or a range as a .. b");
                }
            }
            case '=' -> add(match('=') ? TokenType.EQUAL_EQUAL : TokenType.EQUAL);
            case '!' -> {
                if (match('=')) {
                    add(TokenType.BANG_EQUAL);
                } else {
                    error("unexpected '!'", "write 'not' for negation, or '!=' for not equal");
                }
            }
            case '<' -> add(match('=') ? TokenType.LESS_EQUAL : TokenType.LESS);
            case '>' -> add(match('=') ? TokenType.GREATER_EQUAL : TokenType.GREATER);
            case '"' -> string();
            default -> {
                if (isDigit(c)) {
                    number();
                } else if (isIdentifierStart(c)) {
                    identifier();
                } else {
                    error("unexpected character '" + c + "'", null);
                }
            }
        }
    }

    private void newline() {
        // The line break itself is the token; its span is the break's position on the line it ends.
        addNewlineIfStatementOpen();
        line++;
        lineStart = current;
    }

    private void addNewlineIfStatementOpen() {
        if (tokens.isEmpty()) {
            return;
        }
        TokenType last = tokens.getLast().type();
        if (last == TokenType.NEWLINE || last.continuesLine()) {
            return;
        }
        tokens.add(new Token(TokenType.NEWLINE, "\n", null, spanHere()));
    }

    private void identifier() {
        while (isIdentifierPart(peek())) {
            advance();
        }
        String word = text.substring(start, current);
        TokenType type = switch (word) {
            case "and" -> TokenType.AND;
            case "or" -> TokenType.OR;
            case "not" -> TokenType.NOT;
            case "true" -> TokenType.TRUE;
            case "false" -> TokenType.FALSE;
            default -> TokenType.IDENTIFIER;
        };
        add(type);
    }

    private void number() {
        if (looksLikeDate()) {
            time();
            return;
        }
        while (isDigit(peek())) advance();
        if (peek() == '.' && isDigit(peekNext())) {
            advance();
            while (isDigit(peek())) advance();
        }
        if ((peek() == 'e' || peek() == 'E')
                && (isDigit(peekNext()) || ((peekNext() == '+' || peekNext() == '-') && isDigit(peekAt(2))))) {
            advance();
            if (peek() == '+' || peek() == '-') advance();
            while (isDigit(peek())) advance();
        }
        String digits = text.substring(start, current);
        double magnitude = Double.parseDouble(digits);
        int unitStart = current;
        if (peek() == '%') {
            advance();
        } else {
            while (isIdentifierPart(peek())) advance();
        }
        String unit = text.substring(unitStart, current);
        switch (unit) {
            case "" -> addNumber(magnitude, NumberUnit.NONE);
            case "%" -> addNumber(magnitude / 100.0, NumberUnit.PERCENT);
            case "bp" -> addNumber(magnitude / 10_000.0, NumberUnit.BASIS_POINTS);
            case "ms" -> addNumber(magnitude / (DAYS_PER_YEAR * 86_400_000.0), NumberUnit.DURATION);
            case "s" -> addNumber(magnitude / (DAYS_PER_YEAR * 86_400.0), NumberUnit.DURATION);
            case "min" -> addNumber(magnitude / (DAYS_PER_YEAR * 1_440.0), NumberUnit.DURATION);
            case "h" -> addNumber(magnitude / (DAYS_PER_YEAR * 24.0), NumberUnit.DURATION);
            case "d" -> addNumber(magnitude / DAYS_PER_YEAR, NumberUnit.DURATION);
            case "w" -> addNumber(magnitude * 7.0 / DAYS_PER_YEAR, NumberUnit.DURATION);
            case "mo" -> addNumber(magnitude / 12.0, NumberUnit.DURATION);
            case "y" -> addNumber(magnitude, NumberUnit.DURATION);
            default -> error("unknown unit '" + unit + "' after " + digits,
                    "units are % and bp, and durations ms s min h d w mo y (2d is two days)");
        }
    }

    /** {@code 2024-03-29}: four digits, a dash, two digits, a dash, two digits. */
    private boolean looksLikeDate() {
        int at = start;
        for (int i = 0; i < 10; i++) {
            char c = at + i < text.length() ? text.charAt(at + i) : '\0';
            boolean dash = i == 4 || i == 7;
            if (dash ? c != '-' : !isDigit(c)) {
                return false;
            }
        }
        return true;
    }

    /** A date {@code 2024-03-29} (midnight UTC) or an instant {@code 2024-03-29T08:00Z} / {@code ...T08:00:00+01:00}. */
    private void time() {
        current = start + 10;
        boolean dateOnly = peek() != 'T';
        if (!dateOnly) {
            while (!atEnd() && (isIdentifierPart(peek()) || peek() == ':' || peek() == '+' || peek() == '-' || peek() == '.')) {
                advance();
            }
        }
        String written = text.substring(start, current);
        try {
            Instant instant = dateOnly
                    ? LocalDate.parse(written).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(written).toInstant();
            tokens.add(new Token(TokenType.TIME, written, new TimeValue(instant, dateOnly), spanHere()));
        } catch (DateTimeParseException e) {
            String hint = dateOnly ? "write a date as 2024-03-29"
                    : "write an instant with its zone, as 2024-03-29T08:00Z or 2024-03-29T08:00+01:00";
            error("'" + written + "' is not a valid " + (dateOnly ? "date" : "instant"), hint);
        }
    }

    /** The decoded value of a {@link TokenType#TIME} token. */
    public record TimeValue(Instant instant, boolean dateOnly) {}

    private void string() {
        if (peek() == '"' && peekNext() == '"') {
            advance();
            advance();
            tripleQuotedString();
            return;
        }
        StringBuilder value = new StringBuilder();
        while (!atEnd() && peek() != '"' && peek() != '\n') {
            char c = advance();
            if (c == '\\' && !atEnd()) {
                char escaped = advance();
                switch (escaped) {
                    case 'n' -> value.append('\n');
                    case 't' -> value.append('\t');
                    case '"' -> value.append('"');
                    case '\\' -> value.append('\\');
                    default -> value.append('\\').append(escaped);
                }
            } else {
                value.append(c);
            }
        }
        if (atEnd() || peek() == '\n') {
            error("unterminated string", "close it with '\"' on the same line, or use \"\"\"...\"\"\" for several lines");
            return;
        }
        advance();
        tokens.add(new Token(TokenType.STRING, text.substring(start, current), value.toString(), spanHere()));
    }

    private void tripleQuotedString() {
        int contentStart = current;
        int close = text.indexOf("\"\"\"", current);
        if (close < 0) {
            current = start + 3;
            error("unterminated \"\"\" string", "close it with \"\"\"");
            current = text.length();
            countLines(contentStart, current);
            return;
        }
        current = close + 3;
        Span span = spanHere();
        countLines(contentStart, close);
        tokens.add(new Token(TokenType.STRING, text.substring(start, current), text.substring(contentStart, close), span));
    }

    private void countLines(int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
    }

    private void addNumber(double value, NumberUnit unit) {
        tokens.add(new Token(TokenType.NUMBER, text.substring(start, current), new Token.NumberToken(value, unit), spanHere()));
    }

    private void add(TokenType type) {
        tokens.add(new Token(type, text.substring(start, current), null, spanHere()));
    }

    private void error(String message, String hint) {
        diagnostics.add(Diagnostic.error(source, spanHere(), message, hint));
    }

    private void markStart() {
        start = current;
        startLine = line;
        startColumn = current - lineStart + 1;
    }

    /** The span from the token's start to the current position (which may lie on a later line). */
    private Span spanHere() {
        int endLine = startLine;
        int endColumn = startColumn;
        for (int i = start; i < current; i++) {
            if (text.charAt(i) == '\n') {
                endLine++;
                endColumn = 1;
            } else {
                endColumn++;
            }
        }
        return new Span(startLine, startColumn, endLine, endColumn, start, current);
    }

    private char advance() {
        return text.charAt(current++);
    }

    private boolean match(char expected) {
        if (atEnd() || text.charAt(current) != expected) {
            return false;
        }
        current++;
        return true;
    }

    private char peek() {
        return peekAt(0);
    }

    private char peekNext() {
        return peekAt(1);
    }

    private char peekAt(int ahead) {
        return current + ahead < text.length() ? text.charAt(current + ahead) : '\0';
    }

    private boolean atEnd() {
        return current >= text.length();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }
}
