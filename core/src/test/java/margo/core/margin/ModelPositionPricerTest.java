package margo.core.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import margo.core.market.InstrumentName;
import margo.core.market.LoadOptions;
import margo.core.market.OptionChain;
import margo.core.market.OptionChains;
import margo.core.models.CosPricer;
import margo.core.models.HestonParameters;
import margo.core.pricing.Black76;
import margo.core.pricing.ImpliedVolatility;
import margo.core.pricing.OptionType;
import margo.core.smiles.SmileFamily;
import margo.core.smiles.SmileFitOptions;
import margo.core.smiles.SmileQuotes;
import margo.core.smiles.SurfaceFit;
import org.junit.jupiter.api.Test;

class ModelPositionPricerTest {

    /** A BTC-like Heston: 60% spot vol, a steep negative skew. */
    private static final HestonParameters HESTON = new HestonParameters(0.36, 2.0, 0.4, 1.2, -0.3);
    private static final PositionPricer MODEL = ModelPositionPricer.calibrated(SampleMarket.PRICER, HESTON,
            CosPricer.DEFAULT, "the heston fit");
    private static final List<Double> MOVES = List.of(-0.33, -0.16, 0.0, 0.08, 0.5);

    @Test
    void withoutAShiftEveryOptionOfTheBookIsWorthTheModelsCosPriceAtTheMovedForward() {
        for (InstrumentName.Option option : bookOptions()) {
            double forward = SampleMarket.MARKET.forward(option);
            double t = SampleMarket.MARKET.timeToExpiry(option);
            for (double move : MOVES) {
                double f = forward * (1 + move);
                double cosInCoin = CosPricer.DEFAULT.price(HESTON, option.type(), f, option.strike(), t) / f;
                assertEquals(cosInCoin, MODEL.unitValue(option, move, 0.0), 1e-12 * Math.max(cosInCoin, 1e-3),
                        option.text() + " at move " + move);
            }
        }
    }

    @Test
    void aVolatilityShiftIsAddedToTheModelsImpliedVolatilityAtTheMovedForward() {
        InstrumentName.Option put = InstrumentName.parseOption("BTC-26APR24-55000-P");
        double forward = SampleMarket.MARKET.forward(put);
        double t = SampleMarket.MARKET.timeToExpiry(put);
        for (double move : MOVES) {
            double f = forward * (1 + move);
            double modelIv = ImpliedVolatility.impliedVolatility(OptionType.PUT,
                    CosPricer.DEFAULT.price(HESTON, OptionType.PUT, f, 55_000, t), f, 55_000, t);
            for (double shift : List.of(-0.2, 0.3)) {
                double expected = Black76.priceInCoin(OptionType.PUT, f, 55_000, t, modelIv + shift);
                assertEquals(expected, MODEL.unitValue(put, move, shift), 1e-12, "move " + move + " shift " + shift);
            }
        }
        assertEquals(Black76.priceInCoin(OptionType.PUT, forward, 55_000, t, 0.0), MODEL.unitValue(put, 0.0, -5.0),
                1e-15, "a shift below minus the model's vol floors the volatility at zero");
    }

    @Test
    void theMarkVolatilityIsTheModelsImpliedVolatilityAtTheMarket() {
        InstrumentName.Option call = InstrumentName.parseOption("BTC-28JUN24-70000-C");
        double forward = SampleMarket.MARKET.forward(call);
        double t = SampleMarket.MARKET.timeToExpiry(call);
        double expected = ImpliedVolatility.impliedVolatility(OptionType.CALL,
                CosPricer.DEFAULT.price(HESTON, OptionType.CALL, forward, 70_000, t), forward, 70_000, t);
        assertEquals(expected, MODEL.markVolatility(call), 1e-10);
        assertEquals(expected, MODEL.valuer(call).markVolatility(), 1e-10);
        double down = 0.8 * forward;
        double movedIv = ImpliedVolatility.impliedVolatility(OptionType.CALL,
                CosPricer.DEFAULT.price(HESTON, OptionType.CALL, down, 70_000, t), down, 70_000, t);
        assertEquals(movedIv + 0.1, MODEL.shifted(-0.2, 0.1).markVolatility(call), 1e-10,
                "in a moved market the mark is the model's smile at the moved forward");
    }

