package margo.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import margo.dsl.cli.MainTest.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI under a careless or hostile user (issue 17, files and output): each case names its trigger, and asserts
 * the exit code (1 a failed run, 2 a usage error) and the message class a user sees, with no stack trace.
 */
class AbuseRegressionTest {

    private static final Path DATA = Path.of("../examples/data");
    private static final String CHAIN = "data chain = options(\"chain.csv\")\n";

    @TempDir
    Path folder;

    @BeforeEach
    void copyTheSampleData() throws IOException {
        Files.copy(DATA.resolve("deribit-btc-sample.csv"), folder.resolve("chain.csv"));
        Files.copy(DATA.resolve("book.csv"), folder.resolve("book.csv"));
    }

    private Path recipe(String text) throws IOException {
        return Files.writeString(folder.resolve("recipe.margo"), text);
    }

    private static Result margo(String... args) {
        Result result = MainTest.margo(args);
        assertFalse(result.err().contains("\tat ") || result.err().contains("Exception"), result.err());
        return result;
    }

    /** Makes a named pipe with mkfifo(1); the test is skipped where there is none. */
    private Path namedPipe(String name) throws IOException, InterruptedException {
        Path pipe = folder.resolve(name);
        try {
            Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
            assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");
        } catch (IOException noMkfifo) {
            assumeTrue(false, "no mkfifo here");
        }
        return pipe;
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }

    @Nested
    class DataFiles {

        @Test
        @Timeout(30)
        void aNamedPipeAsDataIsAnErrorNotAHang() throws Exception {
            namedPipe("pipe.csv");
            Path recipe = recipe("data chain = options(\"pipe.csv\")\nshow chain\n");
            Result ran = margo("run", recipe.toString());
            assertEquals(1, ran.exit());
            assertTrue(firstLine(ran.err()).endsWith("error: cannot read pipe.csv: it is a named pipe, not a regular"
                    + " file (" + folder.resolve("pipe.csv").toAbsolutePath() + ")"), ran.err());
            Result checked = margo("check", recipe.toString());
            assertEquals(1, checked.exit());
            assertTrue(checked.err().contains("it is a named pipe, not a regular file"), checked.err());
        }

        @Test
        @Timeout(30)
        void aDeviceAsDataIsAnError() throws IOException {
            assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero here");
            Result ran = margo("run", recipe("data chain = options(\"/dev/zero\")\nshow chain\n").toString());
            assertEquals(1, ran.exit());
            assertTrue(ran.err().contains("error: cannot read /dev/zero: it is a device, not a regular file"),
                    ran.err());
        }

        @Test
        void aFileOverTheSizeLimitIsRefusedWithAHintToRaiseIt() throws IOException {
            Path recipe = recipe(CHAIN + "show chain\n");
            Result ran = margo("run", "--max-data-size", "1K", recipe.toString());
            assertEquals(1, ran.exit());
            assertTrue(ran.err().contains("error: cannot read chain.csv: it is "), ran.err());
            assertTrue(ran.err().contains(", over the limit of 1 KiB ("), ran.err());
            assertTrue(ran.err().contains("hint: margo run --max-data-size raises the limit"), ran.err());
            assertEquals(0, margo("run", "--max-data-size", "1M", recipe.toString()).exit());
        }

        @Test
        void aMaxDataSizeThatIsNotASizeIsAUsageError() throws IOException {
            Result ran = margo("run", "--max-data-size", "lots", recipe(CHAIN).toString());
            assertEquals(2, ran.exit());
            assertTrue(firstLine(ran.err()).contains("'lots' is not a size such as 512M or 2G"), ran.err());
        }

        @Test
        void aTenMegabyteBadFieldIsCutInItsWarning() throws IOException {
            String header = Files.readAllLines(folder.resolve("chain.csv")).getFirst();
            String row = "BTC-29MAR24-60000-C,BTC,BTC,1709280000000,BTC-29MAR24,62000,61000,0,"
                    + "1".repeat(10_000_000) + ",0.05,,0.05,60,1,1,1";
            Files.writeString(folder.resolve("bad.csv"), header + "\n" + row + "\n"
                    + String.join("\n", Files.readAllLines(folder.resolve("chain.csv")).subList(1, 40)) + "\n");
            Result ran = margo("run", recipe("data chain = options(\"bad.csv\")\nshow chain\n").toString());
            assertEquals(0, ran.exit(), ran.err());
            assertTrue(ran.err().contains("warning: bad.csv line 2 (BTC-29MAR24-60000-C): bid_price"), ran.err());
            assertTrue(ran.err().contains("…(10000000 characters)"), ran.err());
            assertTrue(ran.err().length() < 2_000, "the warning is " + ran.err().length() + " characters");
        }

