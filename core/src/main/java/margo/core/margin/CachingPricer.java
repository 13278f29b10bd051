package margo.core.margin;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import margo.core.market.InstrumentName;

/**
 * A pricer that remembers what it was asked about each instrument in the current market: its unit value, move
 * delta, time to expiry, valuer, and its unit P&amp;L in each scenario of a rule's grid. Every answer is the wrapped
 * pricer's, computed by the same call the first time it is asked, so results are the same bit for bit; later asks
 * cost a map look-up.
 *
 * <p>The liquidation search ({@link MarginCalculator}) revalues every account of a book on the same ladder of moved
 * markets. None of an instrument's values there depends on the account, so one such pricer per market step serves
 * every account of a report: the Black-76 work is done once per instrument and step rather than once per position,
 * step and account. Not thread-safe: one report, one thread.
 *
 * <p>The answers at the current market all come from the instrument's {@link #valuer}, bound once: every pricer
 * here values an instrument through its valuer ({@code unitValue(i, x, v)} is {@code valuer(i).value(x, v)}), so
 * the numbers are the same, without looking the market data up again for each question.
 *
 * <p>A book read from a file holds one instrument object per instrument ({@link BookCsv}), so each is looked up by
 * identity first, which costs no hashing of its fields; any other equal object finds the same answers by equality.
 */
final class CachingPricer implements PositionPricer {

    private final PositionPricer market;
    private final Map<InstrumentName, Remembered> instruments = new HashMap<>();
    private final Map<InstrumentName, Remembered> byIdentity = new IdentityHashMap<>();

    /** What was asked about one instrument; null until asked. One map look-up serves every question. */
    private static final class Remembered {
        Double unitValue;
        Double moveDelta;
        Double timeToExpiry;
        InstrumentValuer valuer;
        List<Scenario> scenarios;
        double[] unitPnl;
    }

    CachingPricer(PositionPricer market) {
        this.market = market;
    }

    @Override
    public String coin() {
        return market.coin();
    }

    @Override
    public double indexPrice() {
        return market.indexPrice();
    }

    @Override
    public double forward(InstrumentName instrument) {
        return market.forward(instrument);
    }

    @Override
    public double markVolatility(InstrumentName.Option option) {
        return market.markVolatility(option);
    }

    @Override
    public double timeToExpiry(InstrumentName instrument) {
        Remembered remembered = remembered(instrument);
        if (remembered.timeToExpiry == null) {
            remembered.timeToExpiry = market.timeToExpiry(instrument);
        }
        return remembered.timeToExpiry;
    }

    @Override
    public String whyNotPriceable(InstrumentName instrument) {
        return market.whyNotPriceable(instrument);
    }

    @Override
    public double unitValue(InstrumentName instrument, double priceMove, double volatilityShift) {
        if (!atMarket(priceMove, volatilityShift)) {
            return market.unitValue(instrument, priceMove, volatilityShift);
        }
        Remembered remembered = remembered(instrument);
        if (remembered.unitValue == null) {
            remembered.unitValue = valuer(instrument).value(priceMove, volatilityShift);
        }
        return remembered.unitValue;
    }

    @Override
    public double moveDelta(InstrumentName instrument, double priceMove, double volatilityShift) {
        if (!atMarket(priceMove, volatilityShift)) {
            return market.moveDelta(instrument, priceMove, volatilityShift);
        }
        Remembered remembered = remembered(instrument);
        if (remembered.moveDelta == null) {
            remembered.moveDelta = valuer(instrument).moveDelta(priceMove, volatilityShift);
        }
        return remembered.moveDelta;
    }

    @Override
    public InstrumentValuer valuer(InstrumentName instrument) {
        Remembered remembered = remembered(instrument);
        if (remembered.valuer == null) {
            remembered.valuer = market.valuer(instrument);
        }
        return remembered.valuer;
    }

    private Remembered remembered(InstrumentName instrument) {
        Remembered known = byIdentity.get(instrument);
        if (known != null) {
            return known;
        }
        Remembered remembered = instruments.get(instrument);
        if (remembered == null) {
            remembered = new Remembered();
            instruments.put(instrument, remembered);
            byIdentity.put(instrument, remembered);
        }
        return remembered;
    }

    /**
     * The instrument's unit P&amp;L in each of the scenarios ({@link ScenarioPnlMatrix#unitPnl}), remembered for the
     * last scenario list asked (by identity: a rule keeps its own list). The caller must not modify the array.
     */
    double[] unitPnl(InstrumentName instrument, List<Scenario> scenarios) {
        Remembered remembered = remembered(instrument);
        if (remembered.scenarios != scenarios) {
            remembered.unitPnl = market instanceof Black76PositionPricer
                    ? ScenarioPnlMatrix.unitPnl(List.of(instrument), scenarios, market)
                    : ScenarioPnlMatrix.unitPnl(valuer(instrument), unitValue(instrument), scenarios);
            remembered.scenarios = scenarios;
        }
        return remembered.unitPnl;
    }

    /** Whether the move and shift are both +0, the current market (what the one-argument calls ask). */
    private static boolean atMarket(double priceMove, double volatilityShift) {
        return Double.doubleToRawLongBits(priceMove) == 0L && Double.doubleToRawLongBits(volatilityShift) == 0L;
    }
}
