package margo.core.market;

/**
 * Something a price-history file does that a user should know: a row left out, a row repaired, or a row kept that
 * looks wrong. Nothing in a history file is changed or dropped without one.
 *
 * @param line    the file's line (the header is line 1)
 * @param problem what kind of problem it is
 * @param message what is wrong, in words a user can act on
 * @param repair  what the loader did about it: {@code left out}, {@code sorted into time order}, {@code kept} ...
 */
public record HistoryWarning(int line, Problem problem, String message, String repair) {

    /** The kinds of problem a history row can have. */
    public enum Problem {
        /** A time or price that cannot be read; the row is left out. */
        UNPARSEABLE,
        /** A price that is zero or negative; the row is left out. */
        NON_POSITIVE,
        /** A second row at a time already seen; the later one is left out. */
        DUPLICATE,
        /** A row earlier than one above it; the history is sorted into time order. */
        OUT_OF_ORDER,
        /** Bars missing against the history's detected spacing; nothing is filled in. */
        GAP,
        /** A close equal to the previous bar's to the last digit, as a feed that stopped updating prints it. */
        STALE,
        /** A high below the low, or an open or close outside them; the close is kept. */
        INCONSISTENT_BAR,
        /** A last bar whose volume shows it was still trading when the file was written; it is left out. */
        PARTIAL_BAR
    }

    public HistoryWarning {
        if (line < 1) {
            throw new IllegalArgumentException("line must be at least 1, not " + line);
        }
        if (problem == null || message == null || message.isBlank() || repair == null || repair.isBlank()) {
            throw new IllegalArgumentException("problem, message and repair must be given");
        }
    }

    /** One line for users, e.g. {@code line 897: close 1193.91 repeats the previous bar's exactly (kept)}. */
    public String text() {
        return "line " + line + ": " + message + " (" + repair + ")";
    }
}