        @Test
        void terminalEscapeSequencesInDataAreEscapedInWarningsAndTables() throws IOException {
            List<String> lines = Files.readAllLines(folder.resolve("chain.csv"));
            String evil = "X\u001B]0;owned\u0007\u001B[2J";
            Files.writeString(folder.resolve("evil.csv"), lines.getFirst() + "\n" + evil + lines.get(1) + "\n"
                    + String.join("\n", lines.subList(2, 40)) + "\n");
            Result ran = margo("run", recipe("data chain = options(\"evil.csv\")\nshow chain\n").toString());
            assertEquals(0, ran.exit(), ran.err());
            assertFalse(ran.err().contains("\u001B") || ran.err().contains("\u0007"), ran.err());
            assertTrue(ran.err().contains("X\\x1B]0;owned\\x07\\x1B[2J"), ran.err());
            assertFalse(ran.out().contains("\u001B"), ran.out());
        }

        @Test
        void aDuplicateKeyInAJsonChainIsAnErrorNamingTheKeyAndPlace() throws IOException {
            Files.writeString(folder.resolve("chain.json"), "{\"result\": [\n  {\"instrument_name\":"
                    + " \"BTC-29MAR24-60000-C\", \"bid_price\": 0.05, \"bid_price\": 0.5}\n]}\n");
            Result ran = margo("run", recipe("data chain = options(\"chain.json\")\nshow chain\n").toString());
            assertEquals(1, ran.exit());
            assertTrue(ran.err().contains("has the key \"bid_price\" twice in one object at line 2 column"), ran.err());
            assertTrue(ran.err().contains("path $.result[0].bid_price"), ran.err());
        }

        @Test
        @Timeout(30)
        void deeplyNestedJsonIsAnErrorNotAStackOverflow() throws IOException {
            Files.writeString(folder.resolve("deep.json"), "[".repeat(200_000));
            Result ran = margo("run", recipe("data chain = options(\"deep.json\")\nshow chain\n").toString());
            assertEquals(1, ran.exit());
            assertTrue(ran.err().contains("nests arrays and objects deeper than 64 levels"), ran.err());
        }

        @Test
        void aBookWithQuotedFieldsAndCrlfReadsLikeAPlainOne() throws IOException {
            String quoted = Files.readString(folder.resolve("book.csv")).replace("covered-call,", "\"covered-call\",")
                    .replace("\n", "\r\n");
            Files.writeString(folder.resolve("book.csv"), quoted);
            Path recipe = recipe(CHAIN + "book desk = positions(\"book.csv\", market chain, index 61000)\n"
                    + "show desk\n");
            Result ran = margo("run", recipe.toString());
            assertEquals(0, ran.exit(), ran.err());
            assertTrue(ran.out().contains("covered-call"), ran.out());
            assertFalse(ran.out().contains("\"covered-call\""), ran.out());
        }

        @Test
        void aHeaderOnlyBookIsAnErrorNotAnEmptyBook() throws IOException {
            Files.writeString(folder.resolve("book.csv"), "account,instrument,size,average_price\n");
            Path recipe = recipe(CHAIN + "book desk = positions(\"book.csv\", market chain, index 61000)\n"
                    + "show desk\n");
            Result ran = margo("run", recipe.toString());
            assertEquals(1, ran.exit());
            assertTrue(ran.err().contains("error: cannot read book.csv: " + folder.resolve("book.csv")
                    + " has a header but no rows of positions or collateral"), ran.err());
        }

        @Test
        @Timeout(120)
        void anUnreadableDataFileSaysPermissionDenied() throws Exception {
            Path chain = folder.resolve("chain.csv");
            Files.setPosixFilePermissions(chain, PosixFilePermissions.fromString("-w-------"));
            Path recipe = recipe(CHAIN + "show chain\n");
            Result ran = Files.isReadable(chain) ? margoHeldToFileModes("run", recipe.toString())
                    : margo("run", recipe.toString());
            assertEquals(1, ran.exit(), ran.err());
            assertTrue(ran.err().contains("error: cannot read chain.csv: permission denied"), ran.err());
        }

