package margo.zk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Circom compiler and snarkjs, run with Node.js from the zk folder (its pinned package.json and
 * package-lock.json; the first use runs {@code npm ci}), and the cache of compiled circuits and development keys in
 * its {@code target/zk}. The keys come from a local trusted setup (powers of tau, then the circuit's phase 2, each
 * with one contribution of this machine's randomness): whoever ran it could forge proofs, so they serve development
 * and tests only (docs/zk-margin.md, "Trust").
 */
final class Toolchain {

    /** The system property naming the zk folder; else the working directory or its {@code zk} child. */
    static final String HOME_PROPERTY = margo.dsl.proof.MarginProvers.HOME_PROPERTY;

    /** The circuit's template, relative to the zk folder. */
    private static final String CIRCUIT = "circuits/margin.circom";
    /**
     * The smallest powers of tau made: 2^13 constraints, what the 10-instrument circuit of the example needs. One file
     * of a power serves every smaller circuit, so a first run makes one file, not one per size it meets.
     */
    private static final int SMALLEST_POWER = 13;

    private final Path home;

    private Toolchain(Path home) {
        this.home = home;
    }

    /**
     * The toolchain of the zk folder, with its npm packages installed.
     *
     * @throws ToolFailure when the folder, Node.js or npm is missing, or the install fails
     */
    static Toolchain find() {
        Path home = locateHome();
        Toolchain toolchain = new Toolchain(home);
        toolchain.install();
        return toolchain;
    }

    private static Path locateHome() {
        String property = System.getProperty(HOME_PROPERTY);
        List<Path> candidates = property != null ? List.of(Path.of(property))
                : List.of(Path.of("").toAbsolutePath(), Path.of("zk").toAbsolutePath(),
                        Path.of("..", "zk").toAbsolutePath().normalize());
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate.resolve(CIRCUIT)) && Files.isRegularFile(candidate.resolve("package.json"))) {
                return candidate;
            }
        }
        throw new ToolFailure("the circuits of proofs of margin are not found: looked for " + CIRCUIT + " in "
                + candidates + "; run from the repository or set -D" + HOME_PROPERTY + "=PATH/TO/zk");
    }

    private void install() {
        if (Files.isRegularFile(home.resolve("node_modules/snarkjs/build/cli.cjs"))
                && Files.isRegularFile(home.resolve("node_modules/circom2/cli.js"))
                && Files.isDirectory(home.resolve("node_modules/circomlib/circuits"))) {
            return;
        }
        requireCommand("node", "Node.js (18 or later; Debian: nodejs)");
        requireCommand("npm", "npm (Debian: npm)");
        run(List.of("npm", "ci", "--no-audit", "--no-fund"), "installing the circuit tooling (npm ci in zk/)", 15);
    }

    private static void requireCommand(String command, String what) {
        try {
            Process process = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            if (process.waitFor() == 0) {
                return;
            }
        } catch (IOException e) {
            // not on PATH: reported below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new ToolFailure("proofs of margin need " + what + " on the PATH, and '" + command + " --version' failed");
    }

    /** The zk folder. */
    Path home() {
        return home;
    }

    /** The compiled circuit of {@code instruments} slots and {@code scenarios} scenarios, with its keys. */
    Circuit circuit(int instruments, int scenarios) {
        Path folder = home.resolve("target/zk/margin-" + instruments + "-" + scenarios);
        Circuit circuit = new Circuit(folder, instruments, scenarios);
        synchronized (Toolchain.class) {
            if (!Files.isRegularFile(circuit.wasm()) || !Files.isRegularFile(circuit.r1cs())) {
                compile(circuit);
            }
            if (!Files.isRegularFile(circuit.verificationKey()) || !Files.isRegularFile(circuit.zkey())) {
                setUp(circuit);
            }
        }
        return circuit;
    }

    private void compile(Circuit circuit) {
        try {
            Files.createDirectories(circuit.folder());
            Files.writeString(circuit.folder().resolve("main.circom"), "pragma circom 2.1.0;\n"
                    + "include \"margin.circom\";\n"
                    + "component main {public [mark, pnl, initialLong, initialShort, maintenanceLong,"
                    + " maintenanceShort, quadratic, roll, delta, portfolio, maintenance, mmFactor, deltaShock,"
                    + " deltaThreshold]} = MarginProof(" + circuit.instruments() + ", " + circuit.scenarios() + ");\n");
        } catch (IOException e) {
            throw new ToolFailure("cannot write the circuit in " + circuit.folder() + ": " + e.getMessage());
        }
        // Circom in WebAssembly sees the working directory only: every path is relative to the zk folder.
        String relative = home.relativize(circuit.folder()).toString();
        run(List.of("node", "node_modules/circom2/cli.js", relative + "/main.circom", "--r1cs", "--wasm", "--O2",
                "-o", relative, "-l", "node_modules", "-l", "circuits"), "compiling " + CIRCUIT, 30);
    }

    private void setUp(Circuit circuit) {
        int power = Math.max(SMALLEST_POWER,
                64 - Long.numberOfLeadingZeros(circuit.constraints() + circuit.publicInputs() + 1));
        Path tau = powersOfTau(power);
        Path initial = circuit.folder().resolve("main_0.zkey");
        snarkjs("the circuit's phase 2 setup", 30, "groth16", "setup", circuit.r1cs().toString(), tau.toString(),
                initial.toString());
        Path contributed = circuit.folder().resolve("main.zkey.part");
        snarkjs("the phase 2 contribution", 30, "zkey", "contribute", initial.toString(), contributed.toString(),
                "--name=margo development setup", "-e=" + entropy());
        Path key = circuit.folder().resolve("verification_key.json.part");
        snarkjs("exporting the verification key", 5, "zkey", "export", "verificationkey", contributed.toString(),
                key.toString());
        try {
            Files.delete(initial);
            Files.move(contributed, circuit.zkey(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(key, circuit.verificationKey(), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ToolFailure("cannot store the keys in " + circuit.folder() + ": " + e.getMessage());
        }
    }

    /** A prepared powers-of-tau file of at least {@code power}, generated here the first time (minutes). */
    private Path powersOfTau(int power) {
        Path cache = home.resolve("target/zk");
        for (int p = power; p <= 20; p++) {
            Path existing = cache.resolve("powers-of-tau-" + p + ".ptau");
            if (Files.isRegularFile(existing)) {
                return existing;
            }
        }
        Path first = cache.resolve("powers-of-tau-" + power + "-0.ptau");
        Path second = cache.resolve("powers-of-tau-" + power + "-1.ptau");
        Path prepared = cache.resolve("powers-of-tau-" + power + ".ptau.part");
        System.err.println("margo: generating a development powers-of-tau (2^" + power + " constraints) in " + cache
                + "; this takes minutes once");
        snarkjs("a new powers of tau", 10, "powersoftau", "new", "bn128", Integer.toString(power), first.toString());
        snarkjs("the powers-of-tau contribution", 60, "powersoftau", "contribute", first.toString(), second.toString(),
                "--name=margo development setup", "-e=" + entropy());
        snarkjs("preparing phase 2", 120, "powersoftau", "prepare", "phase2", second.toString(), prepared.toString());
        Path done = cache.resolve("powers-of-tau-" + power + ".ptau");
        try {
            Files.delete(first);
            Files.delete(second);
            Files.move(prepared, done, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ToolFailure("cannot store the powers of tau in " + cache + ": " + e.getMessage());
        }
        return done;
    }

    private static String entropy() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Runs snarkjs; returns its output. */
    String snarkjs(String what, int minutes, String... arguments) {
        List<String> command = new ArrayList<>(List.of("node", "node_modules/snarkjs/build/cli.cjs"));
        command.addAll(List.of(arguments));
        return run(command, what, minutes);
    }

    /** Runs a command in the zk folder; returns its output, or fails with its last lines. */
    String run(List<String> command, String what, int minutes) {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new ToolFailure(what + " failed to start (" + command.get(0) + "): " + e.getMessage()
                    + "; proofs of margin need Node.js 18 or later on the PATH");
        }
        try (InputStream out = process.getInputStream()) {
            process.getOutputStream().close();
            String output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new ToolFailure(what + " took more than " + minutes + " minutes and was stopped");
            }
            if (process.exitValue() != 0 || output.contains("[ERROR]")) {
                throw new ToolFailure(what + " failed: " + lastLines(output), output);
            }
            return output;
        } catch (IOException e) {
            throw new ToolFailure(what + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ToolFailure(what + " was interrupted");
        }
    }

    private static String lastLines(String output) {
        String clean = output.replaceAll("\u001B\\[[;\\d]*m", "").strip();
        String[] lines = clean.split("\n");
        return String.join(" | ", List.of(lines).subList(Math.max(0, lines.length - 3), lines.length));
    }

    /**
     * A compiled circuit in its cache folder.
     *
     * @param folder      target/zk/margin-N-S
     * @param instruments the slots, N
     * @param scenarios   the scenarios, S
     */
    record Circuit(Path folder, int instruments, int scenarios) {

        Path r1cs() {
            return folder.resolve("main.r1cs");
        }

        Path wasm() {
            return folder.resolve("main_js/main.wasm");
        }

        Path zkey() {
            return folder.resolve("main.zkey");
        }

        Path verificationKey() {
            return folder.resolve("verification_key.json");
        }

        /** The circuit's public inputs: the vectors and the five rule inputs. */
        int publicInputs() {
            return instruments * (scenarios + ScenarioVectors.Column.values().length) + 5;
        }

        /** The number of constraints, read from the R1CS file's header section. */
        long constraints() {
            // "r1cs", version, section count; then sections of (type, size); the header (type 1) holds the field
            // size, the prime, the wires, public outputs, public inputs, private inputs, labels and constraints.
            try (java.nio.channels.FileChannel in = java.nio.channels.FileChannel.open(r1cs())) {
                long at = 12;
                while (at + 12 <= in.size()) {
                    java.nio.ByteBuffer section = read(in, at, 12);
                    int type = section.getInt();
                    long size = section.getLong();
                    if (type == 1) {
                        int fieldSize = read(in, at + 12, 4).getInt();
                        return Integer.toUnsignedLong(read(in, at + 12 + 4 + fieldSize + 4 * 4 + 8, 4).getInt());
                    }
                    at += 12 + size;
                }
            } catch (IOException | RuntimeException e) {
                throw new ToolFailure("cannot read the circuit's constraint count in " + r1cs() + ": " + e);
            }
            throw new ToolFailure("the circuit " + r1cs() + " has no header section");
        }

        private static java.nio.ByteBuffer read(java.nio.channels.FileChannel in, long at, int bytes)
                throws IOException {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            in.read(buffer, at);
            return buffer.flip();
        }
    }

    /** A tool that is missing or failed, with a message for the user. */
    static final class ToolFailure extends RuntimeException {
        private final String output;

        ToolFailure(String message) {
            this(message, "");
        }

        ToolFailure(String message, String output) {
            super(message);
            this.output = output;
        }

        /** The tool's whole output, for diagnosing the circuit's assertion. */
        String output() {
            return output;
        }

        /** The template and line of a failed assertion in the circuit, when the output names one. */
        String failedTemplate() {
            Matcher matcher = Pattern.compile("Error in template (\\w+)").matcher(output);
            return matcher.find() ? matcher.group(1) : null;
        }
    }
}
