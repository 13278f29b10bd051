package margo.core.market;

import margo.core.io.FileFormatException;

/**
 * An option-chain file that cannot be read at all: missing, not CSV or JSON, without rows, or without a
 * required column. The message is written for users and names the file; rows with problems are not
 * reported this way but as {@link RowProblem}s.
 */
public final class ChainFormatException extends FileFormatException {

    public ChainFormatException(String message) {
        super(message);
    }

    public ChainFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