        @Test
        @Timeout(30)
        void aNamedPipeAsTheRecipeIsAUsageError() throws Exception {
            Path pipe = namedPipe("recipe.margo");
            Result ran = margo("run", pipe.toString());
            assertEquals(2, ran.exit());
            assertEquals("margo: cannot read " + pipe + ": it is a named pipe, not a regular file", firstLine(ran.err()));
        }
    }

    @Nested
    class Output {

        private Path recipe;

        @BeforeEach
        void aRecipeThatReadsTheChain() throws IOException {
            recipe = recipe(CHAIN + "show chain { rows 3 }\n");
        }

        private List<Path> files() throws IOException {
            try (Stream<Path> files = Files.list(folder)) {
                return files.map(Path::getFileName).sorted().toList();
            }
        }

        @Test
        void outIsWrittenWholeWithNoTemporaryFileLeft() throws IOException {
            Path out = folder.resolve("out.txt");
            Result ran = margo("run", recipe.toString(), "--out", out.toString());
            assertEquals(0, ran.exit(), ran.err());
            assertEquals("", ran.out());
            assertTrue(Files.readString(out).startsWith("chain (line 2)\n"), Files.readString(out));
            assertEquals(List.of(Path.of("book.csv"), Path.of("chain.csv"), Path.of("out.txt"),
                    Path.of("recipe.margo")), files());
        }

        @Test
        void outOverTheRecipeIsRefusedAndTheRecipeKept() throws IOException {
            String before = Files.readString(recipe);
            Result ran = margo("run", recipe.toString(), "--out", recipe.toString());
            assertEquals(2, ran.exit());
            assertEquals("margo: refusing to write --out " + recipe + ": it is the recipe itself", firstLine(ran.err()));
            assertEquals(before, Files.readString(recipe));
        }

