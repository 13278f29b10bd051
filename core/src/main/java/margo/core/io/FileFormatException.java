package margo.core.io;

/**
 * A data file that cannot be read at all: empty, malformed, without a required column. The message is written
 * for users and names the file; rows with problems are reported one by one instead. Loaders of a kind of file
 * throw a subclass that names the kind, such as {@code ChainFormatException}.
 */
public class FileFormatException extends Exception {

    public FileFormatException(String message) {
        super(message);
    }

    public FileFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
