package margo.core.market;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.HashMap;
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
 * local_timestamp} (microseconds since 1970, UTC), {@code type} (put or call), {@code strike_price},
 * {@code expiration} (microseconds), {@code open_interest, last_price, bid_price, bid_amount, bid_iv,
 * ask_price, ask_amount, ask_iv, mark_price, mark_iv, underlying_index, underlying_price} and greeks.
 *
 * <p>A file holds many updates per option; the chain is the latest update of each symbol at or before the
 * valuation time (the caller's, else the file's latest {@code timestamp}). Earlier updates of a symbol are
 * superseded states, not rejected rows, and rows stamped after the valuation time are not yet known then;
 * neither is reported as a problem. Tardis writes prices as the exchange does (coin for Deribit and OKX) and
 * passes implied volatilities through from the exchange; their unit is detected per file
 * ({@link QuoteRows#quotesWithDecimalVolatilities()}).
 */
final class TardisChainReader {

    /** Tardis exchange ids whose options are quoted in USD or USDT rather than in coin. */
    private static final Set<String> LINEAR_EXCHANGES =
            Set.of("binance-options", "binance-european-options", "bybit-options");

    private TardisChainReader() {
    }

    static RawChain read(String name, Reader content, Instant valuationTime)
            throws IOException, FileFormatException {
        CsvFile csv = CsvFile.read(name, content, "options");
        csv.requireColumns("a Tardis options_chain CSV", "symbol", "timestamp", "type", "strike_price",
                "expiration", "bid_price", "ask_price");
        Map<Integer, Long> timestamps = new HashMap<>();
        String[] exchange = {null};
        QuoteRows rows = QuoteRows.readCsv(csv, "symbol", (row, fields) -> {
            long micros = fields.optionalEpoch("timestamp");
            if (micros == Long.MIN_VALUE) {
                throw new RowException("timestamp is missing");
            }
            timestamps.put(row, micros);
            if (exchange[0] == null) {
                exchange[0] = fields.text("exchange");
            }
            return quote(row, fields);
        });
        long cutoff = valuationTime != null ? micros(valuationTime)
                : timestamps.values().stream().mapToLong(Long::longValue).max().orElse(Long.MIN_VALUE);
        Map<String, RawQuote> latestBySymbol = new LinkedHashMap<>();
        Map<String, Long> stampBySymbol = new LinkedHashMap<>();
        for (RawQuote quote : rows.quotesWithDecimalVolatilities()) {
            long stamp = timestamps.get(quote.rowNumber());
            Long previous = stampBySymbol.get(quote.instrument());
            if (stamp <= cutoff && (previous == null || stamp >= previous)) {
                latestBySymbol.put(quote.instrument(), quote);
                stampBySymbol.put(quote.instrument(), stamp);
            }
        }
        List<RawQuote> quotes = List.copyOf(latestBySymbol.values());
        String underlying = quotes.isEmpty() ? "UNKNOWN" : quotes.getFirst().instrument().split("-")[0];
        QuoteConvention convention = exchange[0] != null
                && LINEAR_EXCHANGES.contains(exchange[0].toLowerCase(Locale.ROOT))
                ? QuoteConvention.LINEAR : QuoteConvention.INVERSE;
        Instant dataTime = cutoff == Long.MIN_VALUE ? null : Instant.EPOCH.plusNanos(cutoff * 1000);
        return new RawChain(quotes, List.copyOf(rows.problems), dataTime, underlying, convention);
    }

    private static RawQuote quote(int row, RowFields fields) throws RowException {
        String symbol = fields.requiredText("symbol");
        OptionType type = fields.optionType("type");
        long expirationMicros = fields.optionalEpoch("expiration");
        if (expirationMicros == Long.MIN_VALUE) {
            throw new RowException("expiration is missing");
        }
        String index = fields.text("underlying_index");
        return new RawQuote(row, symbol, Instant.EPOCH.plusNanos(expirationMicros * 1000), type,
                fields.requiredNumber("strike_price"), fields.optionalNumber("bid_price"),
                fields.optionalNumber("ask_price"), fields.optionalNumber("mark_price"),
                fields.optionalNumber("underlying_price"), DeribitBookSummaryReader.forwardSource(index),
                fields.optionalVolatility("bid_iv"), fields.optionalVolatility("ask_iv"),
                fields.optionalVolatility("mark_iv"), fields.optionalNumber("open_interest"));
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
    }
}
