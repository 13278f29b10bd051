package margo.kernel.jupyter;

import java.util.LinkedHashSet;
import java.util.SequencedSet;

/**
 * The signatures of the messages received so far in this session, so that a replayed message (a copy of
 * a validly signed one, same signature) is dropped rather than run twice. Only the newest
 * {@value #CAPACITY} are kept, as jupyter_client's Session keeps its digest history, so that memory stays
 * bounded however long the kernel runs. Shared by all channels; thread-safe.
 */
public final class SeenSignatures {

    static final int CAPACITY = 1 << 16;

    private final SequencedSet<String> seen = new LinkedHashSet<>();

    /** Records {@code signature}; false when it was seen before, i.e. the message is a replay. */
    public synchronized boolean firstSight(String signature) {
        if (!seen.add(signature)) {
            return false;
        }
        if (seen.size() > CAPACITY) {
            seen.removeFirst();
        }
        return true;
    }
}
