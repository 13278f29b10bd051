package margo.core.market;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import margo.core.io.FileFormatException;
import margo.core.pricing.OptionType;

/**
 * Reads a Tardis.dev {@code options_chain} CSV dataset (docs.tardis.dev, "Downloadable CSV files",
 * options_chain): one row per update of an option's ticker, with {@code exchange, symbol, timestamp,
 * local_timestamp} (microseconds since 1970, UTC; read in the unit their size says, {@link EpochUnit}, since
 * files in milliseconds exist), {@code type} (put or call), {@code strike_price},
 * {@code expiration} (microseconds), {@code open_interest, last_price, bid_price, bid_amount, bid_iv,
 * ask_price, ask_amount, ask_iv, mark_price, mark_iv, underlying_index, underlying_price} and greeks.
 *
 * <p>A file holds many updates per option; the chain is the latest update of each symbol at or before the
 * valuation time (the caller's, else the file's latest plausible {@code timestamp}, {@link Timestamps}). Earlier
 * updates of a symbol are
 * superseded states, not rejected rows, and rows stamped after the valuation time are not yet known then;
 * neither is reported as a problem. Tardis writes prices as the exchange does (coin for Deribit and OKX) and
 * passes implied volatilities through from the exchange; their unit is decided per file
 * ({@link VolatilityScale}).
 */
final class TardisChainReader {

    /** Tardis exchange ids whose options are quoted in USD or USDT rather than in coin. */
    private static final Set<String> LINEAR_EXCHANGES =
            Set.of("binance-options", "binance-european-options", "bybit-options");

    /** Tardis's names; the underlying only from a layout (else the symbol's first part). */
    static final FileColumns.Format FORMAT = new FileColumns.Format("a Tardis options_chain CSV", Map.ofEntries(
            Map.entry(ChainField.INSTRUMENT, List.of("symbol")),
            Map.entry(ChainField.TIMESTAMP, List.of("timestamp")),
            Map.entry(ChainField.TYPE, List.of("type")),
            Map.entry(ChainField.STRIKE, List.of("strike_price")),
            Map.entry(ChainField.EXPIRY, List.of("expiration")),
            Map.entry(ChainField.BID, List.of("bid_price")),
            Map.entry(ChainField.ASK, List.of("ask_price")),
            Map.entry(ChainField.MARK, List.of("mark_price")),
            Map.entry(ChainField.FORWARD, List.of("underlying_price")),
            Map.entry(ChainField.BID_IV, List.of("bid_iv")),
            Map.entry(ChainField.ASK_IV, List.of("ask_iv")),
            Map.entry(ChainField.MARK_IV, List.of("mark_iv")),
            Map.entry(ChainField.OPEN_INTEREST, List.of("open_interest"))),
            Set.of(ChainField.UNDERLYING), null, Set.of("exchange", "underlying_index"));

    private TardisChainReader() {
    }

    static RawChain read(String name, Reader content, Instant valuationTime, ChainLayout layout)
            throws IOException, FileFormatException {
        Updates updates = updates(name, content, layout);
        return updates.at(valuationTime != null ? valuationTime : updates.latestPlausible());
    }

    /** Every update of a file, read once: the chain at any time is taken from them ({@link Updates#at}). */
    static Updates updates(String name, Reader content, ChainLayout layout) throws IOException, FileFormatException {
        CsvFile csv = CsvFile.read(name, content, "options");
        FileColumns columns = FileColumns.resolve(name, FORMAT, layout, csv.header());
        columns.require(ChainField.INSTRUMENT, ChainField.TIMESTAMP, ChainField.TYPE, ChainField.STRIKE,
                ChainField.EXPIRY, ChainField.BID, ChainField.ASK);
        String timestamp = columns.of(ChainField.TIMESTAMP);
        Timestamps stamps = new Timestamps(timestamp, EpochUnit.MICROSECONDS, "Tardis.dev");
        Timestamps expirations = new Timestamps(columns.of(ChainField.EXPIRY), EpochUnit.MICROSECONDS, "Tardis.dev");
        String[] exchange = {null};
        QuoteRows rows = QuoteRows.readCsv(csv, columns.of(ChainField.INSTRUMENT), (row, fields) -> {
            Instant stamp = fields.optionalInstant(timestamp, stamps);
            if (stamp == null) {
                throw new RowException(timestamp + " is missing");
            }
            stamps.add(row, fields.text(columns.of(ChainField.INSTRUMENT)), stamp);
            if (exchange[0] == null) {
                exchange[0] = fields.text("exchange");
            }
            return quote(row, fields, columns, expirations);
        });
        QuoteConvention convention = exchange[0] != null
                && LINEAR_EXCHANGES.contains(exchange[0].toLowerCase(Locale.ROOT))
                ? QuoteConvention.LINEAR : QuoteConvention.INVERSE;
        List<String> notes = new java.util.ArrayList<>(stamps.notes());
        notes.addAll(expirations.notes());
        return new Updates(rows, stamps, List.copyOf(notes), convention);
    }

