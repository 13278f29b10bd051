package margo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import margo.core.margin.Black76PositionPricer;
import margo.core.margin.Collateral;
import margo.core.margin.MarginCalculator;
import margo.core.margin.MarginGroup;
import margo.core.margin.MarginState;
import margo.core.margin.ModelPositionPricer;
import margo.core.margin.PortfolioMarginParameters;
import margo.core.margin.PortfolioMarginRule;
import margo.core.margin.Position;
import margo.core.market.InstrumentName;
import margo.core.models.CosPricer;
import margo.core.models.HestonParameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What {@code priced_by} costs: the portfolio margin of one account of {@value PricedAccount#POSITIONS} positions,
 * as {@code margin(desk, pm)} computes it per group (equity, IM, MM and the liquidation search, which revalues the
 * group at some 40 index levels), with its options priced by Black-76 at the mark IVs and by a Heston model
 * through COS ({@code margin(desk, pm, priced_by hf)}). Milliseconds per account.
 *
 * <ul>
 *   <li>{@link #blackPriced}: the peer, {@link Black76PositionPricer} on the market of {@link MarginBook}.</li>
 *   <li>{@link #hestonPriced}: a fresh {@link ModelPositionPricer} per account, as each recipe call makes one: its
 *       cost includes one COS expansion per expiry and an implied-vol inversion per option and price move.</li>
 *   <li>{@link #hestonPricedWarm}: one model pricer reused, so the COS expansions and each option's model vols at
 *       the grid's moves are already kept: the cost of margining a second account on the same fit.</li>
 * </ul>
 *
 * <pre>$JAVA_HOME/bin/java --sun-misc-unsafe-memory-access=allow -jar bench/target/benchmarks.jar \
 *     ModelPricedMarginBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s -t 1</pre>
 *
 * <p>Measured on the 2-core development machine (Temurin 25.0.3, 24 November 2026): Black-76 9.9 ms, Heston 118 ms
 * fresh and 116 ms warm, so a model costs some 12 times the marks. Keeping the pricer barely helps: the liquidation
 * search moves the index to a new level at every step, and at each new forward every option's model vol is a new
 * COS price and implied-vol inversion.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ModelPricedMarginBenchmark {

    /** One cross-margined account drawn (seeded) from the options of {@link MarginBook}'s market and its futures. */
    @State(Scope.Benchmark)
    public static class PricedAccount {

        static final int POSITIONS = 50;
        /** BTC-like Heston, as {@link HestonChain}'s: 60% vol now, 63% long-run, vol of vol 2.5, mild skew. */
        static final HestonParameters HESTON = new HestonParameters(0.36, 3.0, 0.4, 2.5, -0.1);

        final MarginCalculator calculator = new MarginCalculator(
                new PortfolioMarginRule(PortfolioMarginParameters.DERIBIT_BTC));
        Black76PositionPricer market;
        ModelPositionPricer warm;
        MarginGroup group;

        @Setup(Level.Trial)
        public void build() {
            List<InstrumentName> instruments = new ArrayList<>();
            market = MarginBook.market(instruments);
            // Options the model prices at the current market (deep out-of-the-money one-week strikes it cannot
            // resolve are refused by priced_by, so a recipe's book would not hold them either).
            ModelPositionPricer model = heston();
            List<InstrumentName> priceable = instruments.stream()
                    .filter(i -> model.whyNotPriceable(i) == null).toList();
            SplittableRandom random = new SplittableRandom(20_261_124L);
            List<Position> positions = new ArrayList<>();
            for (int p = 0; p < POSITIONS; p++) {
                InstrumentName instrument = priceable.get(random.nextInt(priceable.size()));
                double size = (random.nextBoolean() ? 1 : -1) * (0.1 + 9.9 * random.nextDouble());
                positions.add(instrument instanceof InstrumentName.Option
                        ? new Position(instrument, size, Double.NaN)
                        : new Position(instrument, size, market.forward(instrument)));
            }
            group = new MarginGroup("", positions, List.of(new Collateral("BTC", 50, 0)));
            warm = heston();
        }

        ModelPositionPricer heston() {
            return ModelPositionPricer.calibrated(market, HESTON, CosPricer.DEFAULT, "heston");
        }
    }

    @Benchmark
    public MarginState blackPriced(PricedAccount account) {
        return account.calculator.state(account.group, account.market);
    }

    @Benchmark
    public MarginState hestonPriced(PricedAccount account) {
        return account.calculator.state(account.group, account.heston());
    }

    @Benchmark
    public MarginState hestonPricedWarm(PricedAccount account) {
        return account.calculator.state(account.group, account.warm);
    }
}
