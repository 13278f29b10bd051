package margo.core.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import margo.core.market.InstrumentName;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;

/** Properties every margin rule must have, on random books over the shipped sample's instruments. */
class MarginPropertiesTest {

    private static final List<String> INSTRUMENTS = List.of(
            "BTC-8MAR24-58000-P", "BTC-8MAR24-64000-C", "BTC-29MAR24-50000-P", "BTC-29MAR24-60000-C",
            "BTC-29MAR24-60000-P", "BTC-29MAR24-75000-C", "BTC-26APR24-40000-P", "BTC-26APR24-80000-C",
            "BTC-28JUN24-45000-P", "BTC-28JUN24-100000-C", "BTC-29MAR24", "BTC-28JUN24", "BTC-PERPETUAL");
    private static final PositionPricer PRICER = SampleMarket.PRICER;
    private static final PortfolioMarginRule PORTFOLIO = new PortfolioMarginRule(PortfolioMarginParameters.DERIBIT_BTC);
    private static final List<MarginRule> RULES = List.of(StandardMarginRule.DERIBIT, PORTFOLIO,
            new SpanRule(SpanParameters.CRYPTO_DEFAULT));

    @Provide
    Arbitrary<List<Position>> books() {
        Arbitrary<Position> position = Combinators.combine(
                Arbitraries.of(INSTRUMENTS),
                Arbitraries.doubles().between(0.1, 20).ofScale(3),
                Arbitraries.of(1.0, -1.0)).as((name, size, sign) -> {
                    InstrumentName instrument = InstrumentName.parse(name);
                    double price = instrument instanceof InstrumentName.Option
                            ? PRICER.unitValue(instrument) : PRICER.forward(instrument);
                    return new Position(instrument, sign * size, price);
                });
        return position.list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 60)
    void initialMarginIsAtLeastMaintenance(@ForAll("books") List<Position> book) {
        for (MarginRule rule : RULES) {
            MarginRequirement margin = rule.requirement(book, PRICER);
            assertTrue(margin.initial() >= margin.maintenance() - 1e-12,
                    rule.getClass().getSimpleName() + ": IM " + margin.initial() + " < MM " + margin.maintenance());
        }
    }

    // Worst case is subadditive (a max of sums is at most the sum of maxima) and the roll shock is additive; the
    // delta shock is the one documented add-on that can exceed the standalone sum, since its threshold makes it
    // superadditive, so it is allowed on top.
    @Property(tries = 60)
    void combiningBooksNeverCostsMoreThanTheirSeparateMarginsBeyondTheDeltaShock(
            @ForAll("books") List<Position> a, @ForAll("books") List<Position> b) {
        List<Position> both = new ArrayList<>(a);
        both.addAll(b);
        PortfolioMarginResult combined = PORTFOLIO.evaluate(both, PRICER);
        double separate = PORTFOLIO.requirement(a, PRICER).initial() + PORTFOLIO.requirement(b, PRICER).initial();
        assertTrue(combined.riskMatrixMargin() <= separate + combined.deltaShock() + 1e-12,
                combined.riskMatrixMargin() + " > " + separate);
    }

    @Property(tries = 60)
    void marginIsInvariantToSplittingAPositionInTwo(@ForAll("books") List<Position> book,
            @ForAll @DoubleRange(min = 0.05, max = 0.95) @Scale(6) double fraction) {
        Position first = book.get(0);
        List<Position> split = new ArrayList<>(book.subList(1, book.size()));
        split.add(first.withSize(first.size() * fraction));
        split.add(first.withSize(first.size() * (1 - fraction)));
        for (MarginRule rule : RULES) {
            MarginRequirement whole = rule.requirement(book, PRICER);
            MarginRequirement parts = rule.requirement(split, PRICER);
            double tolerance = 1e-12 * (1 + whole.initial());
            assertEquals(whole.initial(), parts.initial(), tolerance, rule.getClass().getSimpleName());
            assertEquals(whole.maintenance(), parts.maintenance(), tolerance, rule.getClass().getSimpleName());
        }
    }

    // A venue holds one position per instrument, so how trades were booked never changes the margin: each position
    // is cut into rows of either sign (+8, -3 for a net +5) that add up to it.
    @Property(tries = 40)
    void anySplitOfANetPositionIntoRowsOfEitherSignGivesTheSameMargin(@ForAll("books") List<Position> book,
            @ForAll("cuts") List<Double> cuts) {
        List<Position> net = NetPositions.of(book).positions();
        List<Position> rows = new ArrayList<>();
        for (int p = 0; p < net.size(); p++) {
            Position whole = net.get(p);
            double booked = 0;
            for (int k = 0; k < cuts.size() - 1; k++) {
                double part = whole.size() * cuts.get((k + p) % cuts.size());
                rows.add(whole.withSize(part));
                booked += part;
            }
            if (whole.size() - booked != 0) {
                rows.add(whole.withSize(whole.size() - booked));
            }
        }
        java.util.Collections.rotate(rows, cuts.size());
        for (MarginCalculator calculator : calculators()) {
            MarginState expected = calculator.state(group(net), PRICER);
            MarginState split = calculator.state(group(rows), PRICER);
            String name = calculator.rule().getClass().getSimpleName();
            double tolerance = 1e-9 * (1 + expected.initialMargin());
            assertEquals(expected.initialMargin(), split.initialMargin(), tolerance, name + " IM of " + rows);
            assertEquals(expected.maintenanceMargin(), split.maintenanceMargin(), tolerance, name + " MM of " + rows);
        }
    }

