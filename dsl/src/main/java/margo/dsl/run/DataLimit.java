package margo.dsl.run;

import margo.core.io.DataFile;

/**
 * The largest data file (chain, book, history) a recipe may read, and how the user raises it where they run Margo:
 * {@code margo run --max-data-size} on the command line, {@code MARGO_MAX_DATA_SIZE} in the kernel's start-up
 * environment. The second is the hint of the error a file over the limit gets, so the hint names what works
 * where the user is.
 *
 * @param maxBytes the largest data file read, bytes, &gt; 0
 * @param howToRaise the hint, such as {@code margo run --max-data-size raises the limit}
 */
public record DataLimit(long maxBytes, String howToRaise) {

    /** {@link DataFile#DEFAULT_MAX_BYTES}, which the command line's option raises. */
    public static final DataLimit DEFAULT = commandLine(DataFile.DEFAULT_MAX_BYTES);

    /**
     * The environment variable the kernel reads its limit from as it starts, a size such as {@code 2G}; the
     * kernelspec's {@code env} sets it ({@code margo kernel install --max-data-size SIZE} writes it there).
     */
    public static final String KERNEL_VARIABLE = "MARGO_MAX_DATA_SIZE";

    public DataLimit {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, not " + maxBytes);
        }
        if (howToRaise == null || howToRaise.isBlank()) {
            throw new IllegalArgumentException("howToRaise must name how to raise the limit");
        }
    }

    /** The limit {@code margo run} and {@code margo check} set with {@code --max-data-size}. */
    public static DataLimit commandLine(long maxBytes) {
        return new DataLimit(maxBytes, "margo run --max-data-size raises the limit");
    }

    /**
     * The kernel's limit from {@link #KERNEL_VARIABLE}'s value, {@link DataFile#DEFAULT_MAX_BYTES} when it is unset
     * or empty.
     *
     * @throws IllegalArgumentException naming the variable and its value when the value is not a size
     */
    public static DataLimit kernel(String value) {
        long maxBytes = DataFile.DEFAULT_MAX_BYTES;
        if (value != null && !value.isBlank()) {
            try {
                maxBytes = DataFile.parseSize(value);
            } catch (IllegalArgumentException notASize) {
                throw new IllegalArgumentException(KERNEL_VARIABLE + ": " + notASize.getMessage());
            }
        }
        return new DataLimit(maxBytes, KERNEL_VARIABLE + " in the kernel's environment raises the limit: `margo kernel"
                + " install --max-data-size SIZE` writes it into the kernelspec, then restart the kernel");
    }
}
