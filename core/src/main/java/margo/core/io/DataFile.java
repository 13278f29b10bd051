package margo.core.io;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Opens the data files a recipe names (chains, books, histories) for streaming: only a regular file, readable,
 * no larger than a limit (by default {@link #DEFAULT_MAX_BYTES}, documented in {@code docs/data-formats.md}),
 * checked before the first byte is read, and read as UTF-8 with a leading byte order mark dropped. Named pipes
 * and devices are refused unopened, since opening a pipe waits for a writer and {@code /dev/zero} never ends.
 * Every refusal and read failure has a reason in words ({@link #reason}).
 */
public final class DataFile {

    /** The largest data file read unless the caller allows more: 512 MiB. */
    public static final long DEFAULT_MAX_BYTES = 512L << 20;

    private DataFile() {
    }

    /**
     * A file refused before or while reading; the message is the reason, e.g. {@code permission denied}, the cause
     * the system's failure where there was one (a {@link NoSuchFileException} for a missing file).
     */
    public static sealed class Refused extends IOException permits OverLimit {
        public Refused(String reason) {
            super(reason);
        }

        public Refused(String reason, IOException cause) {
            super(reason, cause);
        }
    }

    /** A file larger than the caller's limit: the one refusal a user answers by raising the limit. */
    public static final class OverLimit extends Refused {
        public OverLimit(String reason) {
            super(reason);
        }
    }

    /**
     * Why {@code path} cannot be read as a data file, or null when it can: {@code no such file}, {@code it is a
     * folder, not a file}, {@code it is a named pipe, not a regular file}, {@code permission denied} or, as an
     * {@link OverLimit}, {@code it is 2.1 GiB, over the limit of 512 MiB}. Nothing is opened.
     */
    public static Refused problem(Path path, long maxBytes) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            return new Refused(reason(e), e);
        }
        if (attributes.isDirectory()) {
            return new Refused("it is a folder, not a file");
        }
        if (!attributes.isRegularFile()) {
            return new Refused("it is " + kind(path) + ", not a regular file");
        }
        if (!Files.isReadable(path)) {
            return new Refused("permission denied");
        }
        if (attributes.size() > maxBytes) {
            return new OverLimit("it is " + size(attributes.size()) + ", over the limit of " + size(maxBytes));
        }
        return null;
    }

    /**
     * Opens {@code path} as UTF-8 text after the checks of {@link #problem}; the reader fails with {@link Refused}
     * once more than {@code maxBytes} have been read (a file that grows, or one whose size the system does not
     * know, such as those under {@code /proc}), and with a {@link CharacterCodingException} on bytes that are
     * not UTF-8.
     */
    public static BufferedReader open(Path path, long maxBytes) throws IOException {
        Refused problem = problem(path, maxBytes);
        if (problem != null) {
            throw problem;
        }
        InputStream limited = new FilterInputStream(Files.newInputStream(path)) {
            private long count;

            @Override
            public int read() throws IOException {
                int b = super.read();
                counted(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                counted(Math.max(n, 0));
                return n;
            }

            private void counted(int n) throws OverLimit {
                count += n;
                if (count > maxBytes) {
                    throw new OverLimit("it holds more than the limit of " + size(maxBytes));
                }
            }
        };
        BufferedReader reader = new BufferedReader(new InputStreamReader(limited, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        try {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
        } catch (IOException e) {
            reader.close();
            throw e;
        }
        return reader;
    }

    /** What went wrong, in words a user acts on: {@code no such file}, {@code permission denied}, ... */
    public static String reason(IOException e) {
        if (e instanceof Refused) {
            return e.getMessage();
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof CharacterCodingException) {
            return "it is not UTF-8 text";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : MessageText.clean(message);
    }

    /** A byte count for people: {@code 512 MiB}, {@code 2.1 GiB}, {@code 900 bytes}. */
    public static String size(long bytes) {
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return (value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value))
                + " " + units[unit];
    }

    /**
     * A byte count as a user writes it: digits with an optional unit {@code K}, {@code M}, {@code G} or {@code T}
     * (powers of 1024, with or without {@code iB} or {@code B}), e.g. {@code 512M} or {@code 2GiB}.
     *
     * @throws IllegalArgumentException naming the text when it is not such a size
     */
    public static long parseSize(String text) {
        String trimmed = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        int digits = 0;
        while (digits < trimmed.length() && Character.isDigit(trimmed.charAt(digits))) {
            digits++;
        }
        String unit = trimmed.substring(digits).replaceFirst("I?B$", "");
        int shift = switch (unit) {
            case "" -> 0;
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            case "T" -> 40;
            default -> -1;
        };
        if (digits == 0 || shift < 0 || digits > 15) {
            throw new IllegalArgumentException("'" + MessageText.value(text) + "' is not a size such as 512M or 2G");
        }
        long number = Long.parseLong(trimmed.substring(0, digits));
        if (number == 0 || number > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("'" + MessageText.value(text) + "' is not a positive size below 8 EiB");
        }
        return number << shift;
    }

    /** A non-regular file by its kind: a named pipe, a device, a socket (from the Unix mode where there is one). */
    private static String kind(Path path) {
        try {
            int type = ((Integer) Files.getAttribute(path, "unix:mode")) & 0170000;
            return switch (type) {
                case 0010000 -> "a named pipe";
                case 0020000, 0060000 -> "a device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a special file";
        }
    }
}
