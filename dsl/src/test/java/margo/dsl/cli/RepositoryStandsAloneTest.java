package margo.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository is all a reader has: no source, document or notebook in it points at the team's design notes
 * beside it. The language's reference is docs/language.md.
 */
class RepositoryStandsAloneTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** Spelt in two parts, so that this file does not name what it looks for. */
    private static final List<String> OUTSIDE = List.of("LANGUAGE" + ".md", "../" + "shared", "shared/" + "research",
            "margin-" + "anchors", "research" + " notes");
    private static final Set<String> SKIPPED_FOLDERS = Set.of("target", ".git", "node_modules", "data");
    private static final Set<String> TEXT_ENDINGS = Set.of(".java", ".md", ".margo", ".ipynb", ".xml", ".sh", ".py",
            ".properties", ".json", ".js");
    private static final Set<String> SCRIPTS = Set.of("margo", "run-tests", "run");

    @Test
    void noFileOfTheRepositoryPointsOutsideIt() throws IOException {
        List<String> pointers = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(Files::isRegularFile).filter(RepositoryStandsAloneTest::isText).toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    for (String outside : OUTSIDE) {
                        if (lines.get(i).contains(outside)) {
                            pointers.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + outside);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), pointers, "point to docs/ instead (docs/language.md is the language reference, "
                + "docs/margin-sources.md the margin rules' sources)");
    }

    private static boolean isText(Path file) {
        for (Path part : ROOT.relativize(file)) {
            if (SKIPPED_FOLDERS.contains(part.toString())) {
                return false;
            }
        }
        String name = file.getFileName().toString();
        return SCRIPTS.contains(name) || TEXT_ENDINGS.stream().anyMatch(name::endsWith);
    }
}
