package margo.core.market;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class YearFractionTest {

    @Test
    void threeHundredSixtyFiveDaysIsOneYearEvenAcrossALeapDay() {
        assertEquals(1.0, YearFraction.act365(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-12-31T00:00:00Z")), 0);
    }

    @Test
    void hoursCountAsFractionsOfADay() {
        assertEquals(8.0 / 24 / 365, YearFraction.act365(Instant.parse("2024-03-01T00:00:00Z"), Instant.parse("2024-03-01T08:00:00Z")), 1e-15);
    }

    @Test
    void endBeforeStartIsNegative() {
        assertEquals(-28.0 / 365, YearFraction.act365(Instant.parse("2024-03-29T08:00:00Z"), Instant.parse("2024-03-01T08:00:00Z")), 1e-15);
    }
}
