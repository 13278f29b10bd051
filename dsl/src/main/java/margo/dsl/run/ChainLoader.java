package margo.dsl.run;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import margo.core.io.DataFile;
import margo.core.market.ChainFormat;
import margo.core.market.ChainFormatException;
import margo.core.market.ChainLoad;
import margo.core.market.ChainSeriesLoad;
import margo.core.market.ChainSeriesLoader;
import margo.core.market.ChainSnapshot;
import margo.core.market.LoadOptions;
import margo.core.market.OptionChains;
import margo.core.market.RowProblem;
import margo.core.market.VolatilityUnit;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.syntax.SourceFile;
import margo.dsl.syntax.Span;
import margo.dsl.value.LayoutValue;
import margo.dsl.value.TableValue;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.Table;

/**
 * {@code options(path, format?, as_of?, iv_unit?, layout?, FIELD COLUMN ...)}: loads a chain file through core, resolving the path against the
 * recipe's folder. Every row core leaves out or flags becomes a warning naming the file and line, every decision
 * core took for the whole file a note; a file that cannot be read at all is a {@link RunFailure} at the call.
 * The gate of every data file a recipe reads: it refuses what {@link DataFile} refuses (pipes, devices, files over
 * the size limit) before reading, and remembers the files it let through, which {@code margo run --out} will not
 * overwrite.
 */
final class ChainLoader {

    private final Path baseDirectory;
    private final DataLimit limit;
    private final Set<Path> filesRead = new LinkedHashSet<>();

    /** A loader of files up to {@link DataFile#DEFAULT_MAX_BYTES}. */
    ChainLoader(Path baseDirectory) {
        this(baseDirectory, DataLimit.DEFAULT);
    }

    /** @param limit the largest data file read, and the hint of a file over it */
    ChainLoader(Path baseDirectory, DataLimit limit) {
        this.baseDirectory = baseDirectory;
        this.limit = limit;
    }

    /** The largest data file read. */
    long maxBytes() {
        return limit.maxBytes();
    }

    /** The resolved paths of the data files let through so far, in order. */
    List<Path> filesRead() {
        return List.copyOf(filesRead);
    }

