package margo.dsl.run;

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

    public static Execution check(String text) {
        return new Session(Path.of(".")).check(new SourceFile("test.margo", text), Mode.RECIPE);
    }

    /** Each diagnostic as {@code 3:8 unknown column 'mid_ivv'}. */
    public static List<String> located(List<Diagnostic> diagnostics) {
        return diagnostics.stream()
                .map(d -> d.span().line() + ":" + d.span().column() + " " + d.message())
                .collect(Collectors.toList());
    }
}
