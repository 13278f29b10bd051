package margo.dsl.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.syntax.SourceFile;

/** Runs and checks recipe text for tests, and describes diagnostics as {@code line:col message} for assertions. */
public final class Recipes {

    private Recipes() {
    }

    public static Execution run(Path folder, String text) {
        return new Session(folder).run(new SourceFile("test.margo", text), Mode.RECIPE);
    }

    /** Checks in a folder holding {@code chain.csv} and {@code x.csv} ({@link SampleChain}), which check requires to exist. */
    public static Execution check(String text) {
        return new Session(dataFolder()).check(new SourceFile("test.margo", text), Mode.RECIPE);
    }

    private static Path dataFolder;

    private static synchronized Path dataFolder() {
        if (dataFolder == null) {
            try {
                dataFolder = Files.createTempDirectory("margo-recipes");
                for (String name : List.of("chain.csv", "x.csv")) {
                    Path file = Files.writeString(dataFolder.resolve(name), SampleChain.DERIBIT_CSV);
                    file.toFile().deleteOnExit();
                }
                dataFolder.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dataFolder;
    }

    /** Each diagnostic as {@code 3:8 unknown column 'mid_ivv'}. */
    public static List<String> located(List<Diagnostic> diagnostics) {
        return diagnostics.stream()
                .map(d -> d.span().line() + ":" + d.span().column() + " " + d.message())
                .collect(Collectors.toList());
    }
}
