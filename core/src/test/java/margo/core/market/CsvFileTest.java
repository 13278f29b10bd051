package margo.core.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.List;
import margo.core.io.FileFormatException;
import org.junit.jupiter.api.Test;

class CsvFileTest {

    private static CsvFile read(String text) throws Exception {
        return CsvFile.read("x.csv", new StringReader(text), "options");
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() throws Exception {
        CsvFile csv = read("name,note\n\"a,b\",\"say \"\"hi\"\"\"\n\"two\nlines\",x\nlast,y\n");
        assertEquals(List.of("a,b", "say \"hi\""), csv.records().get(0).fields());
        assertEquals(List.of("two\nlines", "x"), csv.records().get(1).fields());
        assertEquals(List.of(2, 3, 5), csv.records().stream().map(CsvFile.Record::lineNumber).toList());
    }

    @Test
    void crlfLineEndsAByteOrderMarkAndBlankLinesAreHandled() throws Exception {
        CsvFile csv = read("\uFEFFExpiry,Strike\r\n\r\n2024-03-29,60000\r\n  \r\n2024-03-29,70000");
        assertEquals(List.of("Expiry", "Strike"), csv.header());
        assertEquals(List.of(3, 5), csv.records().stream().map(CsvFile.Record::lineNumber).toList());
        assertEquals("70000", csv.value(csv.records().get(1), "strike"));
        assertEquals("", csv.value(csv.records().get(1), "bid"));
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsKeptAsWritten() throws Exception {
        assertEquals(List.of("6\" pipe", "x"), read("a,b\n6\" pipe,x\n").records().get(0).fields());
    }

    @Test
    void aQuotedFieldThatNeverClosesNamesTheLineItOpensOn() {
        FileFormatException e = assertThrows(FileFormatException.class, () -> read("a,b\n1,2\n3,\"open\n4,5\n"));
        assertEquals("x.csv line 3: a quoted field opens here and never closes", e.getMessage());
    }

    @Test
    void aHeaderWithoutRowsAndAnEmptyFileAreErrors() {
        assertEquals("x.csv has a header but no rows of options",
                assertThrows(FileFormatException.class, () -> read("a,b\n\n")).getMessage());
        assertEquals("x.csv is empty: expected a CSV header line and rows of options",
                assertThrows(FileFormatException.class, () -> read("\uFEFF\n")).getMessage());
    }

    @Test
    void aRecordWithTheWrongNumberOfFieldsSaysSo() throws Exception {
        CsvFile csv = read("a,b,c\n1,2\n");
        assertEquals("has 2 fields but the header has 3", csv.fieldCountProblem(csv.records().getFirst()));
    }
}
