package margo.core.margin;

import java.util.HashMap;
import java.util.Map;
import margo.core.market.InstrumentName;

/**
 * A numbering of instruments shared by the markets of one liquidation search: each instrument (by equality) gets the
 * next free slot the first time it is asked. A margin group resolves its instruments' slots once, then asks each
 * search market's {@link CachingPricer} by slot, an array read, instead of looking the instrument up in a map for
 * every question at every market. Not thread-safe: one search, one thread.
 */
final class InstrumentSlots {

    private final Map<InstrumentName, Integer> slots = new HashMap<>();

    /** The instrument's slot, numbered from 0 in the order instruments are first asked. */
    int of(InstrumentName instrument) {
        return slots.computeIfAbsent(instrument, known -> slots.size());
    }
}
