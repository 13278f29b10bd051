package margo.dsl.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import margo.core.market.ChainFormat;
import margo.core.market.ChainFormatException;
import margo.core.market.ChainLoad;
import margo.core.market.LoadOptions;
import margo.core.market.OptionChains;
import margo.core.market.RowProblem;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.syntax.SourceFile;
import margo.dsl.syntax.Span;
import margo.dsl.value.TableValue;

/**
 * {@code options(path, format?, as_of?)}: loads a chain file through core, resolving the path against the recipe's
 * folder. Every row core leaves out becomes a warning naming the file and line; a file that cannot be read at
 * all is a {@link RunFailure} at the call.
 */
final class ChainLoader {

    private final Path baseDirectory;

    ChainLoader(Path baseDirectory) {
        this.baseDirectory = baseDirectory;
    }

    /**
     * @param path     the path as written in the recipe, used in messages
     * @param format   a format name in lower case ({@code deribit_csv}), or null to detect it
     * @param asOf     the valuation time, or null for the data's own
     * @param warnings receives one warning per row left out
     */
    TableValue load(String path, String format, Instant asOf, SourceFile source, Span span, List<Diagnostic> warnings) {
        Path resolved = baseDirectory.resolve(path).toAbsolutePath().normalize();
        if (!Files.exists(resolved)) {
            throw new RunFailure(span, "cannot read " + path + ": no such file (looked for " + resolved + ")",
                    "paths are relative to the recipe's folder");
        }
        if (Files.isDirectory(resolved)) {
            throw new RunFailure(span, "cannot read " + path + ": it is a folder, not a file (" + resolved + ")");
        }
        ChainFormat chainFormat = format == null ? ChainFormat.AUTO : ChainFormat.valueOf(format.toUpperCase(Locale.ROOT));
        ChainLoad load;
        try {
            load = OptionChains.load(resolved, new LoadOptions(chainFormat, asOf, null));
        } catch (ChainFormatException unreadable) {
            throw new RunFailure(span, "cannot read " + path + ": " + unreadable.getMessage());
        }
        List<Diagnostic> rowWarnings = new ArrayList<>();
        for (RowProblem problem : load.problems()) {
            rowWarnings.add(Diagnostic.warning(source, span, path + " " + problem.message() + " (row left out)"));
        }
        warnings.addAll(rowWarnings);
        return new TableValue(load.chain().table(), load.chain().valuationTime());
    }
}
