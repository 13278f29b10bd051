package margo.zk;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import margo.core.margin.Account;
import margo.core.margin.MarginCalculator;
import margo.core.margin.MarginGroup;
import margo.core.margin.MarginState;
import margo.core.margin.Position;
import margo.core.margin.Settlement;
import margo.core.market.InstrumentName;
import margo.dsl.proof.MarginProver;
import margo.dsl.proof.ProofFailure;
import margo.dsl.value.BookValue;
import margo.dsl.value.RulesValue;
import margo.dsl.value.TableValue;
import margo.zk.Toolchain.ToolFailure;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The language's proofs of margin ({@code publish_scenarios}, {@code prove_margin}, {@code verify_margin}), found by
 * the dsl through {@link java.util.ServiceLoader}. The slate of a book is its instruments of one settlement
 * currency, the coin's when it holds any inverse instrument, sorted by name: the venue and its accounts compute
 * the same vectors from the same book and market.
 */
public final class ZkMarginProver implements MarginProver {

    private static final String TOOLING_HINT = "proofs need Node.js 18 or later and npm on the PATH (Debian: nodejs,"
            + " npm); the zk folder's tooling installs itself with npm ci";

    @Override
    public TableValue publish(BookValue market, RulesValue rules, Path file) {
        ScenarioVectors vectors = vectors(market, rules);
        try {
            vectors.write(file);
        } catch (IOException e) {
            throw new ProofFailure("cannot write " + file + ": " + e.getMessage(), null);
        }
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("file", file.toString());
        rows.put("rule", vectors.rule());
        rows.put("currency", vectors.currency());
        rows.put("instruments", vectors.size() + ": " + String.join(", ", vectors.instruments()));
        rows.put("scenarios", Integer.toString(vectors.portfolio() ? vectors.scenarioCount() : 0));
        rows.put("vectors_sha256", vectors.sha256());
        rows.put("valuation_time", vectors.valuationTime());
        rows.put("index", number(vectors.index()));
        return table(rows);
    }

    @Override
    public TableValue prove(BookValue book, String accountName, RulesValue rules, boolean maintenance, Path folder) {
        ScenarioVectors vectors = vectors(book, rules);
        Account account;
        try {
            account = book.book().account(accountName);
        } catch (IllegalArgumentException e) {
            throw new ProofFailure(e.getMessage(), "the book's accounts: " + String.join(", ",
                    book.book().accounts().stream().map(Account::name).toList()));
        }
        MarginGroup pool = account.groups().stream().filter(group -> !group.isolated()).findFirst()
                .orElseThrow(() -> new ProofFailure("account " + accountName + " has no cross-margin pool to prove",
                        null));
        AccountWitness witness;
        try {
            witness = AccountWitness.of(accountName, pool, book.pricer(), vectors, salt());
        } catch (IllegalArgumentException e) {
            throw new ProofFailure(e.getMessage(), null);
        }
        MarginProofs.Proof proof;
        try {
            proof = MarginProofs.prove(witness, maintenance, folder);
        } catch (MarginProofs.Refused refused) {
            throw new ProofFailure(refused.getMessage(), "a proof exists only when the equity covers the margin: add"
                    + " collateral or reduce the positions");
        } catch (ToolFailure failure) {
            throw new ProofFailure(failure.getMessage(), TOOLING_HINT);
        } catch (IOException e) {
            throw new ProofFailure("cannot write the proof in " + folder + ": " + e.getMessage(), null);
        }
        MarginState exact = new MarginCalculator(rules.rule()).state(pool, book.pricer());
        double usdPerUnit = AccountWitness.usdPerUnit(vectors.currency(), book.pricer());
        String level = maintenance ? "maintenance" : "initial";
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("claim", "account " + accountName + ": " + (maintenance ? "equity" : "equity after haircuts")
                + " >= " + level + " margin under " + vectors.rule() + ", sizes hidden behind the commitment");
        rows.put("commitment", proof.commitment());
        rows.put("vectors_sha256", proof.vectorsSha256());
        rows.put("equity", number(proof.equity()) + " " + vectors.currency() + " (fixed point; Margo: "
                + number((maintenance ? exact.equity() : exact.initialEquity()) / usdPerUnit) + ")");
        rows.put("margin", number(proof.margin()) + " " + vectors.currency() + " (fixed point; Margo: "
                + number((maintenance ? exact.maintenanceMargin() : exact.initialMargin()) / usdPerUnit)
                + ", bound on the difference " + String.format(Locale.ROOT, "%.1e",
                witness.marginRoundingBound(maintenance)) + ")");
        rows.put("circuit", proof.constraints() + " constraints, " + vectors.size() + " instruments x "
                + vectors.scenarioCount() + " scenarios");
        rows.put("proving_ms", Long.toString(proof.proveMillis()));
        rows.put("proof_bytes", Long.toString(proof.proofBytes()));
        rows.put("folder", proof.folder().toString());
        rows.put("opening", proof.opening() + " (private: it reveals the sizes)");
        if (account.groups().size() > 1) {
            rows.put("not_proved", "the account's isolated groups, which have collateral of their own");
        }
        rows.put("setup", MarginProofs.SETUP_CAVEAT);
        return table(rows);
    }

