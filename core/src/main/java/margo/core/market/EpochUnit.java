package margo.core.market;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The unit of an integer timestamp counted from 1970-01-01T00:00Z. Venues differ (Deribit writes milliseconds,
 * Tardis.dev microseconds, exports from other tools seconds or nanoseconds), and a value read in the wrong unit
 * lands in 1970 or centuries ahead, so the unit is read from the values' size: a time between
 * {@link #EARLIEST} and {@link #LATEST} has 10 digits in seconds, 13 in milliseconds, 16 in microseconds and 19 in
 * nanoseconds, and the four ranges never overlap.
 */
enum EpochUnit {
    SECONDS(1_000_000_000L),
    MILLISECONDS(1_000_000L),
    MICROSECONDS(1_000L),
    NANOSECONDS(1L);

    /** The earliest plausible time of crypto option data: Deribit listed its first options in 2016. */
    static final Instant EARLIEST = Instant.parse("2009-01-01T00:00:00Z");
    /** The latest plausible time: no listed crypto option expires this far out. */
    static final Instant LATEST = Instant.parse("2099-12-31T23:59:59Z");

    private final long nanos;

    EpochUnit(long nanos) {
        this.nanos = nanos;
    }

    /** The instant {@code value} of this unit after 1970. */
    Instant instant(long value) {
        return Instant.EPOCH.plusSeconds(Math.floorDiv(value, 1_000_000_000L / nanos))
                .plusNanos(Math.floorMod(value, 1_000_000_000L / nanos) * nanos);
    }

    /** The unit in which {@code value} is a time between {@link #EARLIEST} and {@link #LATEST}, or null. */
    static EpochUnit of(long value) {
        for (EpochUnit unit : values()) {
            long earliest = EARLIEST.getEpochSecond() * (1_000_000_000L / unit.nanos);
            long latest = LATEST.getEpochSecond() * (1_000_000_000L / unit.nanos);
            if (value >= earliest && value <= latest) {
                return unit;
            }
        }
        return null;
    }

    /**
     * The instant a field's integer stamp stands for, in the unit its size says.
     *
     * @throws RowException when the value is a time between 2009 and 2099 in none of the units
     */
    static Instant read(String field, long value) throws RowException {
        EpochUnit unit = of(value);
        if (unit == null) {
            throw new RowException(field + " " + value + " is not a time between " + EARLIEST.toString().substring(0, 4)
                    + " and " + LATEST.toString().substring(0, 4) + " in seconds, milliseconds, microseconds or"
                    + " nanoseconds since 1970");
        }
        return unit.instant(value);
    }

    /** {@code milliseconds}, as in messages. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a field's integer stamps and counts the units they came in, to state any but the documented one. */
    static final class Tally {
        private final String field;
        private final EpochUnit documented;
        private final String format;
        private final Map<EpochUnit, Integer> counts = new EnumMap<>(EpochUnit.class);

        /**
         * @param documented the unit the format documents, or null when it documents none
         * @param format     the format's name, e.g. {@code Deribit}
         */
        Tally(String field, EpochUnit documented, String format) {
            this.field = field;
            this.documented = documented;
            this.format = format;
        }

        /** The instant of one stamp, counted. */
        Instant read(long value) throws RowException {
            Instant time = EpochUnit.read(field, value);
            counts.merge(of(value), 1, Integer::sum);
            return time;
        }

        /**
         * {@code creation_timestamp read as seconds since 1970, not milliseconds as Deribit documents}, or null
         * when every stamp was in the documented unit.
         */
        String note() {
            if (counts.isEmpty() || counts.keySet().equals(java.util.Set.of(documented))) {
                return null;
            }
            List<String> parts = new ArrayList<>();
            counts.forEach((unit, rows) -> parts.add(counts.size() == 1 ? unit.label()
                    : unit.label() + " in " + rows + (rows == 1 ? " row" : " rows")));
            return field + " read as " + String.join(", ", parts) + " since 1970"
                    + (documented == null ? "" : ", not " + documented.label() + " as " + format + " documents");
        }
    }
}
