package margo.zk;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import margo.zk.Toolchain.Circuit;
import margo.zk.Toolchain.ToolFailure;

/**
 * Proving and verifying that a committed account covers its margin (docs/zk-margin.md). A proof is a folder:
 * {@code proof.json} (Groth16, three curve points), {@code statement.json} (the commitment, the level, the rule and
 * the SHA-256 of the vectors), {@code scenarios.json} (the venue's vectors it was proved against) and
 * {@code verification_key.json}; the account's opening (sizes, cash, salt) goes beside it, never in it.
 */
final class MarginProofs {

    /** The format written in every statement, checked on reading. */
    static final String STATEMENT_FORMAT = "margo-zk-statement/1";

    /** Said in every statement and every verification: the keys' trust assumption. */
    static final String SETUP_CAVEAT = "development keys from a local single-party trusted setup (powers of tau and"
            + " phase 2 on this machine): whoever ran it could forge proofs; a venue must use keys from a multi-party"
            + " ceremony and publish the verification key";

    private MarginProofs() {
    }

    /**
     * What a proof run produced.
     *
     * @param folder        the proof's folder
     * @param opening       the private opening's file
     * @param commitment    the Poseidon commitment to the sizes, cash and salt, a field element in decimal
     * @param vectorsSha256 the SHA-256 of the public vectors
     * @param constraints   the circuit's constraint count
     * @param proveMillis   the time of witness and proof, milliseconds
     * @param proofBytes    the size of proof.json
     * @param equity        the equity the circuit compared, in the vectors' currency
     * @param margin        the margin it compared
     */
    record Proof(Path folder, Path opening, String commitment, String vectorsSha256, long constraints,
                 long proveMillis, long proofBytes, double equity, double margin) {}

    /**
     * A verification's outcome.
     *
     * @param valid         whether the proof checks against the statement and its vectors, and nothing is amiss
     * @param proofChecks   snarkjs's verdict on the proof, the statement's commitment and level, and the vectors
     * @param problems      what is amiss, empty when valid
     * @param statement     the statement as read
     * @param vectorsSha256 the SHA-256 of the vectors in the folder, to compare with the venue's publication
     * @param verifyMillis  the time of snarkjs's verification, milliseconds
     */
    record Verification(boolean valid, boolean proofChecks, List<String> problems, JsonObject statement,
                        String vectorsSha256, long verifyMillis) {}

