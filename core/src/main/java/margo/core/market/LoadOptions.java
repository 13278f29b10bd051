package margo.core.market;

import java.time.Instant;

/**
 * How to read an option-chain file.
 *
 * @param format        the file layout, or {@link ChainFormat#AUTO} to detect it
 * @param valuationTime the time the chain is valued at, overriding the data's own timestamp; null to take
 *                      it from the data
 * @param convention    whether prices are in coin or in USD, overriding the format's default; null for the
 *                      default (inverse for Deribit and Tardis Deribit/OKX data, linear for the generic schema)
 */
public record LoadOptions(ChainFormat format, Instant valuationTime, QuoteConvention convention) {

    /** Detect the format; valuation time and convention from the data. */
    public static final LoadOptions DEFAULTS = new LoadOptions(ChainFormat.AUTO, null, null);

    public LoadOptions {
        if (format == null) {
            throw new IllegalArgumentException("format must not be null (use ChainFormat.AUTO to detect it)");
        }
    }

    /** These options with the given format. */
    public LoadOptions withFormat(ChainFormat newFormat) {
        return new LoadOptions(newFormat, valuationTime, convention);
    }

    /** These options valued at the given time. */
    public LoadOptions withValuationTime(Instant time) {
        return new LoadOptions(format, time, convention);
    }

    /** These options with the given quote convention. */
    public LoadOptions withConvention(QuoteConvention newConvention) {
        return new LoadOptions(format, valuationTime, newConvention);
    }
}
