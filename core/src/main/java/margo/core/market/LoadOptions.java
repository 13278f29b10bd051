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
 * @param layout        the file's columns that do not go by the format's names ({@link ChainLayout#NONE} for none)
 */
public record LoadOptions(ChainFormat format, Instant valuationTime, QuoteConvention convention,
                          VolatilityUnit volatilityUnit, ChainLayout layout) {

    /** Detect the format; valuation time, convention and volatility unit from the data. */
    public static final LoadOptions DEFAULTS = new LoadOptions(ChainFormat.AUTO, null, null, null, ChainLayout.NONE);

    /** Options that let the data say its volatility unit. */
    public LoadOptions(ChainFormat format, Instant valuationTime, QuoteConvention convention) {
        this(format, valuationTime, convention, null, ChainLayout.NONE);
    }

    /** Options for a file whose columns go by its format's names. */
    public LoadOptions(ChainFormat format, Instant valuationTime, QuoteConvention convention,
                       VolatilityUnit volatilityUnit) {
        this(format, valuationTime, convention, volatilityUnit, ChainLayout.NONE);
    }

    public LoadOptions {
        if (format == null) {
            throw new IllegalArgumentException("format must not be null (use ChainFormat.AUTO to detect it)");
        }
        if (layout == null) {
            throw new IllegalArgumentException("layout must not be null (use ChainLayout.NONE)");
        }
    }

    /** These options with the given format. */
    public LoadOptions withFormat(ChainFormat newFormat) {
        return new LoadOptions(newFormat, valuationTime, convention, volatilityUnit, layout);
    }

    /** These options valued at the given time. */
    public LoadOptions withValuationTime(Instant time) {
        return new LoadOptions(format, time, convention, volatilityUnit, layout);
    }

    /** These options with the given quote convention. */
    public LoadOptions withConvention(QuoteConvention newConvention) {
        return new LoadOptions(format, valuationTime, newConvention, volatilityUnit, layout);
    }

    /** These options with the given volatility unit (null to decide it from the data). */
    public LoadOptions withVolatilityUnit(VolatilityUnit unit) {
        return new LoadOptions(format, valuationTime, convention, unit, layout);
    }

    /** These options reading the file's columns as {@code newLayout} maps them. */
    public LoadOptions withLayout(ChainLayout newLayout) {
        return new LoadOptions(format, valuationTime, convention, volatilityUnit, newLayout);
    }
}
