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
 * The shipped Deribit BTC sample (valuation 2024-03-01T08:00Z, index 61,000) and venue slates of its instruments:
 * four (two options, two futures) for the fixed-point checks, the book's nine for the circuits.
 */
final class SampleSlate {

    static final double INDEX = 61_000;
    static final MarketSnapshot MARKET;
    static final PositionPricer PRICER;
    static final List<InstrumentName> SLATE = List.of("BTC-29MAR24-70000-C", "BTC-29MAR24-60000-P",
            "BTC-PERPETUAL", "BTC-29MAR24").stream().map(InstrumentName::parse).toList();
    /**
     * The slate of the shipped book's BTC-settled instruments (nine, the four above among them), as
     * {@code publish_scenarios} makes it: the proofs' tests share its circuits with the language's examples.
     */
    static final List<InstrumentName> BOOK_SLATE = List.of("BTC-26APR24-50000-P", "BTC-26APR24-75000-C",
            "BTC-28JUN24", "BTC-28JUN24-50000-P", "BTC-28JUN24-70000-C", "BTC-29MAR24", "BTC-29MAR24-60000-P",
            "BTC-29MAR24-70000-C", "BTC-PERPETUAL").stream().map(InstrumentName::parse).toList();

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
