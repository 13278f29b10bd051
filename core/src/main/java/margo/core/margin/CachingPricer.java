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
 */
final class CachingPricer implements PositionPricer {

    private final PositionPricer market;
    private final Map<InstrumentName, Double> unitValues = new HashMap<>();
    private final Map<InstrumentName, Double> moveDeltas = new HashMap<>();
    private final Map<InstrumentName, Double> timesToExpiry = new HashMap<>();
    private final Map<InstrumentName, InstrumentValuer> valuers = new HashMap<>();
    private final Map<List<Scenario>, Map<InstrumentName, double[]>> unitPnls = new IdentityHashMap<>();

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
        return timesToExpiry.computeIfAbsent(instrument, market::timeToExpiry);
    }

    @Override
    public String whyNotPriceable(InstrumentName instrument) {
        return market.whyNotPriceable(instrument);
    }

    @Override
    public double unitValue(InstrumentName instrument, double priceMove, double volatilityShift) {
        if (atMarket(priceMove, volatilityShift)) {
            return unitValues.computeIfAbsent(instrument, i -> market.unitValue(i, priceMove, volatilityShift));
        }
        return market.unitValue(instrument, priceMove, volatilityShift);
    }

    @Override
    public double moveDelta(InstrumentName instrument, double priceMove, double volatilityShift) {
        if (atMarket(priceMove, volatilityShift)) {
            return moveDeltas.computeIfAbsent(instrument, i -> market.moveDelta(i, priceMove, volatilityShift));
        }
        return market.moveDelta(instrument, priceMove, volatilityShift);
    }

    @Override
    public InstrumentValuer valuer(InstrumentName instrument) {
        return valuers.computeIfAbsent(instrument, market::valuer);
    }

    /**
     * The instrument's unit P&amp;L in each of the scenarios ({@link ScenarioPnlMatrix#unitPnl}), remembered per
     * scenario list (by identity: a rule keeps its own). The caller must not modify the array.
     */
    double[] unitPnl(InstrumentName instrument, List<Scenario> scenarios) {
        return unitPnls.computeIfAbsent(scenarios, s -> new HashMap<>())
                .computeIfAbsent(instrument, i -> ScenarioPnlMatrix.unitPnl(List.of(i), scenarios, market));
    }

    /** Whether the move and shift are both +0, the current market (what the one-argument calls ask). */
    private static boolean atMarket(double priceMove, double volatilityShift) {
        return Double.doubleToRawLongBits(priceMove) == 0L && Double.doubleToRawLongBits(volatilityShift) == 0L;
    }
}
