package margo.core.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import margo.core.market.RowProblem;
import org.junit.jupiter.api.Test;

class BookCsvTest {

    @Test
    void sampleBookLoadsEveryAccount() {
        Book book = SampleMarket.book();
        assertEquals(List.of("covered-call", "short-strangle", "calendar", "hedged", "basis"),
                book.accounts().stream().map(Account::name).toList());
        Account basis = book.account("basis");
        assertEquals(2, basis.groups().size());
        assertTrue(basis.group("perp-hedge").isolated());
        assertEquals(0.01, book.account("short-strangle").group("").collateral().get(1).haircut());
    }

    @Test
    void badRowsAreReportedWithLineNumberAndReasonAndGoodRowsKept() throws BookFormatException {
        String csv = String.join("\n",
                "account,instrument,size,average_price,haircut,margin_group",
                "a,BTC,1,,0,",                                    // 2 ok
                "a,BTC-29MAR24-70000-C,-1,0.03,,",                // 3 ok
                "a,BTC-29MAR24-70000-X,-1,0.03,,",                // 4 malformed instrument
                "a,ETH-29MAR24-3000-C,-1,0.03,,",                 // 5 another coin
                "a,BTC-23FEB24-60000-C,-1,0.03,,",                // 6 expired
                "a,BTC-27DEC24-60000-C,-1,0.03,,",                // 7 no forward / IV for the expiry
                "a,BTC-29MAR24-60000-C,abc,0.03,,",               // 8 unparseable size
                "a,BTC-PERPETUAL,2,,,",                           // 9 future without entry price
                "a,USDC,0,,0,",                                   // 10 zero collateral
                "a,EUR,100,,0,",                                  // 11 unpriced collateral
                "a,BTC,1,,0",                                     // 12 wrong field count
                "b,BTC-29MAR24-60000-P,-1,0.05,,",                // 13 account without collateral
                "");
        BookLoad load = BookCsv.parse("test.csv", csv, SampleMarket.PRICER);
        List<RowProblem> problems = load.problems();
        assertEquals(List.of(4, 5, 6, 7, 8, 9, 10, 11, 12, 13), problems.stream().map(RowProblem::rowNumber).toList());
        assertTrue(problems.get(0).message().startsWith("line 4 (BTC-29MAR24-70000-X): unknown instrument"),
                problems.get(0).message());
        assertTrue(problems.get(1).reason().contains("no market data for ETH"), problems.get(1).reason());
        assertTrue(problems.get(2).reason().startsWith("expired"), problems.get(2).reason());
        assertTrue(problems.get(3).reason().contains("no forward price for expiry 2024-12-27"), problems.get(3).reason());
        assertEquals("size 'abc' is not a number", problems.get(4).reason());
        assertTrue(problems.get(5).reason().contains("average_price is missing"), problems.get(5).reason());
        assertTrue(problems.get(6).reason().contains("zero collateral"), problems.get(6).reason());
        assertTrue(problems.get(7).reason().contains("no USD price for collateral currency EUR"), problems.get(7).reason());
        assertTrue(problems.get(8).reason().contains("has 5 fields but the header has 6"), problems.get(8).reason());
        assertTrue(problems.get(9).reason().contains("account b has positions but no collateral"),
                problems.get(9).reason());
        Account a = load.book().account("a");
        assertEquals(1, a.positions().size());
        assertEquals(1, a.group("").collateral().size());
        assertEquals(1, load.book().accounts().size());
    }

    @Test
    void identicalRowsAreCountedAndWarnedAboutWithBothLineNumbers() throws BookFormatException {
        String csv = String.join("\n",
                "account,instrument,size,average_price,haircut,margin_group",
                "a,BTC,1,,0,",
                "a,BTC-29MAR24-70000-C,-1,0.03,,",
                "a,BTC-29MAR24-70000-C,-1,0.03,,",
                "a,BTC-29MAR24-70000-C,-2,0.03,,",
                "a,BTC-29MAR24-70000-C,-1,0.03,,",
                "");
        BookLoad load = BookCsv.parse("book.csv", csv, SampleMarket.PRICER);
        assertEquals(List.of(), load.problems());
        assertEquals(List.of(
                        "line 4 (BTC-29MAR24-70000-C): repeats line 3 exactly; both rows are counted (delete one if"
                                + " the trade was booked twice)",
                        "line 6 (BTC-29MAR24-70000-C): repeats line 3 exactly; both rows are counted (delete one if"
                                + " the trade was booked twice)"),
                load.warnings().stream().map(RowProblem::message).toList());
        double held = load.book().account("a").positions().stream().mapToDouble(Position::size).sum();
        assertEquals(-5, held, 0.0, "every row counts, the copies included");
    }

    @Test
    void positionsInOneInstrumentHoldOneInstrumentObject() {
        java.util.Map<margo.core.market.InstrumentName, margo.core.market.InstrumentName> first = new java.util.HashMap<>();
        int shared = 0;
        for (Account account : SampleMarket.book().accounts()) {
            for (Position position : account.positions()) {
                margo.core.market.InstrumentName seen = first.putIfAbsent(position.instrument(), position.instrument());
                if (seen != null) {
                    assertSame(seen, position.instrument(), position.instrument().text());
                    shared++;
                }
            }
        }
        assertTrue(shared > 0, "the sample book holds some instrument in more than one position");
    }

    @Test
    void missingRequiredColumnFailsTheWholeFile() {
        BookFormatException e = assertThrows(BookFormatException.class,
                () -> BookCsv.parse("x.csv", "account,instrument,size\na,BTC,1\n", SampleMarket.PRICER));
        assertTrue(e.getMessage().contains("no column 'average_price'"), e.getMessage());
    }

    @Test
    void quotedFieldsAndCrlfLineEndsReadLikePlainOnes() throws BookFormatException {
        String csv = "\uFEFF\"account\",instrument,size,average_price\r\n"
                + "\"desk, north\",BTC,\"1\",\r\n"
                + "\"desk, north\",\"BTC-29MAR24-70000-C\",-1,0.03\r\n";
        BookLoad load = BookCsv.parse("quoted.csv", csv, SampleMarket.PRICER);
        assertEquals(List.of(), load.problems());
        assertEquals(1, load.book().account("desk, north").positions().size());
    }

    @Test
    void aBookWithAHeaderAndNoRowsIsAnErrorNotAnEmptyBook() {
        BookFormatException e = assertThrows(BookFormatException.class,
                () -> BookCsv.parse("x.csv", "account,instrument,size,average_price\n\n", SampleMarket.PRICER));
        assertEquals("x.csv has a header but no rows of positions or collateral", e.getMessage());
    }
}
