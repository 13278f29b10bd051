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
 * @param volatilityUnit whether the file's implied volatilities are percent or decimals, overriding the format's
 *                      documented unit and the decision from the data; null to decide ({@link VolatilityScale})
 */
public record LoadOptions(ChainFormat format, Instant valuationTime, QuoteConvention convention,
                          VolatilityUnit volatilityUnit) {

    /** Detect the format; valuation time, convention and volatility unit from the data. */
    public static final LoadOptions DEFAULTS = new LoadOptions(ChainFormat.AUTO, null, null, null);

    /** Options that let the data say its volatility unit. */
    public LoadOptions(ChainFormat format, Instant valuationTime, QuoteConvention convention) {
        this(format, valuationTime, convention, null);
    }

    public LoadOptions {
        if (format == null) {
            throw new IllegalArgumentException("format must not be null (use ChainFormat.AUTO to detect it)");
        }
    }

    /** These options with the given format. */
    public LoadOptions withFormat(ChainFormat newFormat) {
        return new LoadOptions(newFormat, valuationTime, convention, volatilityUnit);
    }

    /** These options valued at the given time. */
    public LoadOptions withValuationTime(Instant time) {
        return new LoadOptions(format, time, convention, volatilityUnit);
    }

    /** These options with the given quote convention. */
    public LoadOptions withConvention(QuoteConvention newConvention) {
        return new LoadOptions(format, valuationTime, newConvention, volatilityUnit);
    }

    /** These options with the given volatility unit (null to decide it from the data). */
    public LoadOptions withVolatilityUnit(VolatilityUnit unit) {
        return new LoadOptions(format, valuationTime, convention, unit);
    }
}
