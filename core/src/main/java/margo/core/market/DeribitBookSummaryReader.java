package margo.core.market;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.List;
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

    private DeribitBookSummaryReader() {
    }

    /** Reads the CSV export. */
    static RawChain readCsv(String name, Reader content) throws IOException, FileFormatException {
        CsvFile csv = CsvFile.read(name, content, "options");
        csv.requireColumns("a Deribit book summary CSV", "instrument_name", "bid_price", "ask_price");
        Timestamps stamps = stamps();
        QuoteRows rows = QuoteRows.readCsv(csv, "instrument_name", (row, fields) -> quote(row, fields, stamps));
        return chain(rows, stamps, RowProblem.Origin.CSV_LINE);
    }

    /** Reads the JSON response; rows are numbered by their 1-based index in the result array. */
    static RawChain readJson(String name, Reader content) throws IOException, FileFormatException {
        JsonArray result = resultArray(name, content);
        if (result.isEmpty()) {
            throw new ChainFormatException(name + " has an empty result array: no options to load");
        }
        Timestamps stamps = stamps();
        QuoteRows rows = new QuoteRows("instrument_name", RowProblem.Origin.JSON_ENTRY);
        for (int i = 0; i < result.size(); i++) {
            JsonElement entry = result.get(i);
            if (!entry.isJsonObject()) {
                rows.reject(i + 1, null, "is not a JSON object but " + MessageText.value(entry.toString()));
                continue;
            }
            rows.read(i + 1, jsonFields(entry.getAsJsonObject()), (row, fields) -> quote(row, fields, stamps));
        }
        return chain(rows, stamps, RowProblem.Origin.JSON_ENTRY);
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
                JsonElement value = object.get(field);
                if (value == null || value.isJsonNull()) {
                    return null;
                }
                String text = value.isJsonPrimitive() ? value.getAsString().trim() : value.toString();
                return text.isEmpty() ? null : text;
            }
        };
    }

    private static Timestamps stamps() {
        return new Timestamps("creation_timestamp", EpochUnit.MILLISECONDS, "Deribit");
    }

    private static RawQuote quote(int row, RowFields fields, Timestamps stamps) throws RowException {
        long created = fields.optionalEpoch("creation_timestamp");
        if (created != Long.MIN_VALUE) {
            stamps.add(row, fields.text("instrument_name"), stamps.readEpoch(created));
        }
        String name = fields.requiredText("instrument_name");
        InstrumentName.Option option;
        try {
            option = InstrumentName.parseOption(name);
        } catch (IllegalArgumentException e) {
            throw new RowException(e.getMessage());
        }
        double underlyingPrice = fields.optionalNumber("underlying_price");
        return new RawQuote(row, name, option.expiry(), option.type(),
                option.strike(), fields.optionalNumber("bid_price"), fields.optionalNumber("ask_price"),
                fields.optionalNumber("mark_price"), underlyingPrice,
                forwardSource(fields.text("underlying_index")),
                fields.optionalVolatility("bid_iv"), fields.optionalVolatility("ask_iv"),
                fields.optionalVolatility("mark_iv"), fields.optionalNumber("open_interest"));
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

    private static RawChain chain(QuoteRows rows, Timestamps stamps, RowProblem.Origin origin) {
        String underlying = rows.quotes.isEmpty() ? "UNKNOWN" : underlyingOf(rows.quotes.getFirst().instrument());
        QuoteConvention convention = underlying.contains("_") ? QuoteConvention.LINEAR : QuoteConvention.INVERSE;
        return new RawChain(List.copyOf(rows.quotes), List.copyOf(rows.problems), stamps.warnings(origin),
                stamps.notes(), stamps.latestPlausible(), underlying, convention, VolatilityUnit.PERCENT);
    }

    private static String underlyingOf(String instrument) {
        return InstrumentName.parseOption(instrument).underlying();
    }
}
