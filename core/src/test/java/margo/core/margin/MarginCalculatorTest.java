package margo.core.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import margo.core.market.InstrumentName;
import margo.core.pricing.Black76;
import org.junit.jupiter.api.Test;

class MarginCalculatorTest {

    private static final MarginCalculator STANDARD = new MarginCalculator(StandardMarginRule.DERIBIT);
    private static final MarginCalculator PORTFOLIO =
            new MarginCalculator(new PortfolioMarginRule(PortfolioMarginParameters.DERIBIT_BTC));
    private static final PositionPricer PRICER = SampleMarket.PRICER;

    private static MarginGroup cross(String account) {
        return SampleMarket.book().account(account).group("");
    }

    private static Position position(String instrument, double size, double averagePrice) {
        return new Position(InstrumentName.parse(instrument), size, averagePrice);
    }

    @Test
    void coveredCallEquityIsCoinLessCallsAtMark() {
        MarginState state = STANDARD.state(cross("covered-call"), PRICER);
        InstrumentName.Option call = InstrumentName.parseOption("BTC-29MAR24-70000-C");
        double mark = SampleMarket.markInCoin(call);
        assertEquals((10 - 10 * mark) * 61_000, state.equity(), 1e-8);
        // Deribit standard: IM = 10 (max(0.15 - 9000/61000, 0.1) + mark), MM = 10 (0.075 + mark), in BTC.
        double otm = 9_000 / 61_000.0;
        assertEquals(10 * (Math.max(0.15 - otm, 0.1) + mark) * 61_000, state.initialMargin(), 1e-8);
        assertEquals(10 * (0.075 + mark) * 61_000, state.maintenanceMargin(), 1e-8);
        assertEquals(state.maintenanceMargin() / state.equity(), state.maintenanceRatio(), 1e-15);
        assertEquals(state.initialEquity() - state.initialMargin(), state.available(), 1e-9);
    }

    @Test
    void sampleMarkMatchesTheDataWithinItsIvRounding() {
        // The sample's mark_price is Black-76 at the unrounded IV; mark_iv is rounded to 0.01 points.
        double mark = PRICER.unitValue(InstrumentName.parse("BTC-29MAR24-60000-C"));
        assertEquals(0.08522669, mark, 2e-5);
    }

    @Test
    void coveredCallIsLiquidatedOnlyOnTheWayUpWhereEquityMeetsMaintenance() {
        MarginGroup group = cross("covered-call");
        MarginState state = STANDARD.state(group, PRICER);
        assertTrue(Double.isNaN(state.liquidationPriceDown()), "coin collateral covers coin-settled calls on the way down");
        assertTrue(state.liquidationPriceUp() > 70_000, "liquidated when deep in the money: " + state.liquidationPriceUp());
        MarginState at = STANDARD.state(group, PRICER.shifted(state.liquidationPriceUp() / 61_000 - 1, 0));
        assertEquals(1.0, at.maintenanceRatio(), 1e-9);
        assertEquals(state.liquidationPriceUp() / 61_000 - 1, state.distanceToLiquidation(), 1e-15);
    }

    @Test
    void shortPutsAgainstStablecoinsLiquidateOnTheWayDown() {
        MarginGroup strangle = cross("short-strangle");
        MarginState state = PORTFOLIO.state(strangle, PRICER);
        assertTrue(state.liquidationPriceDown() < 61_000 && state.liquidationPriceDown() > 0);
        MarginState at = PORTFOLIO.state(strangle, PRICER.shifted(state.liquidationPriceDown() / 61_000 - 1, 0));
        assertEquals(at.maintenanceMargin(), at.equity(), 1e-6 * at.equity());
    }

    @Test
    void accountAlreadyBelowMaintenanceLiquidatesAtTheIndex() {
        MarginGroup thin = new MarginGroup("", List.of(position("BTC-29MAR24-60000-P", -10, 0.06)),
                List.of(new Collateral("USDC", 1_000, 0)));
        MarginState state = STANDARD.state(thin, PRICER);
        assertTrue(state.maintenanceRatio() > 1);
        assertEquals(61_000, state.liquidationPriceDown());
        assertEquals(0.0, state.distanceToLiquidation());
    }

