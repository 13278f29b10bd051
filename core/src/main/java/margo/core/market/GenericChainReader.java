package margo.core.market;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import margo.core.io.MessageText;
import margo.core.io.FileFormatException;
import margo.core.pricing.OptionType;

/**
 * Reads Margo's generic option CSV, documented in {@code docs/data-formats.md}.
 *
 * <p>Required columns: {@code expiry} (a date {@code 2024-03-29}, meaning 08:00 UTC as at Deribit; an instant
 * {@code 2024-03-29T08:00:00Z}; or a Deribit date {@code 29MAR24}), {@code strike}, {@code type}
 * (C, P, call or put), {@code bid}, {@code ask}. Optional: {@code instrument}, {@code underlying} (the asset,
 * e.g. BTC), {@code forward} or {@code underlying_price} (the forward for the row's expiry, USD),
 * {@code mark}, {@code bid_iv}, {@code ask_iv}, {@code mark_iv} (decimals or percent, decided per file by
 * {@link VolatilityScale}), {@code open_interest}, {@code timestamp} (an instant; the latest plausible one,
 * {@link Timestamps}, is the valuation time unless the caller gives one). Prices are USD (linear) unless the caller
 * declares the chain inverse.
 */
final class GenericChainReader {

    private GenericChainReader() {
    }

    static RawChain read(String name, Reader content) throws IOException, FileFormatException {
        CsvFile csv = CsvFile.read(name, content, "options");
        csv.requireColumns("a generic option CSV", "expiry", "strike", "type", "bid", "ask");
        String forwardColumn = csv.has("forward") ? "forward" : "underlying_price";
        Timestamps stamps = new Timestamps("timestamp", null, "the generic schema");
        String[] underlying = {null};
        QuoteRows rows = QuoteRows.readCsv(csv, "instrument", (row, fields) -> {
            String timestamp = fields.text("timestamp");
            if (timestamp != null) {
                stamps.add(row, fields.text("instrument"), instant("timestamp", timestamp));
            }
            RawQuote quote = quote(row, fields, forwardColumn);
            if (underlying[0] == null) {
                underlying[0] = underlyingOf(fields, quote.instrument());
            }
            return quote;
        });
        return new RawChain(List.copyOf(rows.quotes), List.copyOf(rows.problems),
                stamps.warnings(RowProblem.Origin.CSV_LINE), stamps.notes(), stamps.latestPlausible(),
                underlying[0] == null ? "UNKNOWN" : underlying[0], QuoteConvention.LINEAR, null);
    }

    private static RawQuote quote(int row, RowFields fields, String forwardColumn) throws RowException {
        Instant expiry = expiry(fields.requiredText("expiry"));
        double strike = fields.requiredNumber("strike");
        OptionType type = fields.optionType("type");
        String instrument = fields.text("instrument");
        if (instrument == null) {
            instrument = syntheticName(fields.text("underlying"), expiry, strike, type);
        }
        double forward = fields.optionalNumber(forwardColumn);
        return new RawQuote(row, instrument, expiry, type, strike, fields.optionalNumber("bid"),
                fields.optionalNumber("ask"), fields.optionalNumber("mark"), forward,
                "data", fields.optionalVolatility("bid_iv"), fields.optionalVolatility("ask_iv"),
                fields.optionalVolatility("mark_iv"), fields.optionalNumber("open_interest"),
                fields.text("underlying"));
    }

    /** Reads an expiry: ISO date (08:00 UTC), ISO instant, or Deribit date. */
    static Instant expiry(String text) throws RowException {
        if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                return DeribitExpiry.expiryInstant(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                throw new RowException("expiry '" + MessageText.value(text) + "' is not a calendar date");
            }
        }
        if (text.contains("T")) {
            return instant("expiry", text);
        }
        try {
            return DeribitExpiry.expiryInstant(DeribitExpiry.parse(text));
        } catch (IllegalArgumentException e) {
            throw new RowException("expiry '" + MessageText.value(text) + "' is not a date (2024-03-29), an instant"
                    + " (2024-03-29T08:00:00Z) or a Deribit date (29MAR24)");
        }
    }

    private static Instant instant(String field, String text) throws RowException {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new RowException(field + " '" + MessageText.value(text)
                    + "' is not an instant like 2024-03-01T08:00:00Z");
        }
    }

    /** A Deribit-style name for rows without one, so every row of the chain has a label. */
    private static String syntheticName(String underlying, Instant expiry, double strike, OptionType type) {
        String asset = underlying == null ? "UNDERLYING" : underlying;
        LocalDate date = LocalDate.ofInstant(expiry, ZoneOffset.UTC);
        String dateText = expiry.equals(DeribitExpiry.expiryInstant(date)) ? DeribitExpiry.format(date)
                : expiry.toString();
        String strikeText = strike > 0 ? InstrumentName.formatStrike(strike) : Double.toString(strike);
        return asset + "-" + dateText + "-" + strikeText + "-" + (type == OptionType.CALL ? "C" : "P");
    }

    private static String underlyingOf(RowFields fields, String instrument) {
        String underlying = fields.text("underlying");
        return underlying != null ? underlying : instrument.split("-")[0];
    }
}
