package margo.dsl.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import margo.dsl.diagnostic.Diagnostic;
import org.junit.jupiter.api.Test;

class LexerTest {

    private final List<Diagnostic> diagnostics = new ArrayList<>();

    private List<Token> scan(String text) {
        return Lexer.scan(new SourceFile("t.margo", text), diagnostics);
    }

    private Token.NumberToken number(String text) {
        Token token = scan(text).getFirst();
        assertEquals(TokenType.NUMBER, token.type(), text);
        return (Token.NumberToken) token.literal();
    }

    @Test
    void percentAndBasisPointsAreScaledToDecimals() {
        assertEquals(0.16, number("16%").value(), 1e-15);
        assertEquals(NumberUnit.PERCENT, number("16%").unit());
        assertEquals(0.0025, number("25bp").value(), 1e-15);
        assertEquals(NumberUnit.BASIS_POINTS, number("25bp").unit());
    }

    @Test
    void durationsAreYearFractionsOnAnActual365Basis() {
        assertEquals(2.0 / 365.0, number("2d").value(), 0.0);
        assertEquals(8.0 / (365.0 * 24.0), number("8h").value(), 0.0);
        assertEquals(21.0 / 365.0, number("3w").value(), 0.0);
        assertEquals(0.5, number("6mo").value(), 0.0);
        assertEquals(1.0, number("1y").value(), 0.0);
        assertEquals(NumberUnit.DURATION, number("2d").unit());
    }

    @Test
    void exponentIsPartOfTheNumberNotAUnit() {
        assertEquals(1e-8, number("1e-8").value(), 0.0);
        assertEquals(2.5e3, number("2.5E+3").value(), 0.0);
        assertTrue(diagnostics.isEmpty());
    }

    @Test
    void datesAndInstantsAreReadInUtc() {
        Token date = scan("2024-03-29").getFirst();
        assertEquals(TokenType.TIME, date.type());
        assertEquals(Instant.parse("2024-03-29T00:00:00Z"), ((Lexer.TimeValue) date.literal()).instant());
        Token instant = scan("2024-03-29T08:00+01:00").getFirst();
        assertEquals(Instant.parse("2024-03-29T07:00:00Z"), ((Lexer.TimeValue) instant.literal()).instant());
    }

    @Test
    void instantWithoutZoneIsAnErrorWithAHint() {
        scan("let t = 2024-03-29T08:00");
        assertEquals(1, diagnostics.size());
        assertEquals(9, diagnostics.getFirst().span().column());
        assertTrue(diagnostics.getFirst().hint().contains("2024-03-29T08:00Z"));
    }

    @Test
    void unknownUnitIsReportedAtTheNumber() {
        scan("let x = 5kg");
        assertEquals(1, diagnostics.size());
        assertEquals("unknown unit 'kg' after 5", diagnostics.getFirst().message());
        assertEquals(9, diagnostics.getFirst().span().column());
        assertEquals(12, diagnostics.getFirst().span().endColumn());
    }

    @Test
    void lineBreakAfterAnOperatorOrACommaIsNotAToken() {
        List<TokenType> types = scan("let x = max(1,\n 2) +\n 3\nshow x").stream().map(Token::type).toList();
        assertEquals(List.of(TokenType.IDENTIFIER, TokenType.IDENTIFIER, TokenType.EQUAL, TokenType.IDENTIFIER,
                TokenType.LEFT_PAREN, TokenType.NUMBER, TokenType.COMMA, TokenType.NUMBER, TokenType.RIGHT_PAREN,
                TokenType.PLUS, TokenType.NUMBER, TokenType.NEWLINE, TokenType.IDENTIFIER, TokenType.IDENTIFIER,
                TokenType.NEWLINE, TokenType.EOF), types);
    }

    @Test
    void commentsRunToTheEndOfTheLine() {
        List<Token> tokens = scan("let x = 1 # one\n");
        assertEquals(List.of(TokenType.IDENTIFIER, TokenType.IDENTIFIER, TokenType.EQUAL, TokenType.NUMBER,
                TokenType.NEWLINE, TokenType.EOF), tokens.stream().map(Token::type).toList());
    }

    @Test
    void tripleQuotedStringSpansLinesAndLaterTokensKeepTheirLines() {
        List<Token> tokens = scan("script js \"\"\"\nfunction f(x) { return x }\n\"\"\" exports f\nshow 1");
        Token code = tokens.get(2);
        assertEquals("\nfunction f(x) { return x }\n", code.literal());
        Token show = tokens.stream().filter(t -> t.isWord("show")).findFirst().orElseThrow();
        assertEquals(4, show.span().line());
        assertEquals(1, show.span().column());
    }

    @Test
    void unterminatedStringIsReportedAtItsQuote() {
        scan("data c = options(\"x.csv)\n");
        assertEquals("unterminated string", diagnostics.getFirst().message());
        assertEquals(18, diagnostics.getFirst().span().column());
    }

    @Test
    void spansCountColumnsFromOneOnEachLine() {
        List<Token> tokens = scan("let a = 1\n  show a");
        Token a = tokens.get(6);
        assertEquals("a", a.lexeme());
        assertEquals(2, a.span().line());
        assertEquals(8, a.span().column());
        assertEquals(9, a.span().endColumn());
    }
}
