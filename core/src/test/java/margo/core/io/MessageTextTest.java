package margo.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MessageTextTest {

    @Test
    void terminalEscapeSequencesAreWrittenAsVisibleEscapes() {
        assertEquals("\\x1B[31mred\\x1B[0m", MessageText.escape("\u001B[31mred\u001B[0m"));
        assertEquals("a\\nb\\rc\\td\\x7F\\x9B", MessageText.escape("a\nb\rc\td\u007F\u009B"));
    }

    @Test
    void bidirectionalControlsThatReorderTextAreEscaped() {
        assertEquals("BTC\\u202Eevil\\u2066", MessageText.escape("BTC\u202Eevil\u2066"));
    }

    @Test
    void printableTextIsUnchangedAndEscapingTwiceChangesNothing() {
        String text = "C:\\data\\chain.csv, 60 000 €, 行情 😀";
        assertEquals(text, MessageText.escape(text));
        String once = MessageText.escape("x\u001B]0;title\u0007y");
        assertEquals(once, MessageText.escape(once));
    }

    @Test
    void aLoneSurrogateIsEscapedAndAPairKept() {
        assertEquals("a\\uD83Db", MessageText.escape("a\uD83Db"));
        assertEquals("😀", MessageText.escape("😀"));
    }

    @Test
    void aLongValueKeepsItsStartAndItsLength() {
        String field = "9".repeat(10 * 1024 * 1024);
        String value = MessageText.value(field);
        assertEquals("9".repeat(MessageText.FIELD_LIMIT) + "…(10485760 characters)", value);
        assertEquals("short", MessageText.value("short"));
    }

    @Test
    void cleanCutsEveryLongWordAndTheWholeMessage() {
        String message = "size '" + "x".repeat(100_000) + "' is not a number";
        String clean = MessageText.clean(message);
        assertTrue(clean.length() < 400, clean);
        assertTrue(clean.endsWith("x…(100002 characters) is not a number"), clean);
        String spaced = "word ".repeat(10_000);
        assertTrue(MessageText.clean(spaced).length() < MessageText.MESSAGE_LIMIT + 40);
        assertFalse(MessageText.clean("a \u001B b").contains("\u001B"));
    }
}
