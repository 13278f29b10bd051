package margo.core.market;

import margo.core.io.FileFormatException;

/**
 * A price-history file that cannot be used at all: missing, not text, without a time or close column, or with
 * fewer than two usable rows. The message is written for users and names the file; problems of single rows are
 * {@link HistoryWarning}s instead.
 */
public final class HistoryFormatException extends FileFormatException {

    public HistoryFormatException(String message) {
        super(message);
    }

    public HistoryFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
