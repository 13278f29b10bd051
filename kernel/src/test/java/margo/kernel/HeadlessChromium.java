package margo.kernel;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium, headless and offline, as a reader's browser: it opens a page from a file, runs its scripts
 * and gives back the document as the scripts left it. It runs as root in the test machines, hence
 * {@code --no-sandbox}; the other flags keep it off the network (where this machine refuses it) and away from the
 * user's profile (a fresh {@code --user-data-dir} each time).
 */
final class HeadlessChromium {

    static final String CHROMIUM = "/usr/bin/chromium";
    /** Virtual time the page gets to run its scripts: unpacking plotly.js and drawing every figure. */
    private static final Duration PAGE_TIME = Duration.ofSeconds(30);

    private HeadlessChromium() {
    }

    /** The page's document after its scripts ran, serialised as HTML. */
    static String renderedDocument(Path page, Path scratch) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(CHROMIUM))) {
            fail(CHROMIUM + " is missing. The notebook tests draw every figure in headless Chromium; run ./run-tests, which installs Debian's chromium.");
        }
        Path profile = Files.createTempDirectory(scratch, "chromium-profile");
        JupyterTestBed.ProcessResult run = JupyterTestBed.run(Duration.ofSeconds(120), scratch, Map.of(), List.of(CHROMIUM,
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile,
                "--virtual-time-budget=" + PAGE_TIME.toMillis(), "--dump-dom", page.toUri().toString()));
        run.requireSuccess("headless Chromium on " + page.getFileName());
        return run.stdout();
    }
}
