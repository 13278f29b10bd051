package margo.core.calibration;

import java.io.Serializable;

/**
 * A quote left out of the calibration, and why.
 *
 * @param quote the quote's index in the problem's {@link CalibrationQuotes}
 * @param reason a sentence naming the cause, such as "market value is NaN"
 */
public record QuoteExclusion(int quote, String reason) implements Serializable {
}
