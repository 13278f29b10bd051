package margo.core.market;

import java.nio.file.Path;
import java.util.List;

/**
 * The result of loading a series of chain snapshots: the series and, file by file, what loading left out or
 * decided, as {@link ChainLoad} says it for one chain.
 *
 * @param series the snapshots in time order
 * @param files  each file read, in the order read: its rows left out and flagged, and its notes
 * @param notes  what was decided for the whole series: where the snapshots' times came from, how a stream was cut
 */
public record ChainSeriesLoad(ChainSeries series, List<File> files, List<String> notes) {

    /**
     * One file of a series.
     *
     * @param path     the file
     * @param problems its rows left out, in file order (each row once, though a stream's row is in many snapshots)
     * @param warnings its rows kept with something set aside
     * @param notes    what was decided for the file
     */
    public record File(Path path, List<RowProblem> problems, List<RowProblem> warnings, List<String> notes) {

        public File {
            problems = List.copyOf(problems);
            warnings = List.copyOf(warnings);
            notes = List.copyOf(notes);
        }
    }

    public ChainSeriesLoad {
        if (series == null) {
            throw new IllegalArgumentException("series must not be null");
        }
        files = List.copyOf(files);
        notes = List.copyOf(notes);
    }
}
