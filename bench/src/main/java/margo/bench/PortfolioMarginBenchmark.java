package margo.bench;

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
 * on the 27 + 8 scenario grid. JMH's threads stay at 1; parallelism is inside: accounts are split into tasks of 256
 * on the common ForkJoinPool (every core of the machine), and the inner loops run over primitive arrays.
 *
 * <p>Scores, all per second:
 * <ul>
 *   <li>{@link #sharedInstrumentRevaluation}: position-scenario P&amp;Ls, 17.5 million per invocation. Each of the
 *       156 instruments is revalued by Black-76 once per scenario (5,460 prices, inside the timing), then each
 *       position's P&amp;L in each scenario is its quantity times its instrument's unit P&amp;L, summed per account
 *       and reduced to the worst loss. A "revaluation" here is that multiply-add, not a Black-76 call: it is how
 *       venues margin many accounts, and honest as long as it is named so.</li>
 *   <li>{@link #accountAggregation}: accounts margined per second, from instrument vectors already computed.</li>
 *   <li>{@link #fullRevaluationPerPosition}: position-scenario P&amp;Ls with a Black-76 repricing of every position
 *       in every scenario (no sharing; each position looks its market data up once, then 35 Black-76 calls), on the first 200 accounts (350,000 per invocation): the rate without the
 *       venue's shortcut.</li>
 * </ul>
 *
 * <pre>java -jar bench/target/benchmarks.jar PortfolioMarginBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s -t 1</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PortfolioMarginBenchmark {

    private static final int SCENARIOS = 35;
    private static final int FULL_ACCOUNTS = 200;

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
    @OperationsPerInvocation(FULL_ACCOUNTS * MarginBook.POSITIONS_PER_ACCOUNT * SCENARIOS)
    public double[] fullRevaluationPerPosition(MarginBook book) {
        IntStream.range(0, FULL_ACCOUNTS).parallel().forEach(a -> {
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
