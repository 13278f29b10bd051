package margo.core.market;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import margo.core.io.DataFile;
import margo.core.io.FileFormatException;
import margo.core.io.MessageText;

/**
 * Loads option chains from files: Deribit book summaries (JSON or CSV), Tardis.dev {@code options_chain}
 * CSV, Cboe's delayed quotes, and Margo's generic CSV schema ({@code docs/data-formats.md}).
 */
public final class OptionChains {

    private OptionChains() {
    }

    /** The first characters of a file {@link #detect} looks at. */
    private static final int HEAD = 1 << 16;

    /** {@link #load(Path, LoadOptions, long)} with files up to {@link DataFile#DEFAULT_MAX_BYTES}. */
    public static ChainLoad load(Path path, LoadOptions options) throws ChainFormatException {
        return load(path, options, DataFile.DEFAULT_MAX_BYTES);
    }

    /**
     * Reads, validates and derives an option chain, streaming the file.
     *
     * @param path     the file
     * @param options  the format (or AUTO), and optional valuation-time and convention overrides
     * @param maxBytes the largest file read ({@link DataFile})
     * @return the chain of valid rows and a problem for every row left out
     * @throws ChainFormatException when the file cannot be read as an option chain at all: missing, not a
     *                              regular file, unreadable, too large, of no known layout, without rows,
     *                              without a required column, or without a timestamp when the caller gives
     *                              no valuation time
     */
    public static ChainLoad load(Path path, LoadOptions options, long maxBytes) throws ChainFormatException {
        return load(path, options, maxBytes, null);
    }

    /**
     * As {@link #load(Path, LoadOptions, long)}, valued at {@code fallbackTime} when neither the options nor the data
     * give a valuation time (a snapshot whose time is in its file name).
     */
    static ChainLoad load(Path path, LoadOptions options, long maxBytes, Instant fallbackTime)
            throws ChainFormatException {
        if (path == null) {
            throw new IllegalArgumentException("path must not be null");
        }
        if (options == null) {
            throw new IllegalArgumentException("options must not be null (use LoadOptions.DEFAULTS)");
        }
        String name = path.toString();
        ChainFormat format;
        RawChain raw;
        try (BufferedReader content = DataFile.open(path, maxBytes)) {
            format = options.format() == ChainFormat.AUTO ? detect(name, head(content), options.layout())
                    : options.format();
            ChainLayout layout = options.layout();
            raw = switch (format) {
                case DERIBIT_JSON -> DeribitBookSummaryReader.readJson(name, content, layout);
                case DERIBIT_CSV -> DeribitBookSummaryReader.readCsv(name, content, layout);
                case TARDIS_CSV -> TardisChainReader.read(name, content, options.valuationTime(), layout);
                case CBOE_CSV -> CboeQuoteReader.read(name, content, options.valuationTime(), layout);
                case GENERIC_CSV -> GenericChainReader.read(name, content, layout);
                case AUTO -> throw new IllegalStateException("detect never answers AUTO");
            };
        } catch (ChainFormatException unreadable) {
            throw unreadable;
        } catch (FileFormatException malformed) {
            throw new ChainFormatException(malformed.getMessage(), malformed);
        } catch (IOException unreadable) {
            throw new ChainFormatException("cannot read " + path + ": " + DataFile.reason(unreadable), unreadable);
        }
        RowProblem.Origin origin = format == ChainFormat.DERIBIT_JSON
                ? RowProblem.Origin.JSON_ENTRY : RowProblem.Origin.CSV_LINE;
        return ChainAssembler.assemble(raw, options, path, origin, fallbackTime);
    }

    /**
     * The layout of a file from its content: JSON (first character {@code [} or <code>{</code>) is a Deribit
     * book summary; a CSV header with {@code instrument_name} is Deribit's, one with {@code symbol},
     * {@code strike_price} and {@code expiration} is Tardis's, one with {@code expiry} and {@code strike}
     * is the generic schema, as is one whose layout maps the expiry and strike to columns it has.
     */
    static ChainFormat detect(String name, String content, ChainLayout layout) throws ChainFormatException {
        String text = content.stripLeading();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1).stripLeading();
        }
        if (text.isEmpty()) {
            throw new ChainFormatException(name + " is empty");
        }
        if (text.startsWith("{") || text.startsWith("[")) {
            return ChainFormat.DERIBIT_JSON;
        }
        if (CboeQuoteReader.recognises(text)) {
            return ChainFormat.CBOE_CSV;
        }
        int end = text.indexOf('\n');
        String header = (end < 0 ? text : text.substring(0, end)).toLowerCase(Locale.ROOT);
        java.util.Set<String> columns = new java.util.HashSet<>();
        for (String column : header.split(",")) {
            columns.add(column.trim().replace("\"", ""));
        }
        if (columns.contains("instrument_name")) {
            return ChainFormat.DERIBIT_CSV;
        }
        if (columns.contains("symbol") && columns.contains("strike_price") && columns.contains("expiration")) {
            return ChainFormat.TARDIS_CSV;
        }
        for (ChainField field : List.of(ChainField.EXPIRY, ChainField.STRIKE)) {
            if (layout.column(field) != null && columns.contains(layout.column(field).toLowerCase(Locale.ROOT))) {
                columns.add(field.label());
            }
        }
        if (columns.contains("expiry") && columns.contains("strike")) {
            return ChainFormat.GENERIC_CSV;
        }
        throw new ChainFormatException(name + " is not an option chain Margo knows: expected JSON from Deribit's"
                + " get_book_summary_by_currency, or a CSV whose header has instrument_name (Deribit),"
                + " symbol, strike_price and expiration (Tardis options_chain), Cboe's delayed quotes (a line"
                + " Expiration Date,Calls,...,Strike,Puts,...), or expiry, strike, type, bid and"
                + " ask (generic); its first line is: " + MessageText.value(end < 0 ? text : text.substring(0, end)));
    }

    /** Up to {@link #HEAD} characters from the start of {@code reader}, which is then reset to its start. */
    static String head(BufferedReader reader) throws IOException {
        char[] head = new char[HEAD];
        reader.mark(HEAD);
        int length = 0;
        for (int n = 0; n >= 0 && length < HEAD; n = reader.read(head, length, HEAD - length)) {
            length += n;
        }
        reader.reset();
        return new String(head, 0, length);
    }
}
