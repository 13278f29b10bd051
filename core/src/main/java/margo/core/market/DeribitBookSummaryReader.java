package margo.core.market;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import margo.core.io.FileFormatException;
import margo.core.io.MessageText;
import margo.core.io.StrictJson;

/**
 * Reads Deribit's book summary, {@code public/get_book_summary_by_currency?currency=BTC&kind=option}, as
 * JSON (the JSON-RPC response or its {@code result} array) or as a CSV with the same field names.
 *
 * <p>Fields used (Deribit API v2 documentation): {@code instrument_name}; {@code bid_price},
 * {@code ask_price}, {@code mark_price} in coin for BTC and ETH options (USDC for {@code _USDC} options),
 * null when there is no quote; {@code underlying_price}, the forward Deribit prices the option against;
 * {@code underlying_index}, the future it is taken from ({@code BTC-29MAR24}), a synthetic forward
 * ({@code SYN.BTC-29MAR24}) or {@code index_price}; {@code mark_iv} (and {@code bid_iv}, {@code ask_iv}
 * when present) in PERCENT; {@code open_interest} in contracts; {@code creation_timestamp} in
 * milliseconds since 1970, the time of the summary (read in the unit its size says, {@link Timestamps}, since
 * exports in seconds exist).
 */
final class DeribitBookSummaryReader {

    /** Deribit's names; expiry, strike and type come from the instrument name, the underlying only from a layout. */
    static final FileColumns.Format CSV = format("a Deribit book summary CSV");
    static final FileColumns.Format JSON = format("a Deribit book summary JSON");

    private DeribitBookSummaryReader() {
    }

    private static FileColumns.Format format(String noun) {
        return new FileColumns.Format(noun, Map.of(
                ChainField.INSTRUMENT, List.of("instrument_name"),
                ChainField.BID, List.of("bid_price"),
                ChainField.ASK, List.of("ask_price"),
                ChainField.MARK, List.of("mark_price"),
                ChainField.FORWARD, List.of("underlying_price"),
                ChainField.BID_IV, List.of("bid_iv"),
                ChainField.ASK_IV, List.of("ask_iv"),
                ChainField.MARK_IV, List.of("mark_iv"),
                ChainField.OPEN_INTEREST, List.of("open_interest"),
                ChainField.TIMESTAMP, List.of("creation_timestamp")),
                Set.of(ChainField.UNDERLYING),
                "takes the expiry, strike and type from the instrument name (BTC-29MAR24-60000-C)",
                Set.of("underlying_index"));
    }

    /** Reads the CSV export. */
    static RawChain readCsv(String name, Reader content, ChainLayout layout) throws IOException, FileFormatException {
        CsvFile csv = CsvFile.read(name, content, "options");
        FileColumns columns = FileColumns.resolve(name, CSV, layout, csv.header());
        columns.require(ChainField.INSTRUMENT, ChainField.BID, ChainField.ASK);
        Timestamps stamps = stamps(columns);
        QuoteRows rows = QuoteRows.readCsv(csv, columns.of(ChainField.INSTRUMENT),
                (row, fields) -> quote(row, fields, columns, stamps));
        return chain(rows, stamps, RowProblem.Origin.CSV_LINE, columns);
    }

    /** Reads the JSON response; rows are numbered by their 1-based index in the result array. */
    static RawChain readJson(String name, Reader content, ChainLayout layout) throws IOException, FileFormatException {
        JsonArray result = resultArray(name, content);
        if (result.isEmpty()) {
            throw new ChainFormatException(name + " has an empty result array: no options to load");
        }
        FileColumns columns = FileColumns.resolve(name, JSON, layout, keys(result));
        Timestamps stamps = stamps(columns);
        QuoteRows rows = new QuoteRows(columns.of(ChainField.INSTRUMENT), RowProblem.Origin.JSON_ENTRY);
        for (int i = 0; i < result.size(); i++) {
            JsonElement entry = result.get(i);
            if (!entry.isJsonObject()) {
                rows.reject(i + 1, null, "is not a JSON object but " + MessageText.value(entry.toString()));
                continue;
            }
            rows.read(i + 1, jsonFields(entry.getAsJsonObject()), (row, fields) -> quote(row, fields, columns, stamps));
        }
        return chain(rows, stamps, RowProblem.Origin.JSON_ENTRY, columns);
    }

    /** Every key of the result's objects, in order of first appearance: the JSON's "columns". */
    private static Set<String> keys(JsonArray result) {
        Set<String> keys = new LinkedHashSet<>();
        for (JsonElement entry : result) {
            if (entry.isJsonObject()) {
                keys.addAll(entry.getAsJsonObject().keySet());
            }
        }
        return keys;
    }

