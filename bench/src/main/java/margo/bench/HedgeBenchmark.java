package margo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import margo.core.hedging.Greek;
import margo.core.hedging.GreekTarget;
import margo.core.hedging.HedgeCandidate;
import margo.core.hedging.HedgeObjective;
import margo.core.hedging.HedgeProblem;
import margo.core.hedging.HedgeResult;
import margo.core.hedging.HedgeSolver;
import margo.core.margin.Black76PositionPricer;
import margo.core.margin.Collateral;
import margo.core.margin.MarginGroup;
import margo.core.margin.PortfolioMarginParameters;
import margo.core.margin.PortfolioMarginRule;
import margo.core.margin.Position;
import margo.core.market.InstrumentName;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One hedge of a 50-position BTC account (seeded, drawn from {@link MarginBook}'s 156 instruments, with 20 BTC of
 * collateral) with 20 candidates (the perpetual, two futures, 17 options quoted at the mark plus or minus 2% and 0.0002
 * BTC), to net delta 0 +/- 0.5 coin, gamma 0 +/- 0.05 coin per 1% and vega 0 +/- 2,000 USD, in lots of 0.1, at most
 * 50 coin per instrument, on Deribit's 35-scenario BTC grid.
 *
 * <ul>
 *   <li>{@link #marginMinimisingHedge}: the portfolio-margin IM minimised (105 variables, about 190 constraints in
 *       each of the two programs, then the lot search and the hedged book's IM by the rule): the target is under
 *       100 ms;</li>
 *   <li>{@link #costMinimisingHedge}: the same targets at the least spread cost, the peer measured in the same run.</li>
 * </ul>
 *
 * <pre>bench/jmh.sh HedgeBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -t 1</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class HedgeBenchmark {

    private HedgeProblem byMargin;
    private HedgeProblem byCost;

    @Setup(Level.Trial)
    public void build() {
        List<InstrumentName> instruments = new ArrayList<>();
        Black76PositionPricer pricer = MarginBook.market(instruments);
        SplittableRandom random = new SplittableRandom(13);
        List<Position> positions = new ArrayList<>();
        while (positions.size() < 50) {
            InstrumentName instrument = instruments.get(random.nextInt(instruments.size()));
            double size = Math.rint(random.nextDouble(-10, 10) * 10) / 10;
            if (size == 0 || positions.stream().anyMatch(p -> p.instrument().equals(instrument))) {
                continue;
            }
            boolean option = instrument instanceof InstrumentName.Option;
            positions.add(new Position(instrument, size, option ? Double.NaN : pricer.forward(instrument)));
        }
        MarginGroup group = new MarginGroup("", positions, List.of(new Collateral("BTC", 20, 0)));
        List<HedgeCandidate> candidates = new ArrayList<>();
        candidates.add(HedgeCandidate.atMark(new InstrumentName.Perpetual("BTC")));
        for (InstrumentName instrument : instruments) {
            if (candidates.size() == 20) {
                break;
            }
            boolean held = positions.stream().anyMatch(p -> p.instrument().equals(instrument));
            if (instrument instanceof InstrumentName.Future && candidates.size() < 3) {
                candidates.add(HedgeCandidate.atMark(instrument));
            } else if (instrument instanceof InstrumentName.Option option && !held && option.strike() >= 48_000
                    && option.strike() <= 80_000 && candidates.size() >= 3) {
                double mark = pricer.unitValue(instrument);
                candidates.add(new HedgeCandidate(instrument, Math.max(0, mark * 0.98 - 0.0002), mark * 1.02 + 0.0002));
            }
        }
        List<GreekTarget> targets = List.of(GreekTarget.within(Greek.NET_DELTA, 0, 0.5),
                GreekTarget.within(Greek.GAMMA, 0, 0.05), GreekTarget.within(Greek.VEGA_USD, 0, 2000));
        PortfolioMarginRule rule = new PortfolioMarginRule(PortfolioMarginParameters.DERIBIT_BTC);
        byMargin = new HedgeProblem(group, pricer, candidates, targets, new HedgeObjective.Margin(rule), rule, 0.1, 50);
        byCost = new HedgeProblem(group, pricer, candidates, targets, new HedgeObjective.Cost(), rule, 0.1, 50);
        for (HedgeProblem problem : List.of(byMargin, byCost)) {
            HedgeResult result = HedgeSolver.solve(problem);
            if (!result.feasible() || result.trades().isEmpty()) {
                throw new IllegalStateException("the benchmark's hedge should trade and meet its targets: " + result);
            }
        }
    }

    @Benchmark
    public HedgeResult marginMinimisingHedge() {
        return HedgeSolver.solve(byMargin);
    }

    @Benchmark
    public HedgeResult costMinimisingHedge() {
        return HedgeSolver.solve(byCost);
    }
}
