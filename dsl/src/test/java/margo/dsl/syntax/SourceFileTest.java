package margo.dsl.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SourceFileTest {

    @Test
    void linesAreNumberedFromOneWithoutTheirBreaks() {
        SourceFile source = new SourceFile("r.margo", "let a = 1\r\nlet b = 2\n\nshow b");
        assertEquals(List.of("let a = 1", "let b = 2", "", "show b", ""),
                List.of(source.line(1), source.line(2), source.line(3), source.line(4), source.line(5)));
        assertEquals("", source.line(0));
    }

    @Test
    void aByteOrderMarkAtTheStartIsNotPartOfTheText() {
        SourceFile source = new SourceFile("r.margo", "\uFEFFlet a = 1\n");
        assertEquals("let a = 1\n", source.text());
        assertEquals("let a = 1", source.line(1));
        assertEquals(List.of(), Parser.parse(source).diagnostics());
    }
}
