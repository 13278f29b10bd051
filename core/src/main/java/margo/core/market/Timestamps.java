package margo.core.market;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The timestamps of a chain file's rows, checked against each other, and the valuation time they give.
 *
 * <p>One typo'd stamp (2034 for 2024) must not move the valuation time of the whole file, so the rows' stamps
 * are compared with their median (the lower middle stamp, one the file holds): a stamp more than
 * {@link #OUTLIER_WINDOW} from it is an outlier, warned about and not used. The valuation time is the latest of
 * the others. A snapshot's stamps span seconds and a Tardis.dev day file a day, well inside the window.
 *
 * <p>Integer stamps are read in the unit their size says ({@link EpochUnit}); a unit other than the format's
 * documented one (Deribit's creation_timestamp in seconds, a Tardis file in milliseconds) is stated in a note.
 */
final class Timestamps {

    /** How far from the median stamp a row's stamp may be before it is an outlier. */
    static final Duration OUTLIER_WINDOW = Duration.ofDays(3);

    private final String field;
    private final Map<Integer, Instant> byRow = new LinkedHashMap<>();
    private final Map<Integer, String> instruments = new HashMap<>();
    private final EpochUnit.Tally units;
    private Instant median;

    /**
     * @param field      the stamp's field, e.g. {@code creation_timestamp}
     * @param documented the unit the format documents for integer stamps, or null for ISO instants
     * @param format     the format's name for notes, e.g. {@code Deribit}
     */
    Timestamps(String field, EpochUnit documented, String format) {
        this.field = field;
        this.units = new EpochUnit.Tally(field, documented, format);
    }

    /** Reads a row's integer stamp in the unit its size says; the row is rejected when it fits none. */
    Instant readEpoch(long value) throws RowException {
        return units.read(value);
    }

    /** Records the stamp of a row that was read. */
    void add(int row, String instrument, Instant time) {
        byRow.put(row, time);
        instruments.put(row, instrument);
        median = null;
    }

    /** The row's stamp, or null when it has none. */
    Instant of(int row) {
        return byRow.get(row);
    }

    /** Whether the row's stamp is within {@link #OUTLIER_WINDOW} of the median stamp. */
    boolean plausible(int row) {
        Instant time = byRow.get(row);
        return time != null && Duration.between(median(), time).abs().compareTo(OUTLIER_WINDOW) <= 0;
    }

    /** The latest plausible stamp, or null when the file has none. */
    Instant latestPlausible() {
        Instant latest = null;
        for (Map.Entry<Integer, Instant> stamp : byRow.entrySet()) {
            if (plausible(stamp.getKey()) && (latest == null || stamp.getValue().isAfter(latest))) {
                latest = stamp.getValue();
            }
        }
        return latest;
    }

    /** The earliest plausible stamp, or null when the file has none. */
    Instant earliestPlausible() {
        Instant earliest = null;
        for (Map.Entry<Integer, Instant> stamp : byRow.entrySet()) {
            if (plausible(stamp.getKey()) && (earliest == null || stamp.getValue().isBefore(earliest))) {
                earliest = stamp.getValue();
            }
        }
        return earliest;
    }

    /** One warning per row whose stamp is an outlier, in row order. */
    List<RowProblem> warnings(RowProblem.Origin origin) {
        List<RowProblem> warnings = new ArrayList<>();
        for (Map.Entry<Integer, Instant> stamp : byRow.entrySet()) {
            if (!plausible(stamp.getKey())) {
                warnings.add(new RowProblem(stamp.getKey(), instruments.get(stamp.getKey()), field + " "
                        + stamp.getValue() + " is " + apart(stamp.getValue()) + " from the file's median stamp "
                        + median() + "; an outlier, not used for the valuation time", origin));
            }
        }
        return warnings;
    }

    /** The unit notes of the stamps ({@link EpochUnit.Tally#note()}), none when they are in the documented unit. */
    List<String> notes() {
        String note = units.note();
        return note == null ? List.of() : List.of(note);
    }

    private Instant median() {
        if (median == null && !byRow.isEmpty()) {
            List<Instant> sorted = new ArrayList<>(byRow.values());
            sorted.sort(null);
            median = sorted.get((sorted.size() - 1) / 2);
        }
        return median;
    }

    private String apart(Instant time) {
        Duration apart = Duration.between(median(), time).abs();
        long days = apart.toDays();
        return days >= 730 ? days / 365 + " years" : days + " days";
    }
}
