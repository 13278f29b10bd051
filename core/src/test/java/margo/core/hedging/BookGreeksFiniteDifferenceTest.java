package margo.core.hedging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.function.DoubleBinaryOperator;
import margo.core.margin.Account;
import margo.core.margin.Black76PositionPricer;
import margo.core.margin.MarginCalculator;
import margo.core.margin.MarginGroup;
import margo.core.margin.MarketSnapshot;
import margo.core.margin.PositionPricer;
import margo.core.margin.SampleMarket;
import margo.core.margin.StandardMarginRule;
import org.junit.jupiter.api.Test;

/**
 * The analytic greeks of every margin group of the shipped book are the derivatives of the group's USD equity, as
 * {@link MarginCalculator} values it, taken by central differences of that equity with Richardson extrapolation:
 * price moves and vol shifts of 1e-3 and 5e-4, one hour and half an hour of calendar time.
 */
class BookGreeksFiniteDifferenceTest {

    private static final double RELATIVE = 1e-6;
    /** USD: the rounding of the differences of an equity of about a million USD. */
    private static final double ABSOLUTE = 1e-4;
    private static final double H = 1e-3;
    private static final MarginCalculator VALUER = new MarginCalculator(StandardMarginRule.DERIBIT);

    @Test
    void everyGroupsGreeksAreTheDerivativesOfItsEquity() {
        for (Account account : SampleMarket.book().accounts()) {
            for (MarginGroup group : account.groups()) {
                String name = account.name() + "/" + group.label();
                Greeks greeks = BookGreeks.of(group, SampleMarket.PRICER);
                DoubleBinaryOperator equity = (move, shift) -> equity(group, SampleMarket.PRICER.shifted(move, shift));
                check(name + " delta_usd", first((h) -> equity.applyAsDouble(h, 0)), greeks.deltaUsd());
                check(name + " gamma_usd", 0.01 * second((h) -> equity.applyAsDouble(h, 0)), greeks.gammaUsd());
                check(name + " vega_usd", 0.01 * first((h) -> equity.applyAsDouble(0, h)), greeks.vegaUsd());
                check(name + " volga_usd", 1e-4 * second((h) -> equity.applyAsDouble(0, h)), greeks.volgaUsd());
                check(name + " vanna_usd", 0.01 * mixed(equity), greeks.vannaUsd());
                double hourInYears = 3600.0 / (365 * 86400.0);
                double theta = first(h -> equity(group, later(SampleMarket.MARKET, Math.round(h / hourInYears * 3600))),
                        hourInYears) / 365.0;
                check(name + " theta_usd", theta, greeks.thetaUsd());
            }
        }
    }

    private static double equity(MarginGroup group, PositionPricer pricer) {
        return VALUER.equityAndMaintenance(group, pricer)[0];
    }

    /** The market {@code seconds} later, forwards, index and mark IVs held. */
    private static PositionPricer later(MarketSnapshot market, long seconds) {
        return new Black76PositionPricer(new MarketSnapshot(market.coin(),
                market.valuationTime().plus(Duration.ofSeconds(seconds)), market.indexPrice(),
                market.perpetualPrice(), market.forwards(), market.smiles()));
    }

    private static void check(String what, double finiteDifference, double analytic) {
        assertEquals(finiteDifference, analytic, RELATIVE * Math.abs(finiteDifference) + ABSOLUTE, what);
    }

    private static double first(java.util.function.DoubleUnaryOperator f) {
        return first(f, H);
    }

    private static double first(java.util.function.DoubleUnaryOperator f, double h) {
        double coarse = (f.applyAsDouble(h) - f.applyAsDouble(-h)) / (2 * h);
        double fine = (f.applyAsDouble(h / 2) - f.applyAsDouble(-h / 2)) / h;
        return (4 * fine - coarse) / 3;
    }

    private static double second(java.util.function.DoubleUnaryOperator f) {
        double at = f.applyAsDouble(0);
        double coarse = (f.applyAsDouble(H) - 2 * at + f.applyAsDouble(-H)) / (H * H);
        double h = H / 2;
        double fine = (f.applyAsDouble(h) - 2 * at + f.applyAsDouble(-h)) / (h * h);
        return (4 * fine - coarse) / 3;
    }

    private static double mixed(DoubleBinaryOperator f) {
        double coarse = mixed(f, H);
        double fine = mixed(f, H / 2);
        return (4 * fine - coarse) / 3;
    }

    private static double mixed(DoubleBinaryOperator f, double h) {
        return (f.applyAsDouble(h, h) - f.applyAsDouble(h, -h) - f.applyAsDouble(-h, h) + f.applyAsDouble(-h, -h))
                / (4 * h * h);
    }
}
