package margo.dsl.value;

import java.util.List;

/**
 * A result that reads as a short report: a title, titled tables and notes, such as a calibration's parameter table,
 * its RMSE by expiry and its warnings. Each renderer shows every part; JSON leaves out {@code timing}, the one
 * part that is not reproducible, so that a rerun gives the same bytes.
 *
 * @param title    what it reports on, e.g. {@code fit hf: heston to chain}
 * @param sections the tables, in order
 * @param notes    sentences to read after the tables, e.g. warnings; may be empty
 * @param timing   how long it took, in words; empty when not timed
 */
public record ReportValue(String title, List<Section> sections, List<String> notes, String timing) implements Value {

    /** One titled table of a report. */
    public record Section(String title, TableValue table) {}

    public ReportValue {
        sections = List.copyOf(sections);
        notes = List.copyOf(notes);
        if (title == null || timing == null) {
            throw new IllegalArgumentException("title and timing must not be null");
        }
    }

    @Override
    public String kind() {
        return "report";
    }
}