    @Override
    public TableValue verify(Path folder) {
        MarginProofs.Verification verification;
        try {
            verification = MarginProofs.verify(folder);
        } catch (IllegalArgumentException e) {
            throw new ProofFailure(e.getMessage(), null);
        } catch (ToolFailure failure) {
            throw new ProofFailure(failure.getMessage(), TOOLING_HINT);
        } catch (IOException e) {
            throw new ProofFailure("cannot read the proof in " + folder + ": " + e.getMessage(), null);
        }
        var statement = verification.statement();
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("valid", Boolean.toString(verification.valid()));
        if (!verification.valid()) {
            rows.put("problems", String.join("; ", verification.problems()));
        }
        rows.put("proves", verification.valid() ? "the holder of the opening of the commitment has "
                + (statement.get("level").getAsString().equals("maintenance") ? "equity" : "equity after haircuts")
                + " >= its " + statement.get("level").getAsString() + " margin under "
                + statement.get("rule").getAsString() + " at these vectors (fixed point, docs/zk-margin.md)"
                : "nothing");
        rows.put("does_not_prove", "that the commitment is the account's real book (only whoever vouches for"
                + " it, such as the venue or a custodian, makes it so); that the vectors are the venue's (compare"
                + " vectors_sha256 with its publication); anything about isolated groups, other currencies, open"
                + " orders or the market after " + statement.get("valuation_time").getAsString());
        rows.put("commitment", statement.get("commitment").getAsString());
        rows.put("vectors_sha256", verification.vectorsSha256());
        rows.put("level", statement.get("level").getAsString());
        rows.put("rule", statement.get("rule").getAsString());
        rows.put("currency", statement.get("currency").getAsString());
        rows.put("verification_ms", Long.toString(verification.verifyMillis()));
        rows.put("setup", MarginProofs.SETUP_CAVEAT);
        return table(rows);
    }

    private static ScenarioVectors vectors(BookValue book, RulesValue rules) {
        try {
            return ScenarioVectors.of(slate(book), book.pricer(), rules.family(), rules.rule(),
                    book.market().valuationTime().toString());
        } catch (IllegalArgumentException e) {
            throw new ProofFailure(e.getMessage(), null);
        }
    }

    /** The book's instruments of one settlement currency, the coin's when it holds an inverse one, by name. */
    static List<InstrumentName> slate(BookValue book) {
        Set<InstrumentName> all = new LinkedHashSet<>();
        for (Account account : book.book().accounts()) {
            account.positions().stream().map(Position::instrument).forEach(all::add);
        }
        if (all.isEmpty()) {
            throw new ProofFailure("the book holds no positions, so there is no slate of instruments", null);
        }
        String coin = book.pricer().coin();
        boolean inverse = all.stream().anyMatch(i -> Settlement.currency(i).equals(coin));
        String currency = inverse ? coin : Settlement.currency(all.iterator().next());
        List<InstrumentName> slate = new ArrayList<>();
        for (InstrumentName instrument : all) {
            if (Settlement.currency(instrument).equals(currency)) {
                slate.add(instrument);
            }
        }
        slate.sort(Comparator.comparing(InstrumentName::text));
        return slate;
    }

    private static BigInteger salt() {
        // Below 2^248, so a field element of BN254 (about 2^254) without reduction.
        return new BigInteger(248, new SecureRandom());
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.8f", value);
    }

    private static TableValue table(Map<String, String> rows) {
        StringColumn field = StringColumn.create("field");
        StringColumn value = StringColumn.create("value");
        rows.forEach((k, v) -> {
            field.append(k);
            value.append(v);
        });
        return new TableValue(Table.create("proof", field, value), null, Math.max(rows.size(), 1));
    }
}
