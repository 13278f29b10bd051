package margo.kernel.jupyter;

import java.util.List;

/** How a cell (or a user expression) ended: its result, if any, or an error as Jupyter reports it. */
public sealed interface CellResult {

    /**
     * @param result the cell's {@code Out[N]}; null when the cell shows nothing
     * @param page   what the front end shows in its pager (the execute_reply's {@code page} payload, as
     *               IPython's {@code name?} does); null for none
     */
    record Ok(MimeBundle result, MimeBundle page) implements CellResult {

        /** A cell that ran, with nothing for the pager. */
        public Ok(MimeBundle result) {
            this(result, null);
        }
    }

    /**
     * @param name      Jupyter's {@code ename}, e.g. {@code MargoError}
     * @param value     {@code evalue}, one line
     * @param traceback what the notebook prints, one entry per line
     */
    record Failed(String name, String value, List<String> traceback) implements CellResult {

        public Failed {
            traceback = List.copyOf(traceback);
        }
    }

    /**
     * A failure the cell's code did not report itself: any {@link Throwable} that escaped it, described for the
     * user without a Java stack trace (which goes to the kernel's log). {@code where} names the cell, or is null.
     * After running out of memory the kernel goes on, but what the cell was building may have left the session's
     * memory inconsistent, so the message offers a restart.
     */
    static Failed of(Throwable thrown, String where) {
        String at = where == null ? "" : where + ": ";
        return switch (thrown) {
            case StackOverflowError e -> new Failed("StackOverflowError", "the cell is nested too deeply to run",
                    List.of(at + "error: the cell is nested too deeply to run (the Java stack overflowed)",
                            "  hint: split a very long expression or deeply nested brackets into several `let`s;"
                                    + " the session's names are as they were before the failing statement"));
            case OutOfMemoryError e -> new Failed("OutOfMemoryError", "the cell ran out of memory",
                    List.of(at + "error: the cell ran out of memory (Java heap of "
                                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB)",
                            "  hint: the session's memory may be inconsistent now; restart the kernel (Kernel > Restart Kernel)"
                                    + " to be sure, or ask for less (fewer rows, starts or scenarios) and go on"));
            default -> new Failed("InternalError", "internal error: " + thrown,
                    List.of(at + "internal error in Margo (a bug, not a mistake in the cell): " + thrown,
                            "  hint: the Java stack trace is in the kernel's log; please report it with the cell"));
        };
    }
}
