package margo.core.market;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a file's implied volatilities are percent (55.2) or decimals (0.552), decided by the bulk of its values
 * and announced with the evidence, and the outliers that disagree with the decision.
 *
 * <p>A traded volatility above 150% a year is rare and one below 1.5% unheard of, so a value above
 * {@link #BULK_THRESHOLD} reads as percent and one at most it as a decimal; the file is percent when most of its
 * values are above it. One stray value never rescales the file. Against the decision, a value below
 * {@link #BULK_THRESHOLD} in a percent file (under 1.5%) or above {@link #DECIMAL_OUTLIER} in a decimal file (over
 * 500%) is taken for a slip of the other unit: the row is kept, the value ignored (NaN), and a warning names it.
 */
final class VolatilityScale {

    /** The value that separates percent-like from decimal-like volatilities. */
    static final double BULK_THRESHOLD = 1.5;
    /** Above this, a value in a decimal file is taken for percent: 500% a year. */
    static final double DECIMAL_OUTLIER = 5.0;

    private static final String[] FIELDS = {"bid_iv", "ask_iv", "mark_iv"};

    /**
     * @param quotes   the quotes in decimals, outliers ignored
     * @param note     the decision and its evidence, or null when the unit was not decided from the data
     * @param warnings one per outlier value
     */
    record Result(List<RawQuote> quotes, String note, List<RowProblem> warnings) {
    }

    private VolatilityScale() {
    }

    /**
     * @param given      the unit the caller set, or null
     * @param documented the unit the format documents, or null
     */
    static Result toDecimals(List<RawQuote> quotes, VolatilityUnit given, VolatilityUnit documented,
                             RowProblem.Origin origin) {
        int values = 0;
        int percentLike = 0;
        for (RawQuote quote : quotes) {
            for (double value : volatilities(quote)) {
                if (value > 0) {
                    values++;
                    percentLike += value > BULK_THRESHOLD ? 1 : 0;
                }
            }
        }
        if (values == 0) {
            return new Result(quotes, null, List.of());
        }
        VolatilityUnit unit;
        String note = null;
        if (given != null) {
            unit = given;
            note = "implied volatilities read as " + label(unit) + ", as set when loading the file";
        } else if (documented != null) {
            unit = documented;
        } else {
            unit = 2 * percentLike > values ? VolatilityUnit.PERCENT : VolatilityUnit.DECIMAL;
            int agreeing = unit == VolatilityUnit.PERCENT ? percentLike : values - percentLike;
            note = String.format(Locale.ROOT, "implied volatilities read as %s: %d of %d values (%.0f%%) are %s %s",
                    label(unit), agreeing, values, 100.0 * agreeing / values,
                    unit == VolatilityUnit.PERCENT ? "above" : "at most", BULK_THRESHOLD);
        }
        List<RawQuote> decimals = new ArrayList<>(quotes.size());
        List<RowProblem> warnings = new ArrayList<>();
        for (RawQuote quote : quotes) {
            double[] volatilities = volatilities(quote);
            for (int i = 0; i < volatilities.length; i++) {
                double value = volatilities[i];
                boolean outlier = unit == VolatilityUnit.PERCENT ? value > 0 && value < BULK_THRESHOLD
                        : value > DECIMAL_OUTLIER;
                if (outlier) {
                    warnings.add(new RowProblem(quote.rowNumber(), quote.instrument(), FIELDS[i] + " " + value
                            + " would be " + percent(value * unit.toDecimal()) + " among " + unit.label()
                            + " volatilities: it looks like " + (unit == VolatilityUnit.PERCENT ? "a decimal"
                            : "percent") + ", so it is ignored", origin));
                    volatilities[i] = Double.NaN;
                } else {
                    volatilities[i] = value * unit.toDecimal();
                }
            }
            decimals.add(quote.withVolatilities(volatilities[0], volatilities[1], volatilities[2]));
        }
        return new Result(decimals, note, warnings);
    }

    private static double[] volatilities(RawQuote quote) {
        return new double[] {quote.bidIv(), quote.askIv(), quote.markIv()};
    }

    private static String label(VolatilityUnit unit) {
        return unit == VolatilityUnit.PERCENT ? "percent" : "decimals";
    }

    private static String percent(double decimal) {
        return String.format(Locale.ROOT, "%.4g%%", 100 * decimal);
    }
}
