package margo.zk;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import margo.core.margin.Account;
import margo.core.margin.Black76PositionPricer;
import margo.core.margin.Collateral;
import margo.core.margin.MarginGroup;
import margo.core.margin.MarketSnapshot;
import margo.core.margin.PortfolioMarginParameters;
import margo.core.margin.PortfolioMarginRule;
import margo.core.margin.Position;
import margo.core.margin.PositionPricer;
import margo.core.market.InstrumentName;
import margo.core.market.LoadOptions;
import margo.core.market.OptionChain;
import margo.core.market.OptionChains;

/**
 * The figures of docs/zk-margin.md (zk/figures.sh): for slates of N instruments of the shipped Deribit sample
 * (two futures and N - 2 options) over Deribit's 27 + 8 portfolio-margin scenarios, a random account holding every
 * instrument with twice its IM as collateral is proved and verified; prints the circuit's constraint count, the
 * proving time (witness and Groth16 proof), the verification time and the proof's size. The first run of a size
 * compiles its circuit and makes its development keys, which are not timed.
 */
public final class Figures {

    private Figures() {
    }

    public static void main(String[] arguments) throws Exception {
        Path data = Path.of(arguments.length > 0 ? arguments[0] : "examples/data/deribit-btc-sample.csv");
        OptionChain chain = OptionChains.load(data, LoadOptions.DEFAULTS).chain();
        MarketSnapshot market = MarketSnapshot.fromChain(chain, 61_000);
        PositionPricer pricer = new Black76PositionPricer(market);
        List<InstrumentName> options = new ArrayList<>();
        for (String name : chain.table().stringColumn("instrument")) {
            options.add(InstrumentName.parse(name));
        }
        System.out.println("instruments,scenarios,constraints,prove_ms,verify_ms,proof_bytes,equity_btc,im_btc,"
                + "node_start_ms,margo_im_us");
        Toolchain toolchain = Toolchain.find();
        for (int i = 1; i < Math.max(arguments.length, 2); i++) {
            int n = arguments.length > 1 ? Integer.parseInt(arguments[i]) : 10;
            List<InstrumentName> slate = new ArrayList<>(List.of(InstrumentName.parse("BTC-PERPETUAL"),
                    InstrumentName.parse("BTC-29MAR24")));
            slate.addAll(options.subList(0, n - 2));
            ScenarioVectors vectors = ScenarioVectors.of(slate, pricer, "portfolio_margin",
                    new PortfolioMarginRule(PortfolioMarginParameters.DERIBIT_BTC), market.valuationTime().toString());
            Random random = new Random(n);
            List<Position> positions = new ArrayList<>();
            for (InstrumentName instrument : slate) {
                boolean option = instrument instanceof InstrumentName.Option;
                positions.add(new Position(instrument, Math.round((random.nextDouble() * 20 - 10) * 10) / 10.0 + 0.05,
                        option ? Double.NaN : 61_000));
            }
            MarginGroup bare = new MarginGroup("", positions, List.of());
            AccountWitness unfunded = AccountWitness.of("figures", bare, pricer, vectors, BigInteger.ONE);
            double im = FixedPoint.unscaled(unfunded.margin(false), FixedPoint.STATEMENT_DECIMALS);
            double value = FixedPoint.unscaled(unfunded.equity(false), FixedPoint.STATEMENT_DECIMALS);
            Account account = Account.cross("figures", positions,
                    List.of(new Collateral("BTC", Math.max(2 * im - value, 0.01), 0)));
            AccountWitness witness = AccountWitness.of("figures", account.group(""), pricer, vectors,
                    new BigInteger(248, new java.security.SecureRandom()));
            Path folder = Files.createTempDirectory("margo-figures");
            MarginProofs.prove(witness, false, folder.resolve("proof"));
            // The first proof of a size made its circuit and keys: time a second.
            MarginProofs.Proof proof = MarginProofs.prove(witness, false, folder.resolve("proof"));
            MarginProofs.Verification verification = MarginProofs.verify(folder.resolve("proof"));
            if (!verification.valid()) {
                throw new IllegalStateException("the figures' proof does not verify: " + verification.problems());
            }
            // Peers in the same run: Node.js starting and doing nothing (each snarkjs step pays it), and Margo's own
            // double-precision IM of the same account.
            long nodeStart = System.nanoTime();
            toolchain.run(List.of("node", "-e", ""), "starting Node.js", 1);
            long nodeMillis = (System.nanoTime() - nodeStart) / 1_000_000;
            PortfolioMarginRule rule = new PortfolioMarginRule(PortfolioMarginParameters.DERIBIT_BTC);
            double sink = 0;
            int repeats = 2_000;
            for (int k = 0; k < repeats / 4; k++) {
                sink += rule.requirement(positions, pricer).initial();
            }
            long marginStart = System.nanoTime();
            for (int k = 0; k < repeats; k++) {
                sink += rule.requirement(positions, pricer).initial();
            }
            double marginMicros = (System.nanoTime() - marginStart) / 1e3 / repeats;
            System.out.println(String.format(Locale.ROOT, "%d,%d,%d,%d,%d,%d,%.6f,%.6f,%d,%.1f", n,
                    vectors.scenarioCount(), proof.constraints(), proof.proveMillis(), verification.verifyMillis(),
                    proof.proofBytes(), proof.equity(), proof.margin(), nodeMillis, marginMicros));
            if (!(sink > 0)) {
                throw new IllegalStateException("the account's IM is not positive: " + sink);
            }
        }
    }
}