    @Test
    void standardWhatIfChangeIsTheTradesOwnMargin() {
        MarginGroup group = cross("covered-call");
        Position trade = position("BTC-26APR24-50000-P", -2, 0.024);
        WhatIf whatIf = STANDARD.whatIf(group, List.of(trade), PRICER);
        MarginRequirement alone = StandardMarginRule.DERIBIT.requirement(List.of(trade), PRICER);
        assertEquals(alone.initial() * 61_000, whatIf.initialMarginChange(), 1e-8);
        assertEquals(alone.maintenance() * 61_000, whatIf.maintenanceMarginChange(), 1e-8);
        assertTrue(whatIf.accepted());
    }

    @Test
    void protectivePutLowersPortfolioMarginOfShortPuts() {
        MarginGroup group = new MarginGroup("", List.of(position("BTC-29MAR24-55000-P", -10, 0.028)),
                List.of(new Collateral("BTC", 5, 0)));
        WhatIf hedge = PORTFOLIO.whatIf(group, List.of(position("BTC-29MAR24-50000-P", 10, 0.012)), PRICER);
        assertTrue(hedge.initialMarginChange() < 0, "change " + hedge.initialMarginChange());
        WhatIf more = PORTFOLIO.whatIf(group, List.of(position("BTC-29MAR24-50000-P", -10, 0.012)), PRICER);
        assertTrue(more.initialMarginChange() > 0);
    }

    @Test
    void attributionSumsToInitialMarginUnderBothRules() {
        for (String account : List.of("covered-call", "short-strangle", "calendar", "hedged")) {
            for (MarginCalculator calculator : List.of(STANDARD, PORTFOLIO)) {
                MarginGroup group = cross(account);
                double sum = 0;
                for (MarginContribution contribution : calculator.attribution(group, PRICER)) {
                    sum += contribution.initialMargin();
                }
                assertEquals(calculator.state(group, PRICER).initialMargin(), sum, 1e-8, account);
            }
        }
    }

    @Test
    void calendarSpreadShortLegIsOffsetByTheLongLegUnderPortfolioMargin() {
        List<MarginContribution> contributions = PORTFOLIO.attribution(cross("calendar"), PRICER);
        MarginContribution shortLeg = contributions.get(0);
        MarginContribution longLeg = contributions.get(1);
        assertEquals("BTC-29MAR24-70000-C", shortLeg.position().instrument().text());
        // The worst scenario is a fall with vol down, where the short near call gains what the long far call loses.
        assertTrue(shortLeg.initialMargin() < 0, "short leg " + shortLeg.initialMargin());
        assertEquals(longLeg.standaloneMargin(), longLeg.initialMargin(), 1e-9);
        double sumStandalone = shortLeg.standaloneMargin() + longLeg.standaloneMargin();
        assertTrue(PORTFOLIO.state(cross("calendar"), PRICER).initialMargin() < 0.6 * sumStandalone);
    }

    @Test
    void stressPnlRevaluesCoinCollateralAndOptions() {
        MarginGroup group = cross("covered-call");
        StressResult stress = STANDARD.stress(group, -0.2, 0.1, PRICER);
        InstrumentName.Option call = InstrumentName.parseOption("BTC-29MAR24-70000-C");
        double forward = SampleMarket.MARKET.forward(call);
        double t = SampleMarket.MARKET.timeToExpiry(call);
        double vol = SampleMarket.MARKET.markVolatility(call);
        double mark = SampleMarket.markInCoin(call);
        double moved = Black76.priceInCoin(call.type(), 0.8 * forward, 70_000, t, vol + 0.1)
                - Black76.priceInCoin(call.type(), forward, 70_000, t, vol);
        double before = (10 - 10 * mark) * 61_000;
        double after = (10 - 10 * (mark + moved)) * 48_800;
        assertEquals(after - before, stress.pnl(), 1e-7);
        assertEquals(48_800, stress.after().indexPrice(), 1e-9);
    }