    private static JsonArray resultArray(String name, Reader content) throws IOException, FileFormatException {
        JsonElement root = StrictJson.read(name, content);
        if (root.isJsonArray()) {
            return root.getAsJsonArray();
        }
        if (root.isJsonObject()) {
            JsonObject object = root.getAsJsonObject();
            if (object.has("error")) {
                throw new ChainFormatException(name + " holds a Deribit error response, not a book summary: "
                        + MessageText.value(object.get("error").toString()));
            }
            if (object.has("result") && object.get("result").isJsonArray()) {
                return object.getAsJsonArray("result");
            }
        }
        throw new ChainFormatException(name + " is JSON but neither a Deribit book summary response"
                + " ({\"result\": [...]}) nor its result array");
    }

    private static RowFields jsonFields(JsonObject object) {
        return new RowFields() {
            @Override
            String text(String field) {
                JsonElement value = field == null ? null : object.get(field);
                if (value == null || value.isJsonNull()) {
                    return null;
                }
                String text = value.isJsonPrimitive() ? value.getAsString().trim() : value.toString();
                return text.isEmpty() ? null : text;
            }
        };
    }

    private static Timestamps stamps(FileColumns columns) {
        return new Timestamps(columns.has(ChainField.TIMESTAMP) ? columns.of(ChainField.TIMESTAMP) : "creation_timestamp",
                EpochUnit.MILLISECONDS, "Deribit");
    }

    private static RawQuote quote(int row, RowFields fields, FileColumns columns, Timestamps stamps)
            throws RowException {
        String instrument = columns.of(ChainField.INSTRUMENT);
        String timestamp = columns.of(ChainField.TIMESTAMP);
        if (timestamp != null) {
            Instant created = fields.optionalInstant(timestamp, stamps);
            if (created != null) {
                stamps.add(row, fields.text(instrument), created);
            }
        }
        String name = fields.requiredText(instrument);
        InstrumentName.Option option;
        try {
            option = InstrumentName.parseOption(name);
        } catch (IllegalArgumentException e) {
            throw new RowException(e.getMessage());
        }
        return new RawQuote(row, name, option.expiry(), option.type(),
                option.strike(), fields.optionalNumber(columns.of(ChainField.BID)),
                fields.optionalNumber(columns.of(ChainField.ASK)), fields.optionalNumber(columns.of(ChainField.MARK)),
                fields.optionalNumber(columns.of(ChainField.FORWARD)), forwardSource(fields.text("underlying_index")),
                fields.optionalVolatility(columns.of(ChainField.BID_IV)),
                fields.optionalVolatility(columns.of(ChainField.ASK_IV)),
                fields.optionalVolatility(columns.of(ChainField.MARK_IV)),
                fields.optionalNumber(columns.of(ChainField.OPEN_INTEREST)), fields.text(columns.of(ChainField.UNDERLYING)));
    }

    /** The {@code forward_source} label for Deribit's {@code underlying_index}. */
    static String forwardSource(String underlyingIndex) {
        if (underlyingIndex == null) {
            return "data";
        }
        if (underlyingIndex.startsWith("SYN.")) {
            return "synthetic";
        }
        if (underlyingIndex.equalsIgnoreCase("index_price")) {
            return "index";
        }
        return "future";
    }

    /**
     * The chain read; its volatilities are Deribit's percent unless a layout took them from other columns, whose
     * unit is then decided from the data ({@link VolatilityScale}) unless the caller gives it.
     */
    private static RawChain chain(QuoteRows rows, Timestamps stamps, RowProblem.Origin origin, FileColumns columns) {
        boolean ownVolatilities = !columns.mapped(ChainField.BID_IV, ChainField.ASK_IV, ChainField.MARK_IV);
        String underlying = rows.quotes.isEmpty() ? "UNKNOWN" : underlyingOf(rows.quotes.getFirst().instrument());
        QuoteConvention convention = underlying.contains("_") ? QuoteConvention.LINEAR : QuoteConvention.INVERSE;
        return new RawChain(List.copyOf(rows.quotes), List.copyOf(rows.problems), stamps.warnings(origin),
                stamps.notes(), stamps.latestPlausible(), underlying, convention,
                ownVolatilities ? VolatilityUnit.PERCENT : null);
    }

    private static String underlyingOf(String instrument) {
        return InstrumentName.parseOption(instrument).underlying();
    }
}