    /** Thrown when the account cannot prove: its equity does not cover the margin, or a bound is exceeded. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /**
     * Proves that the witness's account covers its margin at {@code maintenance} (else initial) level, into
     * {@code folder}, replacing the proof's files there.
     *
     * @throws Refused     when the circuit rejects the witness
     * @throws ToolFailure when the tooling is missing or fails
     */
    static Proof prove(AccountWitness witness, boolean maintenance, Path folder) throws IOException {
        ScenarioVectors vectors = witness.vectors();
        Toolchain toolchain = Toolchain.find();
        Circuit circuit = toolchain.circuit(vectors.size(), vectors.scenarioCount());
        Path work = Files.createTempDirectory("margo-proof");
        try {
            Path input = work.resolve("input.json");
            Files.writeString(input, new Gson().toJson(witness.circuitInput(maintenance)));
            long start = System.nanoTime();
            Path wtns = work.resolve("witness.wtns");
            try {
                toolchain.snarkjs("computing the witness", 5, "wtns", "calculate", circuit.wasm().toString(),
                        input.toString(), wtns.toString());
            } catch (ToolFailure failure) {
                throw refusal(witness, maintenance, failure);
            }
            Path proof = work.resolve("proof.json");
            Path publicSignals = work.resolve("public.json");
            toolchain.snarkjs("proving", 30, "groth16", "prove", circuit.zkey().toString(), wtns.toString(),
                    proof.toString(), publicSignals.toString());
            long millis = (System.nanoTime() - start) / 1_000_000;
            List<String> signals = signals(publicSignals);
            List<String> expected = publicSignals(signals.get(0), vectors, maintenance);
            if (!signals.equals(expected)) {
                throw new IllegalStateException("the circuit's public signals are not in the order Margo writes them");
            }
            Files.createDirectories(folder);
            Files.copy(proof, folder.resolve("proof.json"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(circuit.verificationKey(), folder.resolve("verification_key.json"),
                    StandardCopyOption.REPLACE_EXISTING);
            vectors.write(folder.resolve("scenarios.json"));
            JsonObject statement = statement(signals.get(0), vectors, maintenance, circuit);
            write(folder.resolve("statement.json"), statement);
            Path opening = folder.resolveSibling(folder.getFileName() + ".opening.json");
            write(opening, opening(witness));
            BigInteger scale = FixedPoint.power(FixedPoint.STATEMENT_DECIMALS);
            return new Proof(folder, opening, signals.get(0), vectors.sha256(), circuit.constraints(), millis,
                    Files.size(folder.resolve("proof.json")),
                    FixedPoint.unscaled(witness.equity(maintenance), FixedPoint.STATEMENT_DECIMALS),
                    FixedPoint.unscaled(witness.margin(maintenance), FixedPoint.STATEMENT_DECIMALS));
        } finally {
            clear(work);
        }
    }

    /**
     * Whether the circuit accepts {@code input} (the circuit's input of {@link AccountWitness#circuitInput}, possibly
     * altered) for the vectors' shape: its witness computes, so a proof of it exists.
     */
    static boolean witnessHolds(java.util.Map<String, Object> input, ScenarioVectors vectors) throws IOException {
        Toolchain toolchain = Toolchain.find();
        Circuit circuit = toolchain.circuit(vectors.size(), vectors.scenarioCount());
        Path work = Files.createTempDirectory("margo-witness");
        try {
            Path file = work.resolve("input.json");
            Files.writeString(file, new Gson().toJson(input));
            toolchain.snarkjs("computing the witness", 5, "wtns", "calculate", circuit.wasm().toString(),
                    file.toString(), work.resolve("witness.wtns").toString());
            return true;
        } catch (ToolFailure failure) {
            return false;
        } finally {
            clear(work);
        }
    }

    /** The circuit's refusal in words: the fixed-point equity and margin when the statement is what failed. */
    private static Refused refusal(AccountWitness witness, boolean maintenance, ToolFailure failure) {
        BigInteger equity = witness.equity(maintenance);
        BigInteger margin = witness.margin(maintenance);
        String level = maintenance ? "maintenance" : "initial";
        if (equity.compareTo(margin) < 0) {
            return new Refused("no proof exists: the account's " + level + " equity "
                    + FixedPoint.unscaled(equity, FixedPoint.STATEMENT_DECIMALS) + " " + witness.vectors().currency()
                    + " is below its " + level + " margin "
                    + FixedPoint.unscaled(margin, FixedPoint.STATEMENT_DECIMALS) + " (the circuit's witness fails"
                    + " its check equity >= margin)");
        }
        String template = failure.failedTemplate();
        return new Refused("no proof exists: the circuit rejects the account"
                + (template == null ? "" : " in its template " + template)
                + " (a value beyond the bounds of docs/zk-margin.md, such as a P&L spread across scenarios above 2^89 at 16 decimals)");
    }

    /**
     * Verifies the proof in {@code folder} against its statement and vectors with this machine's verification key
     * of the same circuit.
     */
    static Verification verify(Path folder) throws IOException {
        List<String> problems = new ArrayList<>();
        JsonObject statement = readObject(folder.resolve("statement.json"));
        String format = string(statement, "format");
        if (!STATEMENT_FORMAT.equals(format)) {
            throw new IllegalArgumentException(folder.resolve("statement.json") + ": format is " + format + ", not "
                    + STATEMENT_FORMAT);
        }
        ScenarioVectors vectors = ScenarioVectors.read(folder.resolve("scenarios.json"));
        String sha = vectors.sha256();
        if (!sha.equals(string(statement, "vectors_sha256"))) {
            problems.add("scenarios.json is not the vectors the statement names (SHA-256 " + sha + ", the statement"
                    + " says " + string(statement, "vectors_sha256") + ")");
        }
        String level = string(statement, "level");
        if (!level.equals("initial") && !level.equals("maintenance")) {
            throw new IllegalArgumentException(folder.resolve("statement.json") + ": level is '" + level
                    + "', not initial or maintenance");
        }
        String commitment = string(statement, "commitment");
        Toolchain toolchain = Toolchain.find();
        Circuit circuit = toolchain.circuit(vectors.size(), vectors.scenarioCount());
        if (!Files.readString(circuit.verificationKey()).equals(Files.readString(folder.resolve("verification_key.json")))) {
            problems.add("the proof's verification key is not this machine's key of the circuit: it was made under"
                    + " another setup, which this verification does not trust");
        }
        Path work = Files.createTempDirectory("margo-verify");
        try {
            Path publicSignals = work.resolve("public.json");
            Files.writeString(publicSignals,
                    new Gson().toJson(publicSignals(commitment, vectors, level.equals("maintenance"))));
            long start = System.nanoTime();
            boolean checks;
            try {
                String output = toolchain.snarkjs("verifying", 5, "groth16", "verify",
                        circuit.verificationKey().toString(), publicSignals.toString(),
                        folder.resolve("proof.json").toString());
                checks = output.contains("OK!");
            } catch (ToolFailure failure) {
                checks = false;
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (!checks) {
                problems.add("the proof does not verify against the statement's commitment and level and the"
                        + " vectors in scenarios.json");
            }
            return new Verification(problems.isEmpty(), checks, List.copyOf(problems), statement, sha, millis);
        } finally {
            clear(work);
        }
    }

    /** The circuit's public signals: the commitment, then the vectors' and the rule's inputs, in decimal. */
    private static List<String> publicSignals(String commitment, ScenarioVectors vectors, boolean maintenance) {
        List<String> out = new ArrayList<>();
        out.add(commitment);
        for (BigInteger value : vectors.publicInputs(maintenance)) {
            out.add(FixedPoint.field(value));
        }
        return out;
    }

    private static JsonObject statement(String commitment, ScenarioVectors vectors, boolean maintenance,
                                        Circuit circuit) throws IOException {
        JsonObject statement = new JsonObject();
        statement.addProperty("format", STATEMENT_FORMAT);
        statement.addProperty("claim", "the account committed to below has " + (maintenance ? "equity" : "equity"
                + " after collateral haircuts") + " >= its " + (maintenance ? "maintenance" : "initial") + " margin"
                + " under " + vectors.rule() + " at the vectors of scenarios.json");
        statement.addProperty("commitment", commitment);
        statement.addProperty("level", maintenance ? "maintenance" : "initial");
        statement.addProperty("rule", vectors.rule());
        statement.addProperty("currency", vectors.currency());
        statement.addProperty("index", vectors.index());
        statement.addProperty("valuation_time", vectors.valuationTime());
        statement.addProperty("vectors_sha256", vectors.sha256());
        statement.addProperty("instruments", vectors.size());
        statement.addProperty("scenarios", vectors.scenarioCount());
        statement.addProperty("constraints", circuit.constraints());
        statement.addProperty("verification_key_sha256", sha256(Files.readAllBytes(circuit.verificationKey())));
        statement.addProperty("setup", SETUP_CAVEAT);
        return statement;
    }

    private static JsonObject opening(AccountWitness witness) {
        JsonObject opening = new JsonObject();
        opening.addProperty("warning", "private: whoever holds this file can read the account's positions");
        JsonArray sizes = new JsonArray();
        for (int i = 0; i < witness.sizes().length; i++) {
            JsonObject size = new JsonObject();
            size.addProperty("instrument", witness.vectors().instruments().get(i));
            size.addProperty("size", witness.sizes()[i].toString());
            sizes.add(size);
        }
        opening.add("sizes", sizes);
        opening.addProperty("size_decimals", FixedPoint.SIZE_DECIMALS);
        opening.addProperty("cash_initial", witness.cashInitial().toString());
        opening.addProperty("cash_maintenance", witness.cashMaintenance().toString());
        opening.addProperty("cash_decimals", FixedPoint.AMOUNT_DECIMALS);
        opening.addProperty("salt", witness.salt().toString());
        return opening;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static List<String> signals(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonElement element : JsonParser.parseString(Files.readString(file)).getAsJsonArray()) {
            out.add(element.getAsString());
        }
        return out;
    }

    static JsonObject readObject(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " is missing: a proof's folder holds proof.json, statement.json,"
                    + " scenarios.json and verification_key.json");
        }
        try {
            return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new IllegalArgumentException(file + " is not a JSON object: " + e.getMessage());
        }
    }

    private static String string(JsonObject object, String key) {
        JsonElement value = object.get(key);
        if (value == null || !value.isJsonPrimitive()) {
            throw new IllegalArgumentException("statement.json: " + key + " is missing");
        }
        return value.getAsString();
    }

    private static void write(Path file, JsonObject object) throws IOException {
        Gson gson = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
        Files.writeString(file, gson.toJson(object) + "\n");
    }

    private static void clear(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
