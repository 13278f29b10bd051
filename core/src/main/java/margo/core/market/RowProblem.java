package margo.core.market;

import java.io.Serializable;
import margo.core.io.MessageText;

/**
 * A row of an option-chain file that was not loaded, and why.
 *
 * @param rowNumber  where the row is: for CSV the file's line number (the header is line 1); for JSON the
 *                   1-based index of the entry in the result array; {@link #origin} says which
 * @param instrument the row's instrument name when it could be read, else null
 * @param reason     what is wrong, in words a user can act on
 * @param origin     whether {@code rowNumber} counts CSV lines or JSON entries
 */
public record RowProblem(int rowNumber, String instrument, String reason, Origin origin) implements Serializable {

    /** What {@link #rowNumber} counts. */
    public enum Origin {
        /** A line of a CSV file, the header being line 1. */
        CSV_LINE("line"),
        /** An entry of a JSON result array, the first being 1. */
        JSON_ENTRY("entry"),
        /** A row of a Parquet data set, the first being 1, counting its files in the order of their paths. */
        PARQUET_ROW("row");

        private final String noun;

        Origin(String noun) {
            this.noun = noun;
        }

        /** {@code line} or {@code entry}. */
        public String noun() {
            return noun;
        }
    }

    public RowProblem {
        if (rowNumber < 1) {
            throw new IllegalArgumentException("rowNumber must be at least 1, not " + rowNumber);
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason must not be empty");
        }
        if (origin == null) {
            throw new IllegalArgumentException("origin must not be null");
        }
    }

    /** One line for users, e.g. {@code line 7 (BTC-29MAR24-60000-C): crossed market: bid 0.0130 > ask 0.0125}. */
    public String message() {
        return origin.noun() + " " + rowNumber + (instrument == null ? "" : " (" + MessageText.value(instrument) + ")") + ": " + reason;
    }
}
