package margo.bench;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import margo.core.margin.InstrumentValuer;
import margo.core.margin.ScenarioAggregation;
import margo.core.margin.ScenarioPnlMatrix;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Deribit-style portfolio margin (the risk-matrix worst case) of {@link MarginBook}'s 10,000 accounts x 50 positions
 * on the 27 + 8 scenario grid.
 *
 * <p>Parallelism: JMH's threads stay at 1 ({@code -t 1}); the parallelism is inside the product code. Accounts are
 * halved recursively into blocks of 256 on the common ForkJoinPool ({@code margo.core.margin.AccountBlocks}, used by
 * {@link ScenarioAggregation#worstLosses} and {@link margo.core.margin.ScenarioGrid#worstLosses}): the pool's
 * worker (one per core less one) and the calling thread share the blocks by work stealing, so both cores of the
 * benchmark machine are busy. ForkJoin rather than a parallel stream because the blocks are the natural unit (each
 * reuses its scenario buffers for 256 accounts) and because the same code margins a book with any account sizes,
 * where stealing evens out blocks of unequal cost; accounts write disjoint slots of the output, so blocks share
 * only read-only inputs. The object-path peer keeps the parallel stream it was first measured with.
 *
 * <p>Scores, all per second:
 * <ul>
 *   <li>{@link #fullRevaluationPerPosition}: position-scenario revaluations, 17.5 million per invocation (every
 *       position of all 10,000 accounts in every scenario, no sharing between positions of one instrument): each a
 *       Black-76 price of an option at its moved forward and shocked volatility (or the moved price of a future),
 *       through {@link margo.core.margin.ScenarioGrid} on {@link margo.core.margin.MarkedPositions}. Inside the
 *       timing, per position: ln(F/K), sqrt T, the unshocked price and the vol shifts of the grid's three shocks;
 *       per scenario, one {@code Black76.priceFromLogMoneyness}. Outside it (trial setup): binding each position's
 *       forward, strike, mark IV and time to expiry from the market snapshot.</li>
 *   <li>{@link #fullRevaluationOneCore}: the same on the first 1,000 accounts in the calling thread only, for the
 *       per-core rate and so the parallel speed-up.</li>
 *   <li>{@link #fullRevaluationObjectPath}: the former object path as a peer, on the first 200 accounts: each
 *       position looks its market data up once ({@code pricer.valuer}), then 35 {@code Scenario.unitPnl} calls with
 *       virtual valuer and volatility-shock calls.</li>
 *   <li>{@link #sharedInstrumentRevaluation}: position-scenario P&amp;Ls, 17.5 million per invocation. Each of the
 *       156 instruments is revalued by Black-76 once per scenario (5,460 prices, inside the timing), then each
 *       position's P&amp;L in each scenario is its quantity times its instrument's unit P&amp;L, summed per account
 *       and reduced to the worst loss. A "revaluation" here is that multiply-add, not a Black-76 call: it is how
 *       venues margin many accounts, and honest as long as it is named so.</li>
 *   <li>{@link #accountAggregation}: accounts margined per second, from instrument vectors already computed.</li>
 * </ul>
 *
 * <pre>$JAVA_HOME/bin/java --sun-misc-unsafe-memory-access=allow -jar bench/target/benchmarks.jar \
 *     PortfolioMarginBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s -t 1</pre>
 *
 * <p>Measured on the 2-core development machine (Temurin 25.0.3, 24 November 2026, load average 1.4 during the
 * run, which counts the benchmark's own threads): full revaluation 41.7 million per second on both cores, 20.9
 * million on one; the object path 21.5 million on both cores (so 1.9 times slower). Nearly all the time is inside the Black-76 kernel (Jaeckel's
 * normalised Black function and Cody's {@code erfc}/{@code erfcx}); the loop does not vectorise, since each
 * scenario branches on the kernel's region.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PortfolioMarginBenchmark {

    private static final int SCENARIOS = 35;
    private static final int ONE_CORE_ACCOUNTS = 1_000;
    private static final int OBJECT_PATH_ACCOUNTS = 200;

    @Benchmark
    @OperationsPerInvocation(MarginBook.POSITIONS * SCENARIOS)
    public double[] sharedInstrumentRevaluation(MarginBook book) {
        double[] unitPnl = ScenarioPnlMatrix.unitPnl(book.instruments, book.scenarios, book.pricer);
        ScenarioAggregation.worstLosses(unitPnl, SCENARIOS, book.instrument, book.quantity, book.accountStart,
                book.worstLoss, true);
        return book.worstLoss;
    }

    @Benchmark
    @OperationsPerInvocation(MarginBook.ACCOUNTS)
    public double[] accountAggregation(MarginBook book) {
        ScenarioAggregation.worstLosses(book.unitPnl, SCENARIOS, book.instrument, book.quantity, book.accountStart,
                book.worstLoss, true);
        return book.worstLoss;
    }

    @Benchmark
    @OperationsPerInvocation(MarginBook.POSITIONS * SCENARIOS)
    public double[] fullRevaluationPerPosition(MarginBook book) {
        book.grid.worstLosses(book.marked, book.accountStart, book.worstLoss, true);
        return book.worstLoss;
    }

    @Benchmark
    @OperationsPerInvocation(ONE_CORE_ACCOUNTS * MarginBook.POSITIONS_PER_ACCOUNT * SCENARIOS)
    public double[] fullRevaluationOneCore(MarginBook book) {
        book.grid.worstLosses(book.marked, Arrays.copyOf(book.accountStart, ONE_CORE_ACCOUNTS + 1),
                book.worstLoss, false);
        return book.worstLoss;
    }

    @Benchmark
    @OperationsPerInvocation(OBJECT_PATH_ACCOUNTS * MarginBook.POSITIONS_PER_ACCOUNT * SCENARIOS)
    public double[] fullRevaluationObjectPath(MarginBook book) {
        IntStream.range(0, OBJECT_PATH_ACCOUNTS).parallel().forEach(a -> {
            double[] pnl = new double[SCENARIOS];
            for (int p = book.accountStart[a]; p < book.accountStart[a + 1]; p++) {
                InstrumentValuer valuer = book.pricer.valuer(book.instruments.get(book.instrument[p]));
                double base = valuer.value(0.0, 0.0);
                for (int s = 0; s < SCENARIOS; s++) {
                    pnl[s] += book.quantity[p] * book.scenarios.get(s).unitPnl(valuer, base);
                }
            }
            book.worstLoss[a] = ScenarioAggregation.worstLoss(pnl, SCENARIOS);
        });
        return book.worstLoss;
    }
}
