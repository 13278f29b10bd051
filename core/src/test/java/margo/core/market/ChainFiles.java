package margo.core.market;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/** Paths of the shipped sample chains, and small helpers for tests that write their own files. */
final class ChainFiles {

    /** The repository root, found from the core module's working directory. */
    static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("examples")) ? here : here.getParent();
    }

    static Path deribitSample() {
        return repositoryRoot().resolve("examples/data/deribit-btc-sample.csv");
    }

    /** The generated third-party collector file: BTC and ETH, forward in {@code underlying}, decimal IVs. */
    static Path deribitCollector() {
        return repositoryRoot().resolve("examples/data/deribit-collector-btc-eth.csv");
    }

    static Path resource(String name) {
        return repositoryRoot().resolve("core/src/test/resources/market").resolve(name);
    }

    static Path write(Path directory, String name, String... lines) throws IOException {
        return Files.writeString(directory.resolve(name), String.join("\n", lines) + "\n");
    }

    static ChainLoad load(Path path) throws ChainFormatException {
        return OptionChains.load(path, LoadOptions.DEFAULTS);
    }

    /** The row of the chain's table for an instrument. */
    static Row row(Table table, String instrument) {
        for (Row row : table) {
            if (row.getString("instrument").equals(instrument)) {
                return row;
            }
        }
        throw new AssertionError(instrument + " is not in the chain");
    }

    /** The problems' one-line messages, for assertion failure output. */
    static List<String> messages(ChainLoad load) {
        return load.problems().stream().map(RowProblem::message).toList();
    }

    private ChainFiles() {
    }
}
