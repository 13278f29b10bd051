package margo.core.margin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import margo.core.io.DataFile;
import margo.core.io.FileFormatException;
import margo.core.io.MessageText;
import margo.core.market.CsvFile;
import margo.core.market.InstrumentName;
import margo.core.market.RowProblem;

/**
 * Reads a book of positions and collateral by account from CSV ({@code examples/data/book.csv}), with the
 * quoting, line ends and byte order mark of {@link CsvFile}.
 *
 * <p>Columns (header required, any order, names case-insensitive):
 * <ul>
 *   <li>{@code account} — the account's name;</li>
 *   <li>{@code instrument} — a Deribit instrument name ({@code BTC-29MAR24-60000-C}, {@code BTC-29MAR24},
 *       {@code BTC-PERPETUAL}, {@code BTC_USDC-PERPETUAL}) for a position, or a bare currency ({@code BTC},
 *       {@code USDC}) for a collateral holding;</li>
 *   <li>{@code size} — the position in coin, positive long, negative short; for collateral the amount held;</li>
 *   <li>{@code average_price} — the entry price (coin per option for inverse options, USD per coin for futures);
 *       optional for options, required for futures; empty for collateral;</li>
 *   <li>{@code haircut} (optional column) — the collateral's IM haircut as a fraction, empty for 0;</li>
 *   <li>{@code margin_group} (optional column) — empty for the account's cross-margin pool; a label puts the row
 *       in an isolated group with the collateral rows of the same label.</li>
 * </ul>
 * Every row is checked against the market: an unknown or malformed instrument, an expired option, an instrument
 * without a forward or mark IV, an unparseable size, a missing futures entry price, a non-positive or unpriced
 * collateral, a group with positions and no collateral: each gives a {@link RowProblem} with the line number and
 * the reason, and the row (or group) is left out; nothing is dropped silently.
 *
 * <p>A row identical to an earlier one, field for field, is kept (two equal trades are possible) and counted, but
 * warned about with both line numbers, since a row pasted twice doubles a position without a trace.
 */
public final class BookCsv {

    private static final List<String> REQUIRED = List.of("account", "instrument", "size", "average_price");

    private BookCsv() {
    }

    /** {@link #load(Path, PositionPricer, long)} with files up to {@link DataFile#DEFAULT_MAX_BYTES}. */
    public static BookLoad load(Path path, PositionPricer pricer) throws BookFormatException {
        return load(path, pricer, DataFile.DEFAULT_MAX_BYTES);
    }

    /**
     * Reads and checks a book file against the pricer's market, streaming the file.
     *
     * @param maxBytes the largest file read ({@link DataFile})
     * @throws BookFormatException when the file is missing, not a regular file, unreadable, too large, empty,
     *                             without a position, or without a required column
     */
    public static BookLoad load(Path path, PositionPricer pricer, long maxBytes) throws BookFormatException {
        if (path == null) {
            throw new IllegalArgumentException("path must not be null");
        }
        try (BufferedReader content = DataFile.open(path, maxBytes)) {
            return read(path.toString(), content, pricer);
        } catch (IOException unreadable) {
            throw new BookFormatException("cannot read " + path + ": " + DataFile.reason(unreadable), unreadable);
        }
    }

    /** Reads and checks a book given as text; {@code name} names it in messages. */
    public static BookLoad parse(String name, String content, PositionPricer pricer) throws BookFormatException {
        if (content == null) {
            throw new IllegalArgumentException("content must not be null");
        }
        try {
            return read(name, new StringReader(content), pricer);
        } catch (IOException impossible) {
            throw new IllegalStateException("a StringReader does not fail", impossible);
        }
    }

    /**
     * Reads and checks the rows of some accounts of a book file, gathered elsewhere with their line numbers in the
     * file (a distributed engine's part of the book): the accounts come in the order of their first record, as
     * {@link #load} orders them, and problems name the lines of the whole file.
     *
     * @param header the file's header, as {@link #header} read it, or a table's column names
     * @param origin what the records' numbers count: CSV lines, or the rows of a Parquet data set whose values
     *               are written as text ({@code Double.toString} of a number, empty for null)
     */
    public static BookLoad fromRecords(String name, List<String> header, List<CsvFile.Record> records,
                                       PositionPricer pricer, RowProblem.Origin origin) throws BookFormatException {
        return check(name, CsvFile.of(name, header, records), pricer, origin);
    }