        @Test
        void outOverADataFileTheRecipeReadIsRefusedAndTheDataKept() throws IOException {
            Path chain = folder.resolve("chain.csv");
            byte[] before = Files.readAllBytes(chain);
            Result ran = margo("run", recipe.toString(), "--out", folder.resolve("./chain.csv").toString());
            assertEquals(1, ran.exit());
            assertEquals("margo: refusing to write --out " + folder.resolve("./chain.csv") + ": it is "
                    + chain.toAbsolutePath() + ", a data file the recipe read", firstLine(ran.err()));
            assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(chain)));
        }

        @Test
        void outThroughASymbolicLinkIsRefusedUnlessAskedFor() throws IOException {
            Path real = Files.writeString(folder.resolve("real.txt"), "previous\n");
            Path link = Files.createSymbolicLink(folder.resolve("link.txt"), Path.of("real.txt"));
            Result refused = margo("run", recipe.toString(), "--out", link.toString());
            assertEquals(2, refused.exit());
            assertEquals("margo: refusing to write --out " + link + ": it is a symbolic link (to real.txt); margo run"
                    + " writes through a link only with --follow-symlinks", firstLine(refused.err()));
            assertEquals("previous\n", Files.readString(real));

            Result followed = margo("run", recipe.toString(), "--out", link.toString(), "--follow-symlinks");
            assertEquals(0, followed.exit(), followed.err());
            assertTrue(Files.isSymbolicLink(link));
            assertTrue(Files.readString(real).startsWith("chain (line 2)"), Files.readString(real));
        }

        @Test
        void aLinkToTheRecipeIsRefusedEvenWhenFollowingLinks() throws IOException {
            Path link = Files.createSymbolicLink(folder.resolve("link.margo"), recipe.getFileName());
            Result ran = margo("run", recipe.toString(), "--out", link.toString(), "--follow-symlinks");
            assertEquals(2, ran.exit());
            assertTrue(firstLine(ran.err()).endsWith(": it is the recipe itself"), ran.err());
        }

        @Test
        void aFailedRunLeavesThePreviousOutputIntact() throws IOException {
            Path out = Files.writeString(folder.resolve("out.json"), "{\"previous\": true}\n");
            Path failing = recipe(CHAIN + "show chain\nshow nowhere\n");
            Result ran = margo("run", failing.toString(), "--format", "json", "--out", out.toString());
            assertEquals(1, ran.exit());
            assertTrue(ran.err().contains("error: unknown name 'nowhere'"), ran.err());
            assertTrue(ran.err().contains("margo: the run failed, so --out " + out + " is left as it was"), ran.err());
            assertEquals("{\"previous\": true}\n", Files.readString(out));
        }

        @Test
        void outIntoAFolderThatDoesNotExistIsAUsageError() throws IOException {
            Path out = folder.resolve("missing/out.txt");
            Result ran = margo("run", recipe.toString(), "--out", out.toString());
            assertEquals(2, ran.exit());
            assertEquals("margo: refusing to write --out " + out + ": there is no folder " + folder.resolve("missing"),
                    firstLine(ran.err()));
        }

        @Test
        void aFileThatCannotBeWrittenIsAnErrorWithExitOne() throws IOException {
            Path proc = Path.of("/proc/self");
            assumeTrue(Files.isDirectory(proc), "no /proc here");
            Path out = proc.resolve("margo-out.txt");
            Result ran = margo("run", recipe.toString(), "--out", out.toString());
            assertEquals(1, ran.exit());
            assertTrue(firstLine(ran.err()).startsWith("margo: cannot write " + out + ": "), ran.err());
            assertTrue(firstLine(ran.err()).endsWith("; the file is left as it was"), ran.err());
        }

        @Test
        @Timeout(60)
        void outToANamedPipeWritesIntoThePipeAndLeavesItAPipe() throws Exception {
            Path pipe = namedPipe("out.pipe");
            java.util.concurrent.CompletableFuture<String> read = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return Files.readString(pipe);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
            Result ran = margo("run", recipe.toString(), "--out", pipe.toString());
            assertEquals(0, ran.exit(), ran.err());
            assertTrue(read.get(30, TimeUnit.SECONDS).startsWith("chain (line 2)"));
            assertFalse(Files.isRegularFile(pipe), "the pipe was replaced by a file");
            assertTrue(Files.exists(pipe));
        }

        @Test
        void standardOutputThatCannotBeWrittenIsAnErrorWithExitOne() throws IOException {
            OutputStream full = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    throw new IOException("No space left on device");
                }
            };
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = Main.execute(new String[] {"run", recipe.toString()}, new PrintStream(full, true,
                    StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(1, exit);
            assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("margo: the output could not be written to"
                    + " standard output"), err.toString(StandardCharsets.UTF_8));
        }

        @Test
        @Timeout(120)
        void redirectingToDevFullExitsOneInARealProcess() throws Exception {
            File devFull = new File("/dev/full");
            assumeTrue(devFull.exists(), "no /dev/full here");
            Process process = cliProcess(List.of(), "run", recipe.toString())
                    .redirectOutput(devFull).redirectError(ProcessBuilder.Redirect.PIPE).start();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(100, TimeUnit.SECONDS));
            assertEquals(1, process.exitValue(), err);
            assertTrue(err.contains("margo: the output could not be written to standard output"), err);
        }
    }

    /** The CLI in a JVM of its own, started by {@code launcher} (such as setpriv and its options) when not empty. */
    private static ProcessBuilder cliProcess(List<String> launcher, String... args) {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    /**
     * The CLI run as root without the two capabilities that let root read any file (CAP_DAC_OVERRIDE and
     * CAP_DAC_READ_SEARCH, taken out of the bounding set by util-linux's setpriv), so that a file's mode holds it
     * as it holds any user: how a test running as root, as CI does, sees what a user sees.
     */
    private static Result margoHeldToFileModes(String... args) throws IOException, InterruptedException {
        Process process;
        try {
            process = cliProcess(List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"), args)
                    .start();
        } catch (IOException noSetpriv) {
            return abort("running as a user who reads every file (root), and no setpriv to drop that");
        }
        process.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> text(process.getInputStream()));
        String err = text(process.getErrorStream());
        assertTrue(process.waitFor(100, TimeUnit.SECONDS), "the CLI did not end");
        Result result = new Result(process.exitValue(), out.join(), err);
        assertFalse(result.err().contains("\tat ") || result.err().contains("Exception"), result.err());
        return result;
    }

    private static String text(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
