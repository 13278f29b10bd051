package margo.core.market;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a history of implied volatility: a CSV of a time and an at-the-money implied vol, or a volatility index such
 * as Deribit's DVOL (a 30-day implied vol, whose close is the value), with every row check of a price history
 * ({@link PriceHistories}). Whether the file writes percent (55.2) or decimals (0.552) is decided by most of its
 * values, as for chains: above {@value #PERCENT_THRESHOLD} reads as percent. A value that disagrees with the
 * decision (under 1.5% in a percent file, over 500% in a decimal one) is taken for a slip of the other unit and left
 * out with a warning, since one such value would be a move of a hundredfold.
 */
public final class ImpliedVolatilityHistories {

    /** The column names an implied vol is detected from, in order. */
    public static final List<String> VOL_NAMES = List.of("atm_vol", "atm_iv", "iv", "vol", "implied_vol",
            "volatility", "dvol", "close", "value");
    /** The value that separates percent-like from decimal-like vols. */
    static final double PERCENT_THRESHOLD = 1.5;
    /** Above this, a value in a decimal file is taken for percent: 500% a year. */
    static final double DECIMAL_OUTLIER = 5.0;

    private ImpliedVolatilityHistories() {
    }

    /**
     * A loaded implied-vol history.
     *
     * @param vols     the vols as decimals (0.552 for 55.2%), one per usable row in time order
     * @param unit     the unit the file was read in
     * @param unitNote how the unit was decided, with the evidence
     * @param warnings every row left out, repaired or suspicious, with its line
     * @param dropped  each value left out for disagreeing with the unit, naming its time
     * @param columns  the columns read, as the file names them: time, then the vol
     */
    public record Load(PriceHistory vols, VolatilityUnit unit, String unitNote, List<HistoryWarning> warnings,
                       List<String> dropped, List<String> columns) {

        public Load {
            warnings = List.copyOf(warnings);
            dropped = List.copyOf(dropped);
            columns = List.copyOf(columns);
        }
    }

    /**
     * @param time     the time column, or null to detect it as a price history's
     * @param vol      the vol column, or null to detect it from {@link #VOL_NAMES}
     * @param unit     the unit the caller sets, or null to decide it from the values
     * @param maxBytes the largest file read
     * @throws HistoryFormatException when the file cannot be read, lacks the columns, or has fewer than two usable
     *                                rows (also after the values in the wrong unit are left out)
     */
    public static Load load(Path path, String time, String vol, VolatilityUnit unit, long maxBytes)
            throws HistoryFormatException {
        HistoryLoad load = PriceHistories.load(path, new HistoryColumns(time, null, null, null, vol, null), maxBytes,
                "vol", VOL_NAMES);
        PriceHistory read = load.history();
        double[] values = read.closes();
        int percentLike = 0;
        for (double value : values) {
            percentLike += value > PERCENT_THRESHOLD ? 1 : 0;
        }
        VolatilityUnit decided = unit != null ? unit
                : 2 * percentLike > values.length ? VolatilityUnit.PERCENT : VolatilityUnit.DECIMAL;
        int agreeing = decided == VolatilityUnit.PERCENT ? percentLike : values.length - percentLike;
        String note = unit != null ? "implied vols read as " + unit.label() + ", as set"
                : String.format(Locale.ROOT, "implied vols read as %s: %d of %d values (%.0f%%) are %s %s",
                        decided == VolatilityUnit.PERCENT ? "percent" : "decimals", agreeing, values.length,
                        100.0 * agreeing / values.length, decided == VolatilityUnit.PERCENT ? "above" : "at most",
                        PERCENT_THRESHOLD);
        long[] seconds = read.epochSeconds();
        List<Long> keptSeconds = new ArrayList<>(values.length);
        List<Double> keptVols = new ArrayList<>(values.length);
        List<String> dropped = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            boolean outlier = decided == VolatilityUnit.PERCENT ? values[i] < PERCENT_THRESHOLD
                    : values[i] > DECIMAL_OUTLIER;
            if (outlier) {
                dropped.add(Instant.ofEpochSecond(seconds[i]) + ": " + values[i] + " among " + decided.label()
                        + " vols looks like " + (decided == VolatilityUnit.PERCENT ? "a decimal" : "percent")
                        + " (left out)");
            } else {
                keptSeconds.add(seconds[i]);
                keptVols.add(values[i] * decided.toDecimal());
            }
        }
        if (keptVols.size() < 2) {
            throw new HistoryFormatException(path + " has " + keptVols.size() + " implied vol"
                    + (keptVols.size() == 1 ? "" : "s") + " in its unit; a history needs at least two");
        }
        PriceHistory vols = new PriceHistory(read.name(), keptSeconds.stream().mapToLong(Long::longValue).toArray(),
                null, null, null, keptVols.stream().mapToDouble(Double::doubleValue).toArray(), null, read.bar(),
                read.weekdaysOnly());
        return new Load(vols, decided, note, load.warnings(), dropped, load.columns());
    }
}
