package margo.dsl.value;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A result that reads as a short report: a title, titled tables and notes, such as a calibration's parameter table,
 * its RMSE by expiry and its warnings. Text and JSON show every part; HTML leaves out the {@code timing}, the one
 * part that differs between runs, unless asked for it (so that a page is the same on every run).
 *
 * @param title    what it reports on, e.g. {@code fit hf: heston calibrated to chain}
 * @param sections the tables, in order
 * @param notes    sentences to read after the tables, e.g. warnings; may be empty
 * @param timing   how long it took; null when not timed
 */
public record ReportValue(String title, List<Section> sections, List<String> notes, Timing timing) implements Value {

    /** One titled table of a report. */
    public record Section(String title, TableValue table) {}

    /**
     * How long the work a report shows took, wall clock.
     *
     * @param activity what was timed, as a past participle: {@code calibrated}
     * @param elapsed  how long it took
     */
    public record Timing(String activity, Duration elapsed) {

        public Timing {
            if (activity == null || elapsed == null) {
                throw new IllegalArgumentException("activity and elapsed must not be null");
            }
        }

        /** The elapsed time in seconds. */
        public double seconds() {
            return elapsed.toNanos() * 1e-9;
        }

        /** {@code calibrated in 0.123 s}. */
        public String sentence() {
            return String.format(Locale.ROOT, "%s in %.3f s", activity, seconds());
        }
    }

    public ReportValue {
        sections = List.copyOf(sections);
        notes = List.copyOf(notes);
        if (title == null) {
            throw new IllegalArgumentException("title must not be null");
        }
    }

    @Override
    public String kind() {
        return "report";
    }
}
