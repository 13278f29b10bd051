package margo.core.market;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** The generic schema's names: each field's own label, and underlying_price for the forward too. */
    static final FileColumns.Format FORMAT = format();

    private GenericChainReader() {
    }

    private static FileColumns.Format format() {
        Map<ChainField, List<String>> names = new EnumMap<>(ChainField.class);
        for (ChainField field : ChainField.values()) {
            names.put(field, List.of(field.label()));
        }
        names.put(ChainField.FORWARD, List.of("forward", "underlying_price"));
        return new FileColumns.Format("a generic option CSV", names, Set.of(), null, Set.of());
    }

    static RawChain read(String name, Reader content, ChainLayout layout) throws IOException, FileFormatException {
        CsvFile csv = CsvFile.read(name, content, "options");
        FileColumns columns = FileColumns.resolve(name, FORMAT, layout, csv.header());
        columns.require(ChainField.EXPIRY, ChainField.STRIKE, ChainField.TYPE, ChainField.BID, ChainField.ASK);
        String timestamp = columns.of(ChainField.TIMESTAMP);
        Timestamps stamps = new Timestamps(timestamp == null ? "timestamp" : timestamp, null, "the generic schema");
        String[] underlying = {null};
        QuoteRows rows = QuoteRows.readCsv(csv, columns.of(ChainField.INSTRUMENT), (row, fields) -> {
            Instant stamp = fields.optionalInstant(timestamp, stamps);
            if (stamp != null) {
                stamps.add(row, fields.text(columns.of(ChainField.INSTRUMENT)), stamp);
            }
            RawQuote quote = quote(row, fields, columns);
            if (underlying[0] == null) {
                underlying[0] = quote.underlying() != null ? quote.underlying() : quote.instrument().split("-")[0];
            }
            return quote;
        });
        return new RawChain(List.copyOf(rows.quotes), List.copyOf(rows.problems),
                stamps.warnings(RowProblem.Origin.CSV_LINE), stamps.notes(), stamps.latestPlausible(),
                underlying[0] == null ? "UNKNOWN" : underlying[0], QuoteConvention.LINEAR, null);
    }

    private static RawQuote quote(int row, RowFields fields, FileColumns columns) throws RowException {
        Instant expiry = expiry(columns.of(ChainField.EXPIRY), fields.requiredText(columns.of(ChainField.EXPIRY)));
        double strike = fields.requiredNumber(columns.of(ChainField.STRIKE));
        OptionType type = fields.optionType(columns.of(ChainField.TYPE));
        String underlying = fields.text(columns.of(ChainField.UNDERLYING));
        String instrument = fields.text(columns.of(ChainField.INSTRUMENT));
        if (instrument == null) {
            instrument = syntheticName(underlying, expiry, strike, type);
        }
        return new RawQuote(row, instrument, expiry, type, strike, fields.optionalNumber(columns.of(ChainField.BID)),
                fields.optionalNumber(columns.of(ChainField.ASK)), fields.optionalNumber(columns.of(ChainField.MARK)),
                fields.optionalNumber(columns.of(ChainField.FORWARD)), "data",
                fields.optionalVolatility(columns.of(ChainField.BID_IV)),
                fields.optionalVolatility(columns.of(ChainField.ASK_IV)),
                fields.optionalVolatility(columns.of(ChainField.MARK_IV)),
                fields.optionalNumber(columns.of(ChainField.OPEN_INTEREST)), underlying);
    }

    /** Reads an expiry: ISO date (08:00 UTC), ISO instant, or Deribit date. */
    static Instant expiry(String field, String text) throws RowException {
        if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                return DeribitExpiry.expiryInstant(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                throw new RowException(field + " '" + MessageText.value(text) + "' is not a calendar date");
            }
        }
        if (text.length() > 10 && Character.isDigit(text.charAt(0))) {
            return RowFields.instant(field, text);
        }
        try {
            return DeribitExpiry.expiryInstant(DeribitExpiry.parse(text));
        } catch (IllegalArgumentException e) {
            throw new RowException(field + " '" + MessageText.value(text) + "' is not a date (2024-03-29), an instant"
                    + " (2024-03-29T08:00:00Z) or a Deribit date (29MAR24)");
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
}