    @Property(tries = 40)
    void aLongAndAShortOfTheSameSizeCancelToTheMarginOfAnEmptyAccount(@ForAll("books") List<Position> book) {
        List<Position> rows = new ArrayList<>(book);
        for (Position position : book) {
            rows.add(position.withSize(-position.size()));
        }
        for (MarginCalculator calculator : calculators()) {
            MarginState empty = calculator.state(group(List.of()), PRICER);
            MarginState flat = calculator.state(group(rows), PRICER);
            String name = calculator.rule().getClass().getSimpleName();
            assertEquals(empty.initialMargin(), flat.initialMargin(), 1e-9, name);
            assertEquals(empty.maintenanceMargin(), flat.maintenanceMargin(), 1e-9, name);
        }
    }

    /** Fractions to cut a position by, of either sign: -1.5 books a row of -1.5 times the net. */
    @Provide
    Arbitrary<List<Double>> cuts() {
        return Arbitraries.doubles().between(-2, 2).ofScale(3).filter(f -> f != 0).list().ofMinSize(1).ofMaxSize(4);
    }

    /** Every rule Margo ships, and a custom one (worst loss plus 10% of the gross losses), through the calculator. */
    private static List<MarginCalculator> calculators() {
        List<MarginCalculator> calculators = new ArrayList<>();
        for (MarginRule rule : RULES) {
            calculators.add(new MarginCalculator(rule));
        }
        calculators.add(new MarginCalculator(new ScenarioFormulaRule(PORTFOLIO.scenarios(),
                m -> m.worstLoss() + 0.1 * grossLoss(m), m -> 0.8 * m.worstLoss())));
        return calculators;
    }

    private static double grossLoss(ScenarioPnlMatrix matrix) {
        double gross = 0;
        for (double pnl : matrix.portfolioPnl()) {
            gross += Math.max(0, -pnl);
        }
        return gross;
    }

    private static MarginGroup group(List<Position> positions) {
        return new MarginGroup("", positions, List.of(new Collateral("BTC", 50, 0)));
    }

    @Property(tries = 60)
    void contributionsSumToInitialMargin(@ForAll("books") List<Position> book) {
        for (MarginRule rule : RULES) {
            double sum = 0;
            for (double contribution : rule.initialMarginContributions(book, PRICER)) {
                sum += contribution;
            }
            assertEquals(rule.requirement(book, PRICER).initial(), sum, 1e-12 * (1 + Math.abs(sum)),
                    rule.getClass().getSimpleName());
        }
    }

    // Short puts against USDC: more collateral can only push the downside liquidation price lower.
    @Property(tries = 15)
    void liquidationPriceFallsAsCollateralGrows(@ForAll @DoubleRange(min = 2, max = 12) @Scale(3) double puts,
            @ForAll @DoubleRange(min = 40_000, max = 120_000) @Scale(0) double usdc,
            @ForAll @DoubleRange(min = 1_000, max = 50_000) @Scale(0) double more) {
        List<Position> positions = List.of(new Position(InstrumentName.parse("BTC-29MAR24-60000-P"), -puts, 0.06));
        for (MarginRule rule : List.of(StandardMarginRule.DERIBIT, PORTFOLIO)) {
            MarginCalculator calculator = new MarginCalculator(rule);
            MarginState less = calculator.state(new MarginGroup("", positions,
                    List.of(new Collateral("USDC", usdc, 0))), PRICER);
            MarginState moreCollateral = calculator.state(new MarginGroup("", positions,
                    List.of(new Collateral("USDC", usdc + more, 0))), PRICER);
            double before = Double.isNaN(less.liquidationPriceDown()) ? 0 : less.liquidationPriceDown();
            double after = Double.isNaN(moreCollateral.liquidationPriceDown()) ? 0 : moreCollateral.liquidationPriceDown();
            assertTrue(after <= before, rule.getClass().getSimpleName() + ": " + after + " > " + before);
            if (before > 0 && before < SampleMarket.INDEX) {
                assertTrue(after < before, "strictly lower once liquidation is ahead: " + after + " vs " + before);
            }
        }
    }
}
