package margo.core.margin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import margo.core.market.InstrumentName;
import margo.core.pricing.Black76;
import margo.core.pricing.OptionType;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The compiled grid gives the numbers of the object path ({@link Scenario#unitPnl} with a
 * {@link Black76PositionPricer} valuer), to 1e-12 of each instrument's notional scale, on random markets and books.
 */
class ScenarioGridTest {

    private static final Instant VALUATION = Instant.parse("2024-03-01T08:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2024, 3, 1);
    private static final double TOLERANCE = 1e-12;
    private static final Black76PositionPricer SAMPLE = (Black76PositionPricer) SampleMarket.PRICER;

    @Property(tries = 200)
    void gridRevaluationMatchesTheObjectPathOnRandomBooks(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Black76PositionPricer pricer = randomMarket(random);
        List<InstrumentName> instruments = randomInstruments(random, pricer, 40);
        List<Scenario> scenarios = randomScenarios(random);
        ScenarioGrid grid = ScenarioGrid.of(scenarios);
        MarkedPositions marked = MarkedPositions.of(instruments, null, pricer);
        double[] row = new double[grid.size()];
        for (int i = 0; i < instruments.size(); i++) {
            InstrumentName instrument = instruments.get(i);
            grid.unitPnl(marked, i, row, 0);
            double[] expected = objectPath(instrument, scenarios, pricer);
            double scale = notionalScale(instrument, pricer);
            for (int s = 0; s < scenarios.size(); s++) {
                assertEquals(expected[s], row[s], TOLERANCE * scale, instrument.text() + " in "
                        + scenarios.get(s).label() + " (seed " + seed + ")");
            }
        }
    }

    @Test
    void volatilityShiftedBelowZeroPricesAtIntrinsicValueAsTheObjectPathDoes() {
        Black76PositionPricer pricer = SAMPLE;
        InstrumentName.Option call = InstrumentName.parseOption("BTC-26APR24-55000-C");
        InstrumentName.Option linearPut = InstrumentName.parseOption("BTC_USDC-26APR24-70000-P");
        List<Scenario> scenarios = List.of(Scenario.of(0.1, -5.0), Scenario.of(-0.2, -5.0));
        MarkedPositions marked = MarkedPositions.of(List.of(call, linearPut), null, pricer);
        double[] pnl = new double[4];
        ScenarioGrid grid = ScenarioGrid.of(scenarios);
        grid.unitPnl(marked, 0, pnl, 0);
        grid.unitPnl(marked, 1, pnl, 2);

        double forward = pricer.forward(call);
        // The object path's P&L: the data's mark moved by Black-76 from the current market to the scenario's.
        double callBase = pricer.unitValue(call) - SampleMarket.markInCoin(call) + Black76.priceInCoin(
                call.type(), forward, 55_000, pricer.timeToExpiry(call), pricer.markVolatility(call));
        double putBase = pricer.unitValue(linearPut);
        assertEquals((1.1 * forward - 55_000) / (1.1 * forward) - callBase, pnl[0], 1e-15);
        assertEquals(0.0 - callBase, pnl[1], 1e-15);
        assertEquals(Math.max(70_000 - 1.1 * forward, 0) - putBase, pnl[2], 1e-9);
        assertEquals(70_000 - 0.8 * forward - putBase, pnl[3], 1e-9);
        assertEquals(pricer.unitValue(call, 0.1, -5.0) - pricer.unitValue(call), pnl[0], 1e-15);
        assertArrayEquals(objectPath(call, scenarios, pricer), new double[] {pnl[0], pnl[1]}, 1e-15);
        assertArrayEquals(objectPath(linearPut, scenarios, pricer), new double[] {pnl[2], pnl[3]}, 1e-9);
    }

    @Test
    void anInfiniteVolatilityShiftGivesNaNAsTheObjectPathDoes() {
        Black76PositionPricer pricer = SAMPLE;
        InstrumentName.Option call = InstrumentName.parseOption("BTC-26APR24-55000-C");
        Scenario infinite = new Scenario("vol to infinity", 0.0, 0.0, (iv, t) -> Double.POSITIVE_INFINITY, 1, 1);
        double[] pnl = new double[1];
        ScenarioGrid.of(List.of(infinite)).unitPnl(MarkedPositions.of(List.of(call), null, pricer), 0, pnl, 0);

        assertTrue(Double.isNaN(objectPath(call, List.of(infinite), pricer)[0]));
        assertTrue(Double.isNaN(pnl[0]));
    }

    @Test
    void deribitGridPnlOfABookMatchesTheMatrixOfItsPositions() {
        Book book = SampleMarket.book();
        List<Position> positions = book.accounts().stream().flatMap(account -> account.positions().stream())
                .filter(p -> p.settlement() == Settlement.INVERSE).toList();
        assertTrue(positions.size() > 3, "the sample book has coin-settled positions");
        List<Scenario> scenarios = PortfolioMarginParameters.DERIBIT_BTC.scenarios();
        ScenarioGrid grid = ScenarioGrid.of(scenarios);
        double[] pnl = new double[grid.size()];
        grid.pnl(MarkedPositions.of(positions, SAMPLE), 0, positions.size(), pnl);

        double[] expected = objectPathBookPnl(positions, scenarios, SAMPLE);
        assertArrayEquals(expected, pnl, TOLERANCE * positions.stream().mapToDouble(p -> Math.abs(p.size())).sum());
    }

    @Property(tries = 20)
    void worstLossesInParallelEqualOneAccountAtATime(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Black76PositionPricer pricer = randomMarket(random);
        int accounts = 600;
        List<InstrumentName> instruments = randomInstruments(random, pricer, accounts * 5);
        double[] quantity = new double[instruments.size()];
        int[] accountStart = new int[accounts + 1];
        for (int a = 0; a <= accounts; a++) {
            accountStart[a] = a * 5;
        }
        for (int p = 0; p < quantity.length; p++) {
            quantity[p] = random.nextDouble(-10, 10);
        }
        MarkedPositions marked = MarkedPositions.of(instruments, quantity, pricer);
        ScenarioGrid grid = ScenarioGrid.of(PortfolioMarginParameters.DERIBIT_BTC.scenarios());
        double[] parallel = new double[accounts];
        double[] sequential = new double[accounts];
        grid.worstLosses(marked, accountStart, parallel, true);
        grid.worstLosses(marked, accountStart, sequential, false);

        assertArrayEquals(sequential, parallel);
        double[] pnl = new double[grid.size()];
        grid.pnl(marked, accountStart[7], accountStart[8], pnl);
        assertEquals(ScenarioAggregation.worstLoss(pnl, grid.size()), sequential[7]);
    }

    /** Scenario.unitPnl on the pricer's valuer: the object path the grid must reproduce. */
    private static double[] objectPath(InstrumentName instrument, List<Scenario> scenarios, PositionPricer pricer) {
        InstrumentValuer valuer = pricer.valuer(instrument);
        double base = valuer.value(0.0, 0.0);
        double[] out = new double[scenarios.size()];
        for (int s = 0; s < out.length; s++) {
            out[s] = scenarios.get(s).unitPnl(valuer, base);
        }
        return out;
    }

    private static double[] objectPathBookPnl(List<Position> positions, List<Scenario> scenarios,
            PositionPricer pricer) {
        double[] out = new double[scenarios.size()];
        for (Position position : positions) {
            double[] unit = objectPath(position.instrument(), scenarios, pricer);
            for (int s = 0; s < out.length; s++) {
                out[s] += position.scenarioQuantity() * unit[s];
            }
        }
        return out;
    }

    /**
     * The size of one unit's value: the forward in USD for linear instruments, one coin for inverse options,
     * {@code 1/F} coin per USD for inverse futures and perpetuals.
     */
    private static double notionalScale(InstrumentName instrument, PositionPricer pricer) {
        boolean inverse = Settlement.of(instrument) == Settlement.INVERSE;
        double forward = pricer.forward(instrument);
        if (!inverse) {
            return forward;
        }
        return instrument instanceof InstrumentName.Option ? 1.0 : 1.0 / forward;
    }

    /**
     * A BTC market of 1 to 6 expiries from a day to two years, forwards from 2% to 50% away from the index, and
     * smiles of 0 to 250% volatility.
     */
    private static Black76PositionPricer randomMarket(SplittableRandom random) {
        double index = random.nextDouble(1_000, 200_000);
        Map<LocalDate, Double> forwards = new HashMap<>();
        Map<LocalDate, VolatilitySmile> smiles = new HashMap<>();
        int expiries = 1 + random.nextInt(6);
        for (int e = 0; e < expiries; e++) {
            LocalDate expiry = TODAY.plusDays(1 + random.nextInt(730));
            forwards.put(expiry, index * random.nextDouble(0.5, 1.5));
            double[] strikes = new double[5];
            double[] vols = new double[5];
            for (int k = 0; k < 5; k++) {
                strikes[k] = index * (0.3 + 0.5 * k);
                vols[k] = random.nextInt(10) == 0 ? 0.0 : random.nextDouble(0.05, 2.5);
            }
            smiles.put(expiry, new VolatilitySmile(strikes, vols));
        }
        return new Black76PositionPricer(new MarketSnapshot("BTC", VALUATION, index, index * random.nextDouble(0.98,
                1.02), forwards, smiles));
    }

    /** Inverse and linear calls and puts at strikes from 0.2 to 5 times the index, futures and perpetuals. */
    private static List<InstrumentName> randomInstruments(SplittableRandom random, Black76PositionPricer pricer,
            int count) {
        List<LocalDate> expiries = new ArrayList<>(pricer.market().forwards().keySet());
        List<InstrumentName> instruments = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String underlying = random.nextBoolean() ? "BTC" : "BTC_USDC";
            LocalDate expiry = expiries.get(random.nextInt(expiries.size()));
            int kind = random.nextInt(10);
            if (kind < 7) {
                double strike = Math.rint(pricer.indexPrice() * Math.exp(random.nextDouble(-1.6, 1.6)));
                instruments.add(new InstrumentName.Option(underlying, expiry, strike,
                        random.nextBoolean() ? OptionType.CALL : OptionType.PUT));
            } else if (kind < 9) {
                instruments.add(new InstrumentName.Future(underlying, expiry));
            } else {
                instruments.add(new InstrumentName.Perpetual(underlying));
            }
        }
        return instruments;
    }

    /**
     * Deribit's BTC grid with its extended moves (option weights below 1, delta-one moves at the edge of the range),
     * one with a relative down-shock large enough to floor short-dated volatilities at zero, SPAN's scenarios
     * (extreme moves counted at a fraction for every contract), and absolute shocks that may go below zero.
     */
    private static List<Scenario> randomScenarios(SplittableRandom random) {
        List<Scenario> scenarios = new ArrayList<>(PortfolioMarginParameters.DERIBIT_BTC.scenarios());
        scenarios.addAll(new PortfolioMarginParameters(0.3, 3, 2.0, 0.9, 0.3, 0.13, 30, 1, 0.5,
                new double[] {-0.8, 3.0}, 0.7, 0.075, 0.01, 0.1, 20_000_000, 0, 0.8).scenarios());
        scenarios.addAll(SpanParameters.CRYPTO_DEFAULT.scenarios());
        for (int s = 0; s < 5; s++) {
            scenarios.add(Scenario.of(random.nextDouble(-0.9, 4.0), random.nextDouble(-3.0, 1.0)));
        }
        return scenarios;
    }
}
