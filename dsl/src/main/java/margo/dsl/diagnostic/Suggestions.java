package margo.dsl.diagnostic;

import java.util.Collection;
import margo.core.io.NearestName;

/** "did you mean ...?" hints: the known name nearest to a misspelt one. */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * The hint {@code did you mean X?} for the candidate nearest to {@code written} by edit distance,
     * or null when none is close enough to be a likely typo (at most a third of the word's letters differ).
     */
    public static String didYouMean(String written, Collection<String> candidates) {
        String best = closest(written, candidates);
        return best == null ? null : "did you mean " + best + "?";
    }

    /** The candidate nearest to {@code written}, or null when none is within a third of its length (at least 1). */
    public static String closest(String written, Collection<String> candidates) {
        return NearestName.closest(written, candidates);
    }
}
