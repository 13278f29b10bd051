package margo.core.margin;

import margo.core.io.FileFormatException;

/** A book file that cannot be read at all: missing, unreadable, empty, or without a required column. */
public final class BookFormatException extends FileFormatException {

    public BookFormatException(String message) {
        super(message);
    }

    public BookFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