    @Test
    void aShiftedModelPricerComposesMovesAndShiftsLikeAnyPricer() {
        PositionPricer shifted = MODEL.shifted(0.1, 0.05).shifted(-0.2, 0.02);
        double move = 1.1 * 0.8 - 1;
        for (InstrumentName.Option option : bookOptions()) {
            assertEquals(MODEL.unitValue(option, move, 0.07), shifted.unitValue(option), 1e-14, option.text());
            assertEquals(MODEL.unitValue(option, (1 + move) * 1.05 - 1, 0.08),
                    shifted.valuer(option).value(0.05, 0.01), 1e-14, option.text());
        }
        assertEquals(61_000 * 1.1 * 0.8, shifted.indexPrice(), 1e-9);
        InstrumentName perpetual = InstrumentName.parse("BTC-PERPETUAL");
        assertEquals(MODEL.unitValue(perpetual, move, 0.0), shifted.unitValue(perpetual), 1e-18);
    }

    @Test
    void futuresAndPerpetualsAreValuedAsTheMarketValuesThem() {
        for (String name : List.of("BTC-PERPETUAL", "BTC_USDC-PERPETUAL", "BTC-29MAR24", "BTC-28JUN24")) {
            InstrumentName instrument = InstrumentName.parse(name);
            assertEquals(SampleMarket.PRICER.unitValue(instrument, -0.3, 0.2), MODEL.unitValue(instrument, -0.3, 0.2),
                    0.0, name);
            assertEquals(SampleMarket.PRICER.moveDelta(instrument, 0.1, 0.0), MODEL.moveDelta(instrument, 0.1, 0.0),
                    0.0, name);
        }
    }

    @Test
    void anOptionWhosePriceTheModelDoesNotResolveIsNotPriceableWithTheReason() {
        InstrumentName.Option farCall = InstrumentName.parseOption("BTC-8MAR24-200000-C");
        assertNull(SampleMarket.PRICER.whyNotPriceable(farCall), "the market's flat wing prices it");
        String reason = MODEL.whyNotPriceable(farCall);
        assertNotNull(reason);
        assertTrue(reason.contains("BTC-8MAR24-200000-C") && reason.contains("the heston fit"), reason);
        assertNull(MODEL.whyNotPriceable(InstrumentName.parseOption("BTC-8MAR24-60000-C")));
        assertNotNull(MODEL.whyNotPriceable(InstrumentName.parse("ETH-PERPETUAL")), "the market's own reasons stay");
    }

    @Test
    void anOptionMovedBeyondWhatTheModelResolvesIsWorthItsIntrinsicValueWhateverTheShift() {
        InstrumentName.Option call = InstrumentName.parseOption("BTC-8MAR24-60000-C");
        double forward = SampleMarket.MARKET.forward(call);
        for (double shift : List.of(0.0, 0.5)) {
            assertEquals(0.0, MODEL.unitValue(call, -0.6, shift), 0.0);
            double up = forward * 2.5;
            assertEquals((up - 60_000) / up, MODEL.unitValue(call, 1.5, shift), 1e-15);
        }
    }

