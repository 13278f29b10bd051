package margo.zk;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import margo.core.margin.Account;
import margo.core.margin.Black76PositionPricer;
import margo.core.margin.Collateral;
import margo.core.margin.MarketSnapshot;
import margo.core.margin.Position;
import margo.core.margin.PositionPricer;
import margo.core.market.InstrumentName;
import margo.core.market.LoadOptions;
import margo.core.market.OptionChains;

/**
 * The shipped Deribit BTC sample (valuation 2024-03-01T08:00Z, index 61,000) and a venue slate of four of its
 * instruments, two options and two futures, small enough for a fast circuit.
 */
final class SampleSlate {

    static final double INDEX = 61_000;
    static final MarketSnapshot MARKET;
    static final PositionPricer PRICER;
    static final List<InstrumentName> SLATE = List.of("BTC-29MAR24-70000-C", "BTC-29MAR24-55000-P",
            "BTC-PERPETUAL", "BTC-29MAR24").stream().map(InstrumentName::parse).toList();

    static {
        try {
            MARKET = MarketSnapshot.fromChain(OptionChains.load(data("deribit-btc-sample.csv"), LoadOptions.DEFAULTS)
                    .chain(), INDEX);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        PRICER = new Black76PositionPricer(MARKET);
    }

    private SampleSlate() {
    }

    static Path data(String name) {
        Path here = Path.of("").toAbsolutePath();
        Path root = Files.exists(here.resolve("examples")) ? here : here.getParent();
        return root.resolve("examples/data").resolve(name);
    }

    /** A short call covered by a long future, a short put and a perpetual hedge, with BTC and USDC collateral. */
    static Account account(double btcCollateral) {
        return Account.cross("sample", List.of(
                new Position(SLATE.get(0), -10, Double.NaN),
                new Position(SLATE.get(1), -5, Double.NaN),
                new Position(SLATE.get(2), -3, 60_500),
                new Position(SLATE.get(3), 4, 61_200)),
                List.of(new Collateral("BTC", btcCollateral, 0), new Collateral("USDC", 50_000, 0.02)));
    }

    static AccountWitness witness(Account account, ScenarioVectors vectors) {
        return AccountWitness.of(account.name(), account.group(""), PRICER, vectors, BigInteger.valueOf(987_654_321));
    }
}
