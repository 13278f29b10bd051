package margo.zk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import margo.core.margin.Account;
import margo.core.margin.Collateral;
import margo.core.margin.MarginCalculator;
import margo.core.margin.MarginRule;
import margo.core.margin.MarginState;
import margo.core.margin.PortfolioMarginParameters;
import margo.core.margin.PortfolioMarginRule;
import margo.core.margin.Position;
import margo.core.margin.StandardMarginRule;
import org.junit.jupiter.api.Test;

/**
 * The circuit's fixed-point arithmetic (as {@link AccountWitness} computes it, the values the circuit compares)
 * agrees with Margo's double-precision margin and equity within the rounding bound of docs/zk-margin.md, on random
 * books of the sample slate. No Node.js here: the circuit itself is exercised by {@link MarginProofTest}.
 */
class FixedPointAgreementTest {

    private static final double INDEX = SampleSlate.INDEX;

    @Test
    void standardMarginAgreesWithinTheRoundingBoundOnRandomBooks() {
        agreesOnRandomBooks("deribit_standard", StandardMarginRule.DERIBIT, 11);
    }

    @Test
    void portfolioMarginAgreesWithinTheRoundingBoundOnRandomBooks() {
        agreesOnRandomBooks("portfolio_margin", new PortfolioMarginRule(PortfolioMarginParameters.DERIBIT_BTC), 12);
    }

    @Test
    void portfolioMarginWithADeltaShockAgreesWithinTheRoundingBound() {
        // A threshold of 50,000 USD, so that the random books' net delta goes past it and the shock is charged.
        PortfolioMarginParameters p = PortfolioMarginParameters.DERIBIT_BTC;
        PortfolioMarginParameters lowThreshold = new PortfolioMarginParameters(p.priceRange(), p.bucketsCount(),
                p.volatilityRangeUp(), p.volatilityRangeDown(), p.shortTermVegaPower(), p.longTermVegaPower(),
                p.vegaPowerSwitchDays(), p.minDaysToExpiry(), p.minVolatilityForShockUp(), p.extendedMoves(),
                p.extendedTableFactor(), p.annualisedMoveRisk(), p.minAnnualisedMove(), p.maxDeltaShock(), 50_000,
                p.pnlOffset(), p.mmFactor());
        agreesOnRandomBooks("portfolio_margin", new PortfolioMarginRule(lowThreshold), 13);
    }

    @Test
    void theBoundIsTightEnoughToMatter() {
        // A bound that allowed anything would pass every comparison: with sizes exact at 4 decimals only the
        // per-unit values' rounding remains, 4.5e-7 BTC (3 US cents), nearly all of it the futures' 426,300 USD of
        // notional times half of 10^-12 BTC per USD.
        ScenarioVectors vectors = ScenarioVectors.of(SampleSlate.SLATE, SampleSlate.PRICER, "portfolio_margin",
                new PortfolioMarginRule(PortfolioMarginParameters.DERIBIT_BTC), "2024-03-01T08:00:00Z");
        AccountWitness witness = SampleSlate.witness(SampleSlate.account(5), vectors);
        double bound = witness.marginRoundingBound(false);
        assertTrue(bound > 0 && bound < 1e-6, "bound " + bound);
    }

    private static void agreesOnRandomBooks(String family, MarginRule rule, long seed) {
        ScenarioVectors vectors = ScenarioVectors.of(SampleSlate.SLATE, SampleSlate.PRICER, family, rule,
                "2024-03-01T08:00:00Z");
        MarginCalculator calculator = new MarginCalculator(rule);
        Random random = new Random(seed);
        for (int book = 0; book < 60; book++) {
            Account account = randomAccount(random);
            AccountWitness witness = SampleSlate.witness(account, vectors);
            MarginState state = calculator.state(account.group(""), SampleSlate.PRICER);
            for (boolean maintenance : new boolean[] {false, true}) {
                double fixed = FixedPoint.unscaled(witness.margin(maintenance), FixedPoint.STATEMENT_DECIMALS);
                double exact = (maintenance ? state.maintenanceMargin() : state.initialMargin()) / INDEX;
                // Double precision's own round-off, relative, on top of the fixed-point bound.
                double tolerance = witness.marginRoundingBound(maintenance) + 1e-12 * Math.abs(exact);
                assertEquals(exact, fixed, tolerance, family + " book " + book + (maintenance ? " MM" : " IM"));
                double fixedEquity = FixedPoint.unscaled(witness.equity(maintenance), FixedPoint.STATEMENT_DECIMALS);
                double exactEquity = (maintenance ? state.equity() : state.initialEquity()) / INDEX;
                assertEquals(exactEquity, fixedEquity,
                        witness.equityRoundingBound() + 1e-12 * Math.abs(exactEquity), "equity of book " + book);
            }
        }
    }

    /** Sizes of any sign with eight decimals in every instrument of the slate, or none in some. */
    private static Account randomAccount(Random random) {
        List<Position> positions = new ArrayList<>();
        for (int i = 0; i < SampleSlate.SLATE.size(); i++) {
            if (random.nextInt(5) == 0) {
                continue;
            }
            double size = Math.round((random.nextDouble() * 40 - 20) * 1e8) / 1e8;
            boolean option = i < 2;
            positions.add(new Position(SampleSlate.SLATE.get(i), size == 0 ? 1 : size,
                    option ? Double.NaN : 55_000 + 10_000 * random.nextDouble()));
        }
        if (positions.isEmpty()) {
            positions.add(new Position(SampleSlate.SLATE.get(0), -1, Double.NaN));
        }
        return Account.cross("random", positions, List.of(new Collateral("BTC", 1 + 20 * random.nextDouble(), 0.0),
                new Collateral("USDC", 100_000 * random.nextDouble() + 1, 0.05)));
    }

    @Test
    void aNegativeSizeEntersTheCircuitAsItsFieldResidue() {
        assertEquals(FixedPoint.FIELD.subtract(BigInteger.valueOf(5)).toString(), FixedPoint.field(BigInteger.valueOf(-5)));
    }
}