    @Test
    void hestonWithoutVolOfVolMarginsTheBookLikeBlack76AtItsConstantVolatility() {
        // v0 = theta and xi -> 0: the variance stays at v0, every implied volatility is sqrt(v0) = 70%.
        PositionPricer model = ModelPositionPricer.calibrated(SampleMarket.PRICER,
                new HestonParameters(0.49, 1.0, 0.49, 1e-4, 0.0), CosPricer.DEFAULT, "flat heston");
        Map<LocalDate, VolatilitySmile> flat = new HashMap<>();
        SampleMarket.MARKET.smiles().keySet().forEach(expiry -> flat.put(expiry,
                new VolatilitySmile(new double[] {10_000, 500_000}, new double[] {0.7, 0.7})));
        MarketSnapshot market = SampleMarket.MARKET;
        PositionPricer black = new Black76PositionPricer(new MarketSnapshot(market.coin(), market.valuationTime(),
                market.indexPrice(), market.perpetualPrice(), market.forwards(), flat));
        MarginCalculator calculator = new MarginCalculator(new PortfolioMarginRule(PortfolioMarginParameters.DERIBIT_BTC));
        for (Account account : SampleMarket.book().accounts()) {
            for (MarginGroup group : account.groups()) {
                MarginState expected = calculator.state(group, black);
                MarginState actual = calculator.state(group, model);
                assertEquals(expected.initialMargin(), actual.initialMargin(), 1e-4 * expected.initialMargin() + 1e-6,
                        account.name());
                assertEquals(expected.equity(), actual.equity(), 1e-6 * Math.abs(expected.equity()), account.name());
                StressResult blackStress = calculator.stress(group, -0.4, 0.3, black);
                StressResult modelStress = calculator.stress(group, -0.4, 0.3, model);
                assertEquals(blackStress.pnl(), modelStress.pnl(), 1e-4 * Math.abs(blackStress.pnl()) + 1e-3,
                        account.name());
            }
        }
    }

    @Test
    void aStressUnderTheModelIsTheChangeOfTheModelValueOfTheBook() {
        // covered-call: 10 BTC held, 10 BTC-29MAR24-70000-C sold; equity in USD = coin value x index.
        MarginGroup group = SampleMarket.book().account("covered-call").groups().getFirst();
        InstrumentName.Option call = InstrumentName.parseOption("BTC-29MAR24-70000-C");
        double forward = SampleMarket.MARKET.forward(call);
        double t = SampleMarket.MARKET.timeToExpiry(call);
        double before = SampleMarket.INDEX * (10 - 10 * CosPricer.DEFAULT.price(HESTON, OptionType.CALL, forward,
                70_000, t) / forward);
        double moved = 0.8 * forward;
        double iv = ImpliedVolatility.impliedVolatility(OptionType.CALL,
                CosPricer.DEFAULT.price(HESTON, OptionType.CALL, moved, 70_000, t), moved, 70_000, t);
        double after = 0.8 * SampleMarket.INDEX * (10 - 10 * Black76.priceInCoin(OptionType.CALL, moved, 70_000, t,
                iv + 0.25));
        StressResult stress = new MarginCalculator(StandardMarginRule.DERIBIT).stress(group, -0.2, 0.25, MODEL);
        assertEquals(after - before, stress.pnl(), 1e-6);
    }

    @Test
    void aSurfacePricesAtItsVolatilityAtTheMovedLogMoneynessPlusTheShift() throws Exception {
        OptionChain chain = OptionChains.load(SampleMarket.data("deribit-btc-sample.csv"), LoadOptions.DEFAULTS)
                .chain();
        SurfaceFit svi = SmileFamily.SVI.fit(SmileQuotes.fromChain(chain, SmileQuotes.Source.MID,
                SmileQuotes.Weighting.EQUAL, SmileFamily.SVI.minimumQuotes()), SmileFitOptions.DEFAULT);
        PositionPricer surface = ModelPositionPricer.surface(SampleMarket.PRICER, svi, "the svi surface");
        InstrumentName.Option call = InstrumentName.parseOption("BTC-29MAR24-70000-C");
        double forward = SampleMarket.MARKET.forward(call);
        double t = SampleMarket.MARKET.timeToExpiry(call);
        assertEquals(svi.impliedVolatility(t, Math.log(70_000 / forward)), surface.markVolatility(call), 1e-15);
        for (double move : MOVES) {
            double f = forward * (1 + move);
            double expected = Black76.priceInCoin(OptionType.CALL, f, 70_000, t,
                    svi.impliedVolatility(t, Math.log(70_000 / f)) + 0.1);
            assertEquals(expected, surface.unitValue(call, move, 0.1), 1e-15, "move " + move);
        }
    }

    private static List<InstrumentName.Option> bookOptions() {
        return SampleMarket.book().accounts().stream().flatMap(account -> account.groups().stream())
                .flatMap(group -> group.positions().stream()).map(Position::instrument)
                .filter(InstrumentName.Option.class::isInstance).map(InstrumentName.Option.class::cast).distinct()
                .toList();
    }
}