    @Test
    void isolatedGroupIsMarginedOnItsOwnCollateral() {
        Account basis = SampleMarket.book().account("basis");
        List<MarginState> states = STANDARD.states(basis, PRICER);
        MarginState isolated = states.get(1);
        assertEquals("perp-hedge", isolated.group());
        // 2 BTC_USDC short at 60,800, index 61,000: equity 30,000 + 2 x (60,800 - 61,000); IM 2 x 61,000 x 2.01%.
        assertEquals(30_000 - 400, isolated.equity(), 1e-9);
        assertEquals(29_700 - 400, isolated.initialEquity(), 1e-9);
        assertEquals(2 * 61_000 * (0.02 + 2 * 0.00005), isolated.initialMargin(), 1e-9);
        assertTrue(isolated.liquidationPriceUp() > 61_000);
        assertTrue(Double.isNaN(isolated.liquidationPriceDown()));
    }

    @Test
    void scenarioMatrixRowsAreThePositionsAndColumnsTheScenarios() {
        MarginGroup group = cross("hedged");
        List<Scenario> scenarios = List.of(Scenario.of(-0.1, 0.0), Scenario.of(0.1, 0.05));
        ScenarioPnlMatrix matrix = PORTFOLIO.scenarioMatrices(group, scenarios, PRICER).get("BTC");
        assertEquals(4, matrix.positions().size());
        double total = 0;
        for (int p = 0; p < 4; p++) {
            total += matrix.pnl(p, 0);
        }
        assertEquals(total, matrix.portfolioPnl()[0], 1e-15);
        assertEquals(2 + 2, matrix.toTable().columnCount());
        assertFalse(matrix.worstLoss() < 0);
    }

    @Test
    void aBookReportGivesEachAccountTheStatesItHasMarginedAloneInAnyOrder() {
        // The report shares its liquidation search's moved markets between accounts; no account's data may leak.
        Book book = SampleMarket.book();
        List<Account> reversed = new java.util.ArrayList<>(book.accounts());
        java.util.Collections.reverse(reversed);
        for (MarginCalculator calculator : List.of(STANDARD, PORTFOLIO)) {
            tech.tablesaw.api.Table report = calculator.report(new Book(reversed), PRICER);
            int row = 0;
            for (Account account : reversed) {
                for (MarginState alone : calculator.states(account, PRICER)) {
                    assertEquals(account.name(), report.stringColumn("account").get(row));
                    assertEquals(Double.doubleToRawLongBits(alone.maintenanceMargin()),
                            Double.doubleToRawLongBits(report.doubleColumn("maintenance_margin").getDouble(row)));
                    assertEquals(Double.doubleToRawLongBits(alone.liquidationPriceDown()),
                            Double.doubleToRawLongBits(report.doubleColumn("liquidation_price_down").getDouble(row)));
                    assertEquals(Double.doubleToRawLongBits(alone.liquidationPriceUp()),
                            Double.doubleToRawLongBits(report.doubleColumn("liquidation_price_up").getDouble(row)));
                    row++;
                }
            }
            assertEquals(report.rowCount(), row);
        }
    }

    @Test
    void aBookStressGivesEachGroupTheStressItHasAlone() {
        Book book = SampleMarket.book();
        List<StressResult> together = PORTFOLIO.stress(book, -0.3, 0.2, PRICER);
        int at = 0;
        for (Account account : book.accounts()) {
            for (MarginGroup group : account.groups()) {
                StressResult alone = PORTFOLIO.stress(group, -0.3, 0.2, PRICER);
                assertEquals(alone, together.get(at++), account.name());
            }
        }
        assertEquals(together.size(), at);
    }
}
