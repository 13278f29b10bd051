package margo.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import margo.core.margin.Black76PositionPricer;
import margo.core.margin.MarkedPositions;
import margo.core.margin.MarketSnapshot;
import margo.core.margin.PortfolioMarginParameters;
import margo.core.margin.Scenario;
import margo.core.margin.ScenarioGrid;
import margo.core.margin.VolatilitySmile;
import margo.core.market.InstrumentName;
import margo.core.pricing.OptionType;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A venue-sized book for the margin benchmarks: {@value #ACCOUNTS} accounts of {@value #POSITIONS_PER_ACCOUNT}
 * positions each, drawn (seeded) from 156 BTC instruments shaped like the shipped Deribit sample (5 expiries from
 * one week to six months, 15 strikes from 0.6 to 1.6 times the index, calls and puts, the 5 dated futures and the
 * perpetual; index 61,000, 12% contango, a smile of 55-90%), margined on Deribit's 35-scenario BTC grid.
 *
 * <p>Positions are stored column-wise on primitive arrays: {@code instrument[p]} (an index into
 * {@link #instruments}), {@code quantity[p]}, accounts as ranges {@code accountStart[a] .. accountStart[a + 1]}.
 * For full revaluation the same positions are also {@link #marked} (each with its own copy of its instrument's
 * forward, strike, mark IV and time to expiry) and the scenarios compiled into a {@link #grid}.
 */
@State(Scope.Benchmark)
public class MarginBook {

    public static final int ACCOUNTS = 10_000;
    public static final int POSITIONS_PER_ACCOUNT = 50;
    public static final int POSITIONS = ACCOUNTS * POSITIONS_PER_ACCOUNT;

    public List<InstrumentName> instruments;
    public List<Scenario> scenarios;
    public Black76PositionPricer pricer;
    public ScenarioGrid grid;
    public MarkedPositions marked;
    public int[] instrument;
    public double[] quantity;
    public int[] accountStart;
    public double[] worstLoss;
    public double[] unitPnl;

    @Setup(Level.Trial)
    public void build() {
        instruments = new ArrayList<>();
        pricer = market(instruments);
        scenarios = PortfolioMarginParameters.DERIBIT_BTC.scenarios();

        SplittableRandom random = new SplittableRandom(20240301);
        instrument = new int[POSITIONS];
        quantity = new double[POSITIONS];
        accountStart = new int[ACCOUNTS + 1];
        for (int a = 0; a < ACCOUNTS; a++) {
            accountStart[a] = a * POSITIONS_PER_ACCOUNT;
            for (int p = a * POSITIONS_PER_ACCOUNT; p < (a + 1) * POSITIONS_PER_ACCOUNT; p++) {
                instrument[p] = random.nextInt(instruments.size());
                double size = (random.nextBoolean() ? 1 : -1) * (0.1 + 9.9 * random.nextDouble());
                // Inverse futures count USD notional (Position#scenarioQuantity): size x price.
                quantity[p] = instruments.get(instrument[p]) instanceof InstrumentName.Option
                        ? size : size * pricer.forward(instruments.get(instrument[p]));
            }
        }
        accountStart[ACCOUNTS] = POSITIONS;
        worstLoss = new double[ACCOUNTS];
        List<InstrumentName> positionInstruments = new ArrayList<>(POSITIONS);
        for (int p = 0; p < POSITIONS; p++) {
            positionInstruments.add(instruments.get(instrument[p]));
        }
        marked = MarkedPositions.of(positionInstruments, quantity, pricer);
        grid = ScenarioGrid.of(scenarios);
        unitPnl = margo.core.margin.ScenarioPnlMatrix.unitPnl(instruments, scenarios, pricer);
    }

    /**
     * The benchmark market (index 61,000 on 1 March 2024, 5 expiries, 15 strikes each), its 156 instruments
     * appended to {@code instruments} in order: per expiry the calls and puts by strike, then the future; the
     * perpetual last.
     */
    static Black76PositionPricer market(List<InstrumentName> instruments) {
        Instant valuation = Instant.parse("2024-03-01T08:00:00Z");
        double index = 61_000;
        LocalDate[] expiries = {LocalDate.of(2024, 3, 8), LocalDate.of(2024, 3, 29), LocalDate.of(2024, 4, 26),
                LocalDate.of(2024, 6, 28), LocalDate.of(2024, 8, 30)};
        Map<LocalDate, Double> forwards = new HashMap<>();
        Map<LocalDate, VolatilitySmile> smiles = new HashMap<>();
        for (LocalDate expiry : expiries) {
            double years = (expiry.toEpochDay() - LocalDate.of(2024, 3, 1).toEpochDay()) / 365.0;
            forwards.put(expiry, index * Math.exp(0.12 * years));
            double[] strikes = new double[15];
            double[] vols = new double[15];
            for (int k = 0; k < 15; k++) {
                strikes[k] = Math.rint(index * (0.6 + k / 14.0) / 1000) * 1000;
                double m = Math.log(strikes[k] / index);
                vols[k] = 0.55 + 0.12 * Math.exp(-years / 0.15) + 0.4 * m * m + 0.05 * m;
                instruments.add(new InstrumentName.Option("BTC", expiry, strikes[k], OptionType.CALL));
                instruments.add(new InstrumentName.Option("BTC", expiry, strikes[k], OptionType.PUT));
            }
            smiles.put(expiry, new VolatilitySmile(strikes, vols));
            instruments.add(new InstrumentName.Future("BTC", expiry));
        }
        instruments.add(new InstrumentName.Perpetual("BTC"));
        return new Black76PositionPricer(new MarketSnapshot("BTC", valuation, index, index, forwards, smiles));
    }
}
