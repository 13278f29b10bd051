package margo.dsl.registry;

import static margo.dsl.registry.ParameterSpec.optional;
import static margo.dsl.registry.ParameterSpec.required;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import margo.dsl.check.Kind;
import margo.dsl.check.TableSchema;
import margo.dsl.registry.FunctionSpec.Implementation;

/**
 * The registry's zero-knowledge proofs of margin (docs/zk-margin.md): the venue publishes per-instrument vectors,
 * an account proves against them that its equity covers its margin without showing its positions, anyone verifies.
 * They run in the {@code margo-zk} module, with Node.js; the dsl reaches it through {@code margo.dsl.proof}.
 */
public final class ProofEntries {

    /** The functions here, which need the zk module to run (their examples run in its tests). */
    public static final List<String> FUNCTIONS = List.of("publish_scenarios", "prove_margin", "verify_margin");
    /** The settings family of the block of {@code let p = prove_margin(...) { level initial }}. */
    public static final String PROVE = "prove_margin";

    private static final Set<Kind> TEXT = Set.of(Kind.TEXT);
    private static final String OUTPUT = "file path to write, relative to the recipe's folder";

    private ProofEntries() {
    }

    static void declare(Registry registry) {
        registry.function(new FunctionSpec("publish_scenarios", List.of(
                required("market", Set.of(Kind.BOOK), "book", "the venue's book: its instruments of one settlement"
                        + " currency are the slate, valued in the book's market"),
                MarketEntries.RULES_PARAMETER,
                optional("to", TEXT, OUTPUT, "\"scenarios.json\"", List.of(), "the file the vectors go to")),
                false, Kind.TABLE, "table: field, value", false,
                "The venue's side of a proof of margin: writes, for each instrument of the slate, the values per"
                        + " unit that make any account's margin under the rules a function of its sizes (the mark;"
                        + " for deribit_standard the IM and MM per unit long and short and the futures size term;"
                        + " for portfolio_margin the P&L in each of the 27 + 8 scenarios, the roll charge and the"
                        + " delta), as integers in the circuit's fixed point. Shows the file, the slate, the number of scenarios and the"
                        + " vectors' SHA-256.",
                MarketEntries.BOOK + "show publish_scenarios(desk, portfolio_margin, to \"out/scenarios.json\")",
                new Implementation.Core()));
        registry.function(new FunctionSpec("prove_margin", List.of(MarketEntries.BOOK_PARAMETER,
                required("account", TEXT, "account name", "the account whose cross-margin pool proves"),
                MarketEntries.RULES_PARAMETER,
                optional("to", TEXT, OUTPUT, "\"proof-ACCOUNT\"", List.of(), "the proof's folder; the private"
                        + " opening goes beside it, in FOLDER.opening.json")),
                false, Kind.TABLE, "table: field, value", false,
                "A zero-knowledge proof (Groth16, Circom) that the account's equity covers its margin under the"
                        + " rules (deribit_standard or portfolio_margin) at the vectors publish_scenarios writes for"
                        + " the book's instruments, without showing its sizes: they are committed by a Poseidon hash"
                        + " with the cash and a random salt. The block's level says which margin: initial (equity"
                        + " after haircuts >= IM, the default) or maintenance (equity >= MM). An account below its"
                        + " margin gets an error: no proof exists. The keys come from a local development setup, not"
                        + " fit for production (docs/zk-margin.md). Needs Node.js; the first proof of a circuit size"
                        + " compiles it and makes its keys (minutes).",
                MarketEntries.BOOK + "let p = prove_margin(desk, \"covered-call\", portfolio_margin,"
                        + " to \"out/proof\") { level initial }\nshow p",
                new Implementation.Core()));
        registry.function(new FunctionSpec("verify_margin", List.of(
                required("path", TEXT, "folder path, relative to the recipe's folder", "a proof's folder, from"
                        + " prove_margin")),
                false, Kind.TABLE, "table: field, value", false,
                "Checks a proof of margin against its statement (the commitment and the level) and the vectors in"
                        + " its folder with this machine's verification key of the circuit, and shows what it proves"
                        + " and what it does not: the commitment is only as meaningful as whoever vouches for it, and"
                        + " the vectors' SHA-256 must be the venue's.",
                MarketEntries.BOOK + "let p = prove_margin(desk, \"covered-call\", portfolio_margin,"
                        + " to \"out/proof\")\nshow verify_margin(\"out/proof\")",
                new Implementation.Core()));
        registry.setting(new SettingSpec(PROVE, "level", Kind.TEXT, "one of initial, maintenance", "initial",
                "Which margin the proof covers: initial (equity after collateral haircuts >= IM) or maintenance"
                        + " (equity >= MM).",
                MarketEntries.BOOK + "let p = prove_margin(desk, \"covered-call\", deribit_standard,"
                        + " to \"out/proof-mm\") { level maintenance }"));
        registry.settingChoices(PROVE, "level", List.of("initial", "maintenance"));
        Map<String, Kind> fields = new LinkedHashMap<>();
        fields.put("field", Kind.TEXT);
        fields.put("value", Kind.TEXT);
        for (String function : FUNCTIONS) {
            registry.resultSchema(function, TableSchema.of(fields, false));
        }
    }
}
