package margo.zk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import margo.core.margin.PortfolioMarginParameters;
import margo.core.margin.PortfolioMarginRule;
import margo.core.margin.StandardMarginRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proofs of margin through the real circuit, Circom and snarkjs, on the sample book's nine-instrument slate over
 * Deribit's 27 + 8 portfolio-margin scenarios, for an account holding four of them (the compiled circuit and
 * development keys are cached in target/zk; the first run makes them, which takes minutes).
 */
class MarginProofTest {

    private static ScenarioVectors portfolio;
    private static Path proof;
    private static MarginProofs.Proof made;

    @TempDir
    static Path folder;

    @BeforeAll
    static void proveOnce() throws IOException {
        portfolio = ScenarioVectors.of(SampleSlate.BOOK_SLATE, SampleSlate.PRICER, "portfolio_margin",
                new PortfolioMarginRule(PortfolioMarginParameters.DERIBIT_BTC), "2024-03-01T08:00:00Z");
        proof = folder.resolve("proof");
        made = MarginProofs.prove(SampleSlate.witness(SampleSlate.account(10), portfolio), false, proof);
    }

    @Test
    void aCoveredAccountsProofVerifies() throws IOException {
        MarginProofs.Verification verification = MarginProofs.verify(proof);
        assertTrue(verification.valid(), verification.problems().toString());
        assertTrue(made.equity() > made.margin());
        assertEquals(portfolio.sha256(), verification.vectorsSha256());
        assertTrue(Files.isRegularFile(made.opening()) && !made.opening().startsWith(proof),
                "the opening stays out of the proof's folder");
    }

    @Test
    void aChangedVectorFailsVerificationEvenWithAMatchingHash() throws IOException {
        Path copy = copyOf("vector");
        String vectors = Files.readString(copy.resolve("scenarios.json"));
        JsonObject root = JsonParser.parseString(vectors).getAsJsonObject();
        JsonObject first = root.getAsJsonArray("instruments").get(0).getAsJsonObject();
        first.getAsJsonArray("pnl").set(0, new com.google.gson.JsonPrimitive(
                new BigInteger(first.getAsJsonArray("pnl").get(0).getAsString()).add(BigInteger.ONE).toString()));
        Files.writeString(copy.resolve("scenarios.json"), root.toString());
        // Name the changed vectors in the statement too, so that only the proof itself can catch the change.
        String sha = ScenarioVectors.read(copy.resolve("scenarios.json")).sha256();
        rewriteStatement(copy, "vectors_sha256", sha);
        MarginProofs.Verification verification = MarginProofs.verify(copy);
        assertFalse(verification.proofChecks());
        assertFalse(verification.valid());
    }

    @Test
    void aChangedCommitmentFailsVerification() throws IOException {
        Path copy = copyOf("commitment");
        String commitment = made.commitment();
        rewriteStatement(copy, "commitment", new BigInteger(commitment).add(BigInteger.ONE).toString());
        assertFalse(MarginProofs.verify(copy).proofChecks());
    }

    @Test
    void theSameProofDoesNotProveTheMaintenanceLevel() throws IOException {
        Path copy = copyOf("level");
        rewriteStatement(copy, "level", "maintenance");
        assertFalse(MarginProofs.verify(copy).proofChecks());
    }

    @Test
    void aChangedProofFailsVerification() throws IOException {
        Path copy = copyOf("proof");
        JsonObject proofJson = JsonParser.parseString(Files.readString(copy.resolve("proof.json"))).getAsJsonObject();
        String x = proofJson.getAsJsonArray("pi_a").get(0).getAsString();
        proofJson.getAsJsonArray("pi_a").set(0, new com.google.gson.JsonPrimitive(
                new BigInteger(x).add(BigInteger.ONE).toString()));
        Files.writeString(copy.resolve("proof.json"), proofJson.toString());
        assertFalse(MarginProofs.verify(copy).proofChecks());
    }

    @Test
    void anAccountBelowItsMarginCannotProve() {
        AccountWitness poor = SampleSlate.witness(SampleSlate.account(0.01), portfolio);
        MarginProofs.Refused refused = assertThrows(MarginProofs.Refused.class,
                () -> MarginProofs.prove(poor, false, folder.resolve("poor")));
        assertTrue(refused.getMessage().contains("below its initial margin"), refused.getMessage());
        assertFalse(Files.exists(folder.resolve("poor")));
    }

    @Test
    void theCircuitsThresholdIsTheFixedPointMargin() throws IOException {
        // Cash such that equity equals the margin to the last of the 28 decimals holds; one unit less does not.
        AccountWitness witness = SampleSlate.witness(SampleSlate.account(10), portfolio);
        BigInteger surplus = witness.equity(false).subtract(witness.margin(false));
        BigInteger e12 = FixedPoint.power(12);
        // Equity moves by 10^12 at 28 decimals per unit of cash at 16: land on a multiple, then step one below.
        BigInteger excess = surplus.divide(e12);
        AccountWitness atEdge = witness.withCash(witness.cashInitial().subtract(excess), witness.cashMaintenance());
        assertTrue(atEdge.equity(false).compareTo(atEdge.margin(false)) >= 0);
        assertTrue(MarginProofs.witnessHolds(atEdge.circuitInput(false), portfolio));
        AccountWitness below = atEdge.withCash(atEdge.cashInitial().subtract(BigInteger.ONE), witness.cashMaintenance());
        assertTrue(below.equity(false).compareTo(below.margin(false)) < 0);
        assertFalse(MarginProofs.witnessHolds(below.circuitInput(false), portfolio));
    }

    @Test
    void aProverCannotUnderstateTheWorstLoss() throws IOException {
        AccountWitness witness = SampleSlate.witness(SampleSlate.account(10), portfolio);
        Map<String, Object> input = witness.circuitInput(false);
        input.put("worst", FixedPoint.field(witness.worst().subtract(BigInteger.ONE)));
        assertFalse(MarginProofs.witnessHolds(input, portfolio));
    }

    @Test
    void standardMarginProofsVerify() throws IOException {
        ScenarioVectors standard = ScenarioVectors.of(SampleSlate.BOOK_SLATE, SampleSlate.PRICER, "deribit_standard",
                StandardMarginRule.DERIBIT, "2024-03-01T08:00:00Z");
        Path standardProof = folder.resolve("standard");
        MarginProofs.prove(SampleSlate.witness(SampleSlate.account(10), standard), true, standardProof);
        assertTrue(MarginProofs.verify(standardProof).valid());
    }

    private static Path copyOf(String name) throws IOException {
        Path copy = folder.resolve("tampered-" + name);
        Files.createDirectories(copy);
        for (String file : new String[] {"proof.json", "statement.json", "scenarios.json", "verification_key.json"}) {
            Files.copy(proof.resolve(file), copy.resolve(file));
        }
        return copy;
    }

    private static void rewriteStatement(Path copy, String key, String value) throws IOException {
        JsonObject statement = JsonParser.parseString(Files.readString(copy.resolve("statement.json"))).getAsJsonObject();
        statement.addProperty(key, value);
        Files.writeString(copy.resolve("statement.json"), statement.toString());
    }
}