    /** A format named in lower case; the checker vets literals, this a format computed as text. */
    private static ChainFormat chainFormat(String format, Span span) {
        for (ChainFormat candidate : ChainFormat.values()) {
            if (candidate.name().toLowerCase(Locale.ROOT).equals(format.toLowerCase(Locale.ROOT))) {
                return candidate;
            }
        }
        throw new RunFailure(span, "the format must be one of " + Arrays.stream(ChainFormat.values())
                .map(candidate -> candidate.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                + "; not \"" + format + "\"");
    }

    /** An iv_unit named in lower case; the checker vets literals, this a unit computed as text. */
    private static VolatilityUnit volatilityUnit(String unit, Span span) {
        for (VolatilityUnit candidate : VolatilityUnit.values()) {
            if (candidate.label().equals(unit.toLowerCase(Locale.ROOT))) {
                return candidate;
            }
        }
        throw new RunFailure(span, "iv_unit must be percent or decimal, not \"" + unit + "\"");
    }

    private Path resolve(String path) {
        return baseDirectory.resolve(path).toAbsolutePath().normalize();
    }

    /** A path to write, relative to the recipe's folder: the file or folder a proof of margin writes. */
    Path output(String path) {
        return resolve(path);
    }

    /**
     * Why the file at {@code path} cannot be read at all (missing, a folder, a pipe or device, not readable, too
     * large), or null when it can; what {@code margo check} reports without reading the data, and what
     * {@link #load} fails with.
     */
    RunFailure unreadable(String path, Span span) {
        Path resolved = resolve(path);
        DataFile.Refused problem = DataFile.problem(resolved, limit.maxBytes());
        if (problem == null) {
            return null;
        }
        if (problem.getCause() instanceof NoSuchFileException) {
            return new RunFailure(span, "cannot read " + path + ": no such file (looked for " + resolved + ")",
                    "paths are relative to the recipe's folder");
        }
        String message = "cannot read " + path + ": " + problem.getMessage() + " (" + resolved + ")";
        if (problem instanceof DataFile.OverLimit) {
            return new RunFailure(span, message, limit.howToRaise());
        }
        return new RunFailure(span, message);
    }

    /**
     * The resolved path of a data file that can be read, remembered as read; a {@link RunFailure} at {@code span}
     * when it cannot be.
     */
    Path readable(String path, Span span) {
        RunFailure refused = unreadable(path, span);
        if (refused != null) {
            throw refused;
        }
        Path resolved = resolve(path);
        filesRead.add(resolved);
        return resolved;
    }

    /**
     * {@link #readable} for a data set an engine reads, which may be a folder of files (a Parquet data set); a
     * folder must exist and be readable, and counts as read.
     */
    Path readableDataSet(String path, Span span) {
        Path resolved = resolve(path);
        if (!Files.isDirectory(resolved)) {
            return readable(path, span);
        }
        if (!Files.isReadable(resolved)) {
            throw new RunFailure(span, "cannot read " + path + ": the folder is not readable (" + resolved + ")");
        }
        filesRead.add(resolved);
        return resolved;
    }

    /** One warning at the loading call for each row of a data file that core left out, naming the file and line. */
    static List<Diagnostic> rowWarnings(List<RowProblem> problems, String path, SourceFile source, Span span) {
        return rowWarnings(problems, path, source, span, " (row left out)");
    }

    /** One warning at the loading call for each row core kept but flagged, naming the file and line. */
    static List<Diagnostic> keptRowWarnings(List<RowProblem> flagged, String path, SourceFile source, Span span) {
        return rowWarnings(flagged, path, source, span, "");
    }

    private static List<Diagnostic> rowWarnings(List<RowProblem> rows, String path, SourceFile source, Span span,
                                                String consequence) {
        List<Diagnostic> warnings = new ArrayList<>();
        for (RowProblem row : rows) {
            warnings.add(Diagnostic.warning(source, span, path + " " + row.message() + consequence));
        }
        return warnings;
    }

    /**
     * @param path     the path as written in the recipe, used in messages
     * @param layout   the format (null to detect it), the IV unit (null to decide it from the data) and the columns
     *                 that do not go by the format's names
     * @param asOf     the valuation time, or null for the data's own
     * @param warnings receives one warning per row left out or flagged, and a note per decision about the file
     */
    TableValue load(String path, LayoutValue layout, Instant asOf, SourceFile source, Span span,
                    List<Diagnostic> warnings) {
        Path resolved = readable(path, span);
        ChainFormat chainFormat = layout.format() == null ? ChainFormat.AUTO : chainFormat(layout.format(), span);
        VolatilityUnit unit = layout.ivUnit() == null ? null : volatilityUnit(layout.ivUnit(), span);
        ChainLoad load;
        try {
            load = OptionChains.load(resolved, new LoadOptions(chainFormat, asOf, null, unit, layout.layout()),
                    limit.maxBytes());
        } catch (ChainFormatException unreadable) {
            throw new RunFailure(span, "cannot read " + path + ": " + unreadable.getMessage());
        }
        warnings.addAll(rowWarnings(load.problems(), path, source, span));
        warnings.addAll(keptRowWarnings(load.warnings(), path, source, span));
        for (String note : load.notes()) {
            warnings.add(Diagnostic.note(source, span, path + ": " + note));
        }
        return new TableValue(load.chain().table(), load.chain().valuationTime());
    }

    /**
     * {@code snapshots(...)}: the series at {@code path} (a folder, a glob or one Tardis file) as one table, each
     * snapshot's chain with a {@code snapshot} column of its time, in time order; valued at the last snapshot's time
     * (each row's own is its snapshot). Each file's rows left out and flagged are warnings naming it, its notes and
     * the series' notes are notes.
     *
     * @param every how far apart a Tardis stream's snapshots are; null for the default
     */
    TableValue loadSeries(String path, LayoutValue layout, Duration every, SourceFile source, Span span,
                          List<Diagnostic> warnings) {
        ChainFormat chainFormat = layout.format() == null ? ChainFormat.AUTO : chainFormat(layout.format(), span);
        VolatilityUnit unit = layout.ivUnit() == null ? null : volatilityUnit(layout.ivUnit(), span);
        ChainSeriesLoad load;
        try {
            load = ChainSeriesLoader.load(baseDirectory, path, new LoadOptions(chainFormat, null, null, unit,
                    layout.layout()), every, limit.maxBytes());
        } catch (ChainFormatException unreadable) {
            throw new RunFailure(span, "cannot read the snapshots " + path + ": " + unreadable.getMessage(),
                    "snapshots takes a folder of chain files, a glob (\"folder/btc-*.csv\") or one Tardis file;"
                            + " paths are relative to the recipe's folder");
        }
        for (ChainSeriesLoad.File file : load.files()) {
            Path resolved = file.path().toAbsolutePath().normalize();
            filesRead.add(resolved);
            String name = baseDirectory.toAbsolutePath().normalize().relativize(resolved).toString();
            warnings.addAll(rowWarnings(file.problems(), name, source, span));
            warnings.addAll(keptRowWarnings(file.warnings(), name, source, span));
            for (String note : file.notes()) {
                warnings.add(Diagnostic.note(source, span, name + ": " + note));
            }
        }
        for (String note : load.notes()) {
            warnings.add(Diagnostic.note(source, span, path + ": " + note));
        }
        Table stacked = null;
        InstantColumn times = InstantColumn.create(Calibration.SNAPSHOT);
        for (ChainSnapshot snapshot : load.series().snapshots()) {
            Table chain = snapshot.chain().table();
            for (int row = 0; row < chain.rowCount(); row++) {
                times.append(snapshot.time());
            }
            stacked = stacked == null ? chain : stacked.append(chain);
        }
        return new TableValue(stacked.addColumns(times), load.series().snapshots().getLast().time());
    }
}
