package margo.core.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import margo.core.pricing.OptionType;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class InstrumentNameTest {

    @Test
    void optionNameGivesUnderlyingExpiryStrikeAndType() {
        InstrumentName.Option option = InstrumentName.parseOption("BTC-29MAR24-60000-C");
        assertEquals("BTC", option.underlying());
        assertEquals(LocalDate.of(2024, 3, 29), option.expiryDate());
        assertEquals(60000.0, option.strike());
        assertEquals(OptionType.CALL, option.type());
    }

    @Test
    void optionExpiresAtEightUtcOnItsDate() {
        assertEquals(Instant.parse("2024-03-29T08:00:00Z"), InstrumentName.parseOption("BTC-29MAR24-60000-P").expiry());
    }

    @Test
    void instrumentNameWithOneDigitDayParses() {
        InstrumentName.Option option = InstrumentName.parseOption("ETH-5APR24-3500-P");
        assertEquals(LocalDate.of(2024, 4, 5), option.expiryDate());
        assertEquals(OptionType.PUT, option.type());
        assertEquals("ETH-5APR24-3500-P", option.text());
    }

    @Test
    void strikeWithDecimalWrittenAsDParses() {
        InstrumentName.Option option = InstrumentName.parseOption("XRP_USDC-30AUG24-0d55-C");
        assertEquals("XRP_USDC", option.underlying());
        assertEquals(0.55, option.strike());
        assertEquals("XRP_USDC-30AUG24-0d55-C", option.text());
    }

    @Test
    void futureAndPerpetualNamesAreRecognised() {
        InstrumentName.Future future = assertInstanceOf(InstrumentName.Future.class, InstrumentName.parse("BTC-29MAR24"));
        assertEquals(Instant.parse("2024-03-29T08:00:00Z"), future.expiry());
        assertEquals("BTC", assertInstanceOf(InstrumentName.Perpetual.class, InstrumentName.parse("BTC-PERPETUAL")).underlying());
    }

    @Test
    void unknownMonthIsNamedInTheError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InstrumentName.parse("BTC-29MRZ24-60000-C"));
        assertTrue(e.getMessage().contains("month 'MRZ'"), e.getMessage());
    }

    @Test
    void impossibleDateIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InstrumentName.parse("BTC-30FEB24-60000-C"));
        assertTrue(e.getMessage().contains("not a calendar date"), e.getMessage());
    }

    @Test
    void badStrikeAndTypeAreNamedInTheError() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> InstrumentName.parse("BTC-29MAR24-6e4-C"))
                .getMessage().contains("strike '6e4'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> InstrumentName.parse("BTC-29MAR24-60000-X"))
                .getMessage().contains("ends in 'X'"));
    }

    @Test
    void wrongNumberOfPartsSaysWhatWasExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InstrumentName.parse("BTC-29MAR24-60000"));
        assertTrue(e.getMessage().contains("has 3 dash-separated parts"), e.getMessage());
    }

    @Test
    void futureIsNotAnOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InstrumentName.parseOption("BTC-29MAR24"));
        assertTrue(e.getMessage().contains("not an option"), e.getMessage());
    }

    @Property
    void optionNamesRoundTrip(@ForAll @IntRange(min = 0, max = 3000) int dayOffset,
                              @ForAll @IntRange(min = 1, max = 500_000) int strike, @ForAll boolean call) {
        LocalDate date = LocalDate.of(2020, 1, 1).plusDays(dayOffset);
        InstrumentName.Option option = new InstrumentName.Option("BTC", date, strike, call ? OptionType.CALL : OptionType.PUT);
        assertEquals(option, InstrumentName.parse(option.text()));
    }
}
