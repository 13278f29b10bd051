package margo.dsl.proof;

import java.nio.file.Path;
import margo.dsl.value.BookValue;
import margo.dsl.value.RulesValue;
import margo.dsl.value.TableValue;

/**
 * Zero-knowledge proofs of margin ({@code publish_scenarios}, {@code prove_margin}, {@code verify_margin}), which
 * run Circom and snarkjs on Node.js in the {@code margo-zk} module. The dsl finds it with
 * {@link java.util.ServiceLoader} ({@link MarginProvers}), so that the language needs neither Node.js nor the module
 * unless a recipe proves something. Every method reports a problem of the user's as a {@link ProofFailure}.
 */
public interface MarginProver {

    /**
     * Writes the vectors a venue publishes for the instruments of {@code market}'s book under {@code rules} to
     * {@code file}; returns what was written.
     */
    TableValue publish(BookValue market, RulesValue rules, Path file);

    /**
     * Proves that {@code account}'s cross-margin pool covers its margin under {@code rules} at the level, writing
     * the proof's folder and the account's private opening beside it; returns what the proof states.
     */
    TableValue prove(BookValue book, String account, RulesValue rules, boolean maintenance, Path folder);

    /** Verifies the proof in {@code folder}; returns the verdict, what it proves and what it does not. */
    TableValue verify(Path folder);
}