    /** The updates of a file with their stamps, and what was decided for the whole file. */
    static final class Updates {
        private final QuoteRows rows;
        private final Timestamps stamps;
        private final List<String> notes;
        private final QuoteConvention convention;

        private Updates(QuoteRows rows, Timestamps stamps, List<String> notes, QuoteConvention convention) {
            this.rows = rows;
            this.stamps = stamps;
            this.notes = notes;
            this.convention = convention;
        }

        /** The latest plausible stamp ({@link Timestamps}), or null when no row has one. */
        Instant latestPlausible() {
            return stamps.latestPlausible();
        }

        /** The earliest plausible stamp, or null when no row has one. */
        Instant earliestPlausible() {
            return stamps.earliestPlausible();
        }

        /** The chain at {@code cutoff}: the latest update of each symbol at or before it (none when null). */
        RawChain at(Instant cutoff) {
            Map<String, RawQuote> latestBySymbol = new LinkedHashMap<>();
            Map<String, Instant> stampBySymbol = new LinkedHashMap<>();
            for (RawQuote quote : rows.quotes) {
                Instant stamp = stamps.of(quote.rowNumber());
                Instant previous = stampBySymbol.get(quote.instrument());
                if (cutoff != null && !stamp.isAfter(cutoff) && (previous == null || !stamp.isBefore(previous))) {
                    latestBySymbol.put(quote.instrument(), quote);
                    stampBySymbol.put(quote.instrument(), stamp);
                }
            }
            List<RawQuote> quotes = List.copyOf(latestBySymbol.values());
            String underlying = quotes.isEmpty() ? "UNKNOWN" : quotes.getFirst().instrument().split("-")[0];
            return new RawChain(quotes, List.copyOf(rows.problems), stamps.warnings(RowProblem.Origin.CSV_LINE),
                    notes, cutoff, underlying, convention, null);
        }
    }

    private static RawQuote quote(int row, RowFields fields, FileColumns columns, Timestamps expirations)
            throws RowException {
        String symbol = fields.requiredText(columns.of(ChainField.INSTRUMENT));
        OptionType type = fields.optionType(columns.of(ChainField.TYPE));
        String expiration = columns.of(ChainField.EXPIRY);
        Instant expiry = fields.optionalInstant(expiration, expirations);
        if (expiry == null) {
            throw new RowException(expiration + " is missing");
        }
        String index = fields.text("underlying_index");
        return new RawQuote(row, symbol, expiry, type,
                fields.requiredNumber(columns.of(ChainField.STRIKE)), fields.optionalNumber(columns.of(ChainField.BID)),
                fields.optionalNumber(columns.of(ChainField.ASK)), fields.optionalNumber(columns.of(ChainField.MARK)),
                fields.optionalNumber(columns.of(ChainField.FORWARD)), DeribitBookSummaryReader.forwardSource(index),
                fields.optionalVolatility(columns.of(ChainField.BID_IV)),
                fields.optionalVolatility(columns.of(ChainField.ASK_IV)),
                fields.optionalVolatility(columns.of(ChainField.MARK_IV)),
                fields.optionalNumber(columns.of(ChainField.OPEN_INTEREST)), fields.text(columns.of(ChainField.UNDERLYING)));
    }
}