    /**
     * Checks a table's column names as a book's header.
     *
     * @throws BookFormatException when a required column is missing
     */
    public static void requireColumns(String name, List<String> columns) throws BookFormatException {
        requireColumns(name, CsvFile.of(name, columns, List.of()));
    }

    /**
     * The header of a book file, read from the start of its text (which may stop after the first record), checked
     * for the required columns.
     *
     * @throws BookFormatException when the text is empty, has no record, or lacks a required column
     */
    public static List<String> header(String name, Reader start) throws IOException, BookFormatException {
        CsvFile csv = csv(name, start);
        requireColumns(name, csv);
        return csv.header();
    }

    private static BookLoad read(String name, Reader content, PositionPricer pricer)
            throws IOException, BookFormatException {
        return check(name, csv(name, content), pricer, RowProblem.Origin.CSV_LINE);
    }

    private static CsvFile csv(String name, Reader content) throws IOException, BookFormatException {
        try {
            return CsvFile.read(name, content, "positions or collateral");
        } catch (FileFormatException malformed) {
            throw new BookFormatException(malformed.getMessage(), malformed);
        }
    }

    private static void requireColumns(String name, CsvFile csv) throws BookFormatException {
        for (String column : REQUIRED) {
            if (!csv.has(column)) {
                throw new BookFormatException(name + " has no column '" + column + "'; its header is "
                        + MessageText.value(String.join(",", csv.header())) + ", expected "
                        + String.join(",", REQUIRED) + "[,haircut][,margin_group]");
            }
        }
    }

    private static BookLoad check(String name, CsvFile csv, PositionPricer pricer, RowProblem.Origin origin)
            throws BookFormatException {
        if (pricer == null) {
            throw new IllegalArgumentException("pricer must not be null");
        }
        requireColumns(name, csv);
        List<RowProblem> problems = new ArrayList<>();
        List<RowProblem> warnings = new ArrayList<>();
        Map<List<String>, Integer> firstCopy = new java.util.HashMap<>();
        Map<String, Map<String, GroupRows>> accounts = new LinkedHashMap<>();
        Instruments instruments = new Instruments(pricer);
        for (CsvFile.Record record : csv.records()) {
            int lineNumber = record.lineNumber();
            String fieldCount = csv.fieldCountProblem(record);
            String instrumentText = fieldCount == null ? csv.value(record, "instrument") : null;
            try {
                if (fieldCount != null) {
                    throw new IllegalArgumentException(fieldCount);
                }
                String account = csv.value(record, "account");
                if (account.isEmpty()) {
                    throw new IllegalArgumentException("account is empty");
                }
                String label = csv.value(record, "margin_group");
                GroupRows group = accounts.computeIfAbsent(account, a -> new LinkedHashMap<>())
                        .computeIfAbsent(label, l -> new GroupRows(lineNumber));
                if (!instrumentText.contains("-")) {
                    group.collateral.add(collateral(csv, record, instrumentText, pricer));
                } else {
                    group.positions.add(position(csv, record, instruments.checked(instrumentText)));
                }
                Integer copied = firstCopy.putIfAbsent(trimmed(record.fields()), lineNumber);
                if (copied != null) {
                    warnings.add(new RowProblem(lineNumber, instrumentText, "repeats " + origin.noun() + " " + copied
                            + " exactly; both rows are counted (delete one if the trade was booked twice)", origin));
                }
            } catch (IllegalArgumentException e) {
                problems.add(new RowProblem(lineNumber, instrumentText == null || instrumentText.isEmpty()
                        ? null : instrumentText, e.getMessage(), origin));
            }
        }
        List<Account> book = new ArrayList<>();
        accounts.forEach((account, groups) -> {
            List<MarginGroup> kept = new ArrayList<>();
            groups.forEach((label, rows) -> {
                if (!rows.positions.isEmpty() && rows.collateral.isEmpty()) {
                    problems.add(new RowProblem(rows.firstLine, null, "account " + MessageText.value(account)
                            + (label.isEmpty() ? "" : " group " + MessageText.value(label)) + " has positions but no collateral (zero"
                            + " collateral); its positions are left out", origin));
                } else if (!rows.positions.isEmpty() || !rows.collateral.isEmpty()) {
                    kept.add(new MarginGroup(label, rows.positions, rows.collateral));
                }
            });
            if (!kept.isEmpty()) {
                book.add(new Account(account, kept));
            }
        });
        problems.sort(java.util.Comparator.comparingInt(RowProblem::rowNumber));
        return new BookLoad(new Book(book), problems, warnings);
    }

