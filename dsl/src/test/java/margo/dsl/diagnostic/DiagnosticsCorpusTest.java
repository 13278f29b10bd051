package margo.dsl.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import margo.dsl.run.Mode;
import margo.dsl.run.Session;
import margo.dsl.syntax.SourceFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Recipes with one to four mistakes of mixed kinds (syntax, names, families, units, settings), each checked in
 * one pass the way {@code margo check} does, against the exact set of diagnostics written in comments at its end
 * (there, they do not move the lines they point at):
 *
 * <pre>
 * # expect: 4:23 error: unknown column 'ask_ivv'
 * </pre>
 *
 * {@code line:column} and severity must match exactly; the message must begin with the text given. Data paths
 * resolve against examples/, so the recipes name the sample chain as a user's would.
 */
class DiagnosticsCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/diagnostics");
    private static final Path EXAMPLES = Path.of("../examples");
    private static final Pattern EXPECTATION = Pattern.compile("^# expect: (\\d+:\\d+ (?:error|warning)): (.+)$");

    static Stream<Path> recipes() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(file -> file.toString().endsWith(".margo")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recipes")
    void everyMistakeOfTheRecipeIsReportedAtItsOwnLineAndColumnInOnePass(Path recipe) throws IOException {
        String text = Files.readString(recipe, StandardCharsets.UTF_8);
        List<String> expected = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (String line : text.lines().toList()) {
            Matcher expectation = EXPECTATION.matcher(line);
            if (expectation.matches()) {
                expected.add(expectation.group(1) + ": " + expectation.group(2));
                prefixes.add(expectation.group(1) + ": ");
            }
        }
        assertFalse(expected.isEmpty(), recipe + " has no '# expect:' lines");

        SourceFile source = new SourceFile(recipe.getFileName().toString(), text);
        List<String> reported = new ArrayList<>();
        for (Diagnostic diagnostic : new Session(EXAMPLES.toAbsolutePath()).check(source, Mode.RECIPE).diagnostics()) {
            reported.add(diagnostic.span().line() + ":" + diagnostic.span().column() + " "
                    + diagnostic.severity().label() + ": " + diagnostic.message());
        }
        // A reported message that begins with an expected one, at the same place, is that one.
        List<String> matched = reported.stream().map(message -> expected.stream()
                .filter(wanted -> message.startsWith(wanted) && prefixes.stream().anyMatch(wanted::startsWith))
                .findFirst().orElse(message)).sorted().toList();
        assertEquals(expected.stream().sorted().toList(), matched,
                () -> recipe + " reported:\n" + String.join("\n", reported));
    }
}
