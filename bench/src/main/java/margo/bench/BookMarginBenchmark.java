package margo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import margo.core.margin.Account;
import margo.core.margin.Book;
import margo.core.margin.Collateral;
import margo.core.margin.MarginCalculator;
import margo.core.margin.MarginGroup;
import margo.core.margin.PortfolioMarginParameters;
import margo.core.margin.PortfolioMarginRule;
import margo.core.margin.Position;
import margo.core.margin.PositionPricer;
import margo.core.market.InstrumentName;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What {@code margin(desk, portfolio_margin)} costs per account: {@value #ACCOUNTS} accounts of
 * {@value #POSITIONS} positions each (seeded, over {@link MarginBook}'s 156 instruments, 2 to 40 BTC of
 * collateral, so that most accounts have a liquidation price down or up), each margined with its equity, IM, MM
 * and the liquidation search of {@link MarginCalculator}: up to 40 steps of the index each way, then Brent's
 * solver, each point a full portfolio-margin revaluation at the moved market.
 *
 * <ul>
 *   <li>{@link #bookReport}: {@code MarginCalculator.report}, what the recipe runs. The search's steps are the same
 *       markets for every account, so each instrument is revalued once per step for the whole book.</li>
 *   <li>{@link #eachAccountAlone}: {@code MarginCalculator.states} per account: nothing shared between accounts,
 *       an instrument revalued once per point of the account's own search.</li>
 *   <li>{@link #uncachedSearch}: the peer from before the search shared anything, replayed here with core's public
 *       methods: every point of the search is {@code equityAndMaintenance} on a fresh moved pricer, which revalues
 *       each position's instrument for its value, for the scenario matrix and for its delta.</li>
 * </ul>
 * All three give the same liquidation prices, bit for bit (checked at setup). Scores are accounts per second.
 *
 * <pre>bench/jmh.sh BookMarginBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s -t 1</pre>
 *
 * <p>Measured on the 2-core development machine (Temurin 25.0.3, 7 December 2026, load average 5.8 to 6.1 with
 * another session's JMH run beside it, so the errors are wide): {@code bookReport} 352 &plusmn; 164 accounts per
 * second, {@code eachAccountAlone} 93 &plusmn; 16, {@code uncachedSearch} 88 &plusmn; 18. Sharing the steps' markets
 * between accounts is what pays, 4 times; remembering an instrument's values within one point of one account's
 * search, which {@code eachAccountAlone} has and the replay has not, barely shows.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class BookMarginBenchmark {

    static final int ACCOUNTS = 200;
    static final int POSITIONS = 20;
    private static final int SEARCH_STEPS = 40;

    private final MarginCalculator calculator =
            new MarginCalculator(new PortfolioMarginRule(PortfolioMarginParameters.DERIBIT_BTC));
    private PositionPricer pricer;
    private Book book;

    @Setup(Level.Trial)
    public void build() {
        List<InstrumentName> instruments = new ArrayList<>();
        pricer = MarginBook.market(instruments);
        SplittableRandom random = new SplittableRandom(7);
        List<Account> accounts = new ArrayList<>();
        for (int a = 0; a < ACCOUNTS; a++) {
            List<Position> positions = new ArrayList<>();
            for (int p = 0; p < POSITIONS; p++) {
                InstrumentName instrument = instruments.get(random.nextInt(instruments.size()));
                double size = (random.nextBoolean() ? 1 : -1) * (0.1 + 4.9 * random.nextDouble());
                positions.add(new Position(instrument, size, instrument instanceof InstrumentName.Option
                        ? Double.NaN : pricer.forward(instrument)));
            }
            accounts.add(Account.cross(String.format("acct-%04d", a), positions,
                    List.of(new Collateral("BTC", 2 + 38 * random.nextDouble(), 0))));
        }
        book = new Book(accounts);
        double[] alone = liquidationPrices(bookReport());
        double[] replayed = uncachedSearch();
        int found = 0;
        for (int i = 0; i < alone.length; i++) {
            found += Double.isNaN(alone[i]) ? 0 : 1;
            if (Double.doubleToRawLongBits(alone[i]) != Double.doubleToRawLongBits(replayed[i])) {
                throw new IllegalStateException("the replayed search differs at " + i + ": " + alone[i] + " vs "
                        + replayed[i]);
            }
        }
        System.err.printf("%d of %d liquidation prices found%n", found, alone.length);
    }

    @Benchmark
    @OperationsPerInvocation(ACCOUNTS)
    public tech.tablesaw.api.Table bookReport() {
        return calculator.report(book, pricer);
    }

    @Benchmark
    @OperationsPerInvocation(ACCOUNTS)
    public int eachAccountAlone() {
        int groups = 0;
        for (Account account : book.accounts()) {
            groups += calculator.states(account, pricer).size();
        }
        return groups;
    }

    @Benchmark
    @OperationsPerInvocation(ACCOUNTS)
    public double[] uncachedSearch() {
        double[] out = new double[2 * ACCOUNTS];
        for (int a = 0; a < ACCOUNTS; a++) {
            MarginGroup group = book.accounts().get(a).groups().getFirst();
            double[] now = calculator.equityAndMaintenance(group, pricer);
            boolean liquidatable = now[0] - now[1] <= 0;
            out[2 * a] = liquidatable ? pricer.indexPrice() : firstCrossing(group, Math.log(0.01));
            out[2 * a + 1] = liquidatable ? pricer.indexPrice() : firstCrossing(group, Math.log(10.0));
        }
        return out;
    }

    /** The search of {@link MarginCalculator} as it was, each point on a new moved pricer. */
    private double firstCrossing(MarginGroup group, double farLogMove) {
        org.apache.commons.math3.analysis.UnivariateFunction excess = logMove -> {
            double[] at = calculator.equityAndMaintenance(group, pricer.shifted(Math.expm1(logMove), 0.0));
            return at[0] - at[1];
        };
        double previous = 0.0;
        for (int k = 1; k <= SEARCH_STEPS; k++) {
            double logMove = farLogMove * k / SEARCH_STEPS;
            if (excess.value(logMove) <= 0) {
                double root = new BrentSolver(1e-12).solve(200, excess, Math.min(previous, logMove),
                        Math.max(previous, logMove));
                return pricer.indexPrice() * Math.exp(root);
            }
            previous = logMove;
        }
        return Double.NaN;
    }

    private static double[] liquidationPrices(tech.tablesaw.api.Table report) {
        double[] out = new double[2 * report.rowCount()];
        for (int row = 0; row < report.rowCount(); row++) {
            out[2 * row] = report.doubleColumn("liquidation_price_down").getDouble(row);
            out[2 * row + 1] = report.doubleColumn("liquidation_price_up").getDouble(row);
        }
        return out;
    }
}
