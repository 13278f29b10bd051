package margo.dsl.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.syntax.SourceFile;
import margo.dsl.syntax.Span;

/**
 * Calls of {@code black}, {@code implied_vol} and {@code vol_of} that gave NaN, collected while an expression runs so that each
 * becomes one warning with the reason of the first case, instead of a silent NaN or one warning per row.
 * Synchronized, since a {@code require} condition runs in the starts of a fit, which run in parallel; only calls
 * that gave NaN take the lock.
 */
final class UndefinedResults {

    private static final class Tally {
        final String function;
        final String firstReason;
        int count;

        Tally(String function, String firstReason) {
            this.function = function;
            this.firstReason = firstReason;
        }
    }

    private final Map<Span, Tally> tallies = new LinkedHashMap<>();

    /** Counts one NaN result of the call at {@code span}; the reason is worked out for the first only. */
    synchronized void record(Span span, String function, Supplier<String> reason) {
        tallies.computeIfAbsent(span, key -> new Tally(function, reason.get())).count++;
    }

    /** True when the call at {@code span} gave NaN since the last {@link #drain}, so it has its own warning. */
    synchronized boolean recorded(Span span) {
        return tallies.containsKey(span);
    }

    /**
     * One warning per call that gave NaN, then forgets them.
     *
     * @param rows the rows the expression ran over, or 0 for a scalar expression
     */
    synchronized List<Diagnostic> drain(SourceFile source, int rows) {
        List<Diagnostic> warnings = new ArrayList<>();
        tallies.forEach((span, tally) -> warnings.add(Diagnostic.warning(source, span, rows == 0
                ? tally.function + " is undefined (NaN): " + tally.firstReason
                : tally.function + " is undefined (NaN) in " + tally.count + " of " + rows + " rows; the first: "
                        + tally.firstReason)));
        tallies.clear();
        return warnings;
    }
}
