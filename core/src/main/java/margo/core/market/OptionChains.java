package margo.core.market;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Loads option chains from files: Deribit book summaries (JSON or CSV), Tardis.dev {@code options_chain}
 * CSV, and Margo's generic CSV schema ({@code docs/data-formats.md}).
 */
public final class OptionChains {

    private OptionChains() {
    }

    /**
     * Reads, validates and derives an option chain.
     *
     * @param path    the file
     * @param options the format (or AUTO), and optional valuation-time and convention overrides
     * @return the chain of valid rows and a problem for every row left out
     * @throws ChainFormatException when the file cannot be read as an option chain at all: missing,
     *                              unreadable, of no known layout, without rows, without a required column,
     *                              or without a timestamp when the caller gives no valuation time
     */
    public static ChainLoad load(Path path, LoadOptions options) throws ChainFormatException {
        if (path == null) {
            throw new IllegalArgumentException("path must not be null");
        }
        if (options == null) {
            throw new IllegalArgumentException("options must not be null (use LoadOptions.DEFAULTS)");
        }
        String content = read(path, "a CSV or JSON option chain");
        String name = path.toString();
        ChainFormat format = options.format() == ChainFormat.AUTO ? detect(name, content) : options.format();
        RawChain raw = switch (format) {
            case DERIBIT_JSON -> DeribitBookSummaryReader.readJson(name, content);
            case DERIBIT_CSV -> DeribitBookSummaryReader.readCsv(name, content);
            case TARDIS_CSV -> TardisChainReader.read(name, content, options.valuationTime());
            case GENERIC_CSV -> GenericChainReader.read(name, content);
            case AUTO -> throw new IllegalStateException("detect never answers AUTO");
        };
        RowProblem.Origin origin = format == ChainFormat.DERIBIT_JSON
                ? RowProblem.Origin.JSON_ENTRY : RowProblem.Origin.CSV_LINE;
        return ChainAssembler.assemble(raw, options, path, origin);
    }

    /**
     * The layout of a file from its content: JSON (first character {@code [} or <code>{</code>) is a Deribit
     * book summary; a CSV header with {@code instrument_name} is Deribit's, one with {@code symbol},
     * {@code strike_price} and {@code expiration} is Tardis's, one with {@code expiry} and {@code strike}
     * is the generic schema.
     */
    static ChainFormat detect(String name, String content) throws ChainFormatException {
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
        if (columns.contains("expiry") && columns.contains("strike")) {
            return ChainFormat.GENERIC_CSV;
        }
        throw new ChainFormatException(name + " is not an option chain Margo knows: expected JSON from Deribit's"
                + " get_book_summary_by_currency, or a CSV whose header has instrument_name (Deribit),"
                + " symbol, strike_price and expiration (Tardis options_chain), or expiry, strike, type, bid and"
                + " ask (generic); its first line is: " + abbreviate(end < 0 ? text : text.substring(0, end)));
    }

    /**
     * The text of a data file, for {@link OptionChains} and {@link PriceHistories}.
     *
     * @param expected what the file should be, for the message when it is not text
     */
    static String read(Path path, String expected) throws ChainFormatException {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ChainFormatException("no such file: " + path);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ChainFormatException(path + " is not text (UTF-8): expected " + expected);
        } catch (IOException e) {
            throw new ChainFormatException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static String abbreviate(String line) {
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }
}