    private static Collateral collateral(CsvFile csv, CsvFile.Record record, String currency,
            PositionPricer pricer) {
        if (currency.isEmpty()) {
            throw new IllegalArgumentException("instrument is empty");
        }
        double amount = number("size", csv.value(record, "size"));
        if (!(amount > 0)) {
            throw new IllegalArgumentException("collateral amount must be positive, not " + amount + " (zero collateral)");
        }
        String haircutText = csv.value(record, "haircut");
        double haircut = haircutText.isEmpty() ? 0.0 : number("haircut", haircutText);
        Collateral collateral = new Collateral(currency, amount, haircut);
        Collateral.usdPrice(collateral.currency(), pricer);
        return collateral;
    }

    private static Position position(CsvFile csv, CsvFile.Record record, Instrument checked) {
        InstrumentName instrument = checked.named();
        double size = number("size", csv.value(record, "size"));
        if (size == 0) {
            throw new IllegalArgumentException("size is 0; leave closed positions out of the book");
        }
        String priceText = csv.value(record, "average_price");
        boolean option = instrument instanceof InstrumentName.Option;
        if (priceText.isEmpty() && !option) {
            throw new IllegalArgumentException("average_price is missing; futures and perpetuals need their entry price");
        }
        double averagePrice = priceText.isEmpty() ? Double.NaN : number("average_price", priceText);
        if (checked.noPrice() != null) {
            throw new IllegalArgumentException(checked.noPrice());
        }
        return new Position(instrument, size, averagePrice);
    }

    /** An instrument the market can price, and why a position in it is still left out when it has no price. */
    private record Instrument(InstrumentName named, String noPrice) {
    }

    /**
     * The instruments of one read, each parsed and checked against the market once: a book names a few hundred
     * instruments in millions of rows, and every position of one instrument then holds the same object (which
     * {@link CachingPricer} looks up by identity).
     */
    private static final class Instruments {
        private final PositionPricer pricer;
        private final Map<String, Object> checked = new java.util.HashMap<>();

        Instruments(PositionPricer pricer) {
            this.pricer = pricer;
        }

        /** The instrument the text names, or why a row naming it is left out. */
        Instrument checked(String text) {
            Object known = checked.computeIfAbsent(text, this::check);
            if (known instanceof String problem) {
                throw new IllegalArgumentException(problem);
            }
            return (Instrument) known;
        }

        private Object check(String text) {
            InstrumentName instrument;
            try {
                instrument = InstrumentName.parse(text);
            } catch (IllegalArgumentException e) {
                return "unknown instrument: " + e.getMessage();
            }
            String unpriceable = pricer.whyNotPriceable(instrument);
            if (unpriceable != null) {
                return unpriceable;
            }
            double value = pricer.unitValue(instrument);
            return new Instrument(instrument, Double.isFinite(value) ? null
                    : "no price: the market gives " + value + " for " + instrument.text());
        }
    }

    private static List<String> trimmed(List<String> fields) {
        List<String> out = new ArrayList<>(fields.size());
        for (String field : fields) {
            out.add(field.trim());
        }
        return out;
    }

    private static double number(String column, String text) {
        try {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + MessageText.value(text) + "' is not a number");
        }
    }

    /** The rows of one account's group while the file is read. */
    private static final class GroupRows {
        final int firstLine;
        final List<Position> positions = new ArrayList<>();
        final List<Collateral> collateral = new ArrayList<>();

        GroupRows(int firstLine) {
            this.firstLine = firstLine;
        }
    }
}
