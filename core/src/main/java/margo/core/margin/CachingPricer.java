package margo.core.margin;

import java.util.Arrays;
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
 * identity first, which costs no hashing of its fields; any other equal object finds the same answers by equality,
 * and only the first object asked is kept by identity, so the identity map holds no more than one per instrument.
 * A liquidation search numbers its instruments ({@link InstrumentSlots}) and asks by slot, which is an array read
 * once the slot has been asked; the answers are the same ones, remembered once per instrument.
 */
final class CachingPricer implements PositionPricer {

    private final PositionPricer market;
    private final Map<InstrumentName, Remembered> instruments = new HashMap<>();
    private final Map<InstrumentName, Remembered> byIdentity = new IdentityHashMap<>();
    private Remembered[] bySlot = new Remembered[0];

    /**
     * What was asked about one instrument, each answer computed the first time it is asked. One look-up serves
     * every question; the numbers are kept unboxed.
     */
    private final class Remembered {
        private final InstrumentName instrument;
        private boolean knowsUnitValue;
        private double unitValue;
        private boolean knowsMoveDelta;
        private double moveDelta;
        private boolean knowsTimeToExpiry;
        private double timeToExpiry;
        private InstrumentValuer valuer;
        private List<Scenario> scenarios;
        private double[] unitPnl;

        Remembered(InstrumentName instrument) {
            this.instrument = instrument;
        }

        double unitValue() {
            if (!knowsUnitValue) {
                unitValue = valuer().value(0.0, 0.0);
                knowsUnitValue = true;
            }
            return unitValue;
        }

        double moveDelta() {
            if (!knowsMoveDelta) {
                moveDelta = valuer().moveDelta(0.0, 0.0);
                knowsMoveDelta = true;
            }
            return moveDelta;
        }

        double timeToExpiry() {
            if (!knowsTimeToExpiry) {
                timeToExpiry = market.timeToExpiry(instrument);
                knowsTimeToExpiry = true;
            }
            return timeToExpiry;
        }

        InstrumentValuer valuer() {
            if (valuer == null) {
                valuer = market.valuer(instrument);
            }
            return valuer;
        }

        double[] unitPnl(List<Scenario> asked) {
            if (scenarios != asked) {
                unitPnl = market instanceof Black76PositionPricer
                        ? ScenarioPnlMatrix.unitPnl(List.of(instrument), asked, market)
                        : ScenarioPnlMatrix.unitPnl(valuer(), unitValue(), asked);
                scenarios = asked;
            }
            return unitPnl;
        }
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
        return remembered(instrument).timeToExpiry();
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
        return remembered(instrument).unitValue();
    }

    @Override
    public double moveDelta(InstrumentName instrument, double priceMove, double volatilityShift) {
        if (!atMarket(priceMove, volatilityShift)) {
            return market.moveDelta(instrument, priceMove, volatilityShift);
        }
        return remembered(instrument).moveDelta();
    }

    @Override
    public InstrumentValuer valuer(InstrumentName instrument) {
        return remembered(instrument).valuer();
    }

    /**
     * The instrument's unit P&amp;L in each of the scenarios ({@link ScenarioPnlMatrix#unitPnl}), remembered for the
     * last scenario list asked (by identity: a rule keeps its own list). The caller must not modify the array.
     */
    double[] unitPnl(InstrumentName instrument, List<Scenario> scenarios) {
        return remembered(instrument).unitPnl(scenarios);
    }

    /** {@link #unitValue(InstrumentName)} of the instrument numbered {@code slot} ({@link InstrumentSlots}). */
    double unitValue(int slot, InstrumentName instrument) {
        return remembered(slot, instrument).unitValue();
    }

    /** {@link #moveDelta(InstrumentName)} of the instrument numbered {@code slot}. */
    double moveDelta(int slot, InstrumentName instrument) {
        return remembered(slot, instrument).moveDelta();
    }

    /** {@link #timeToExpiry(InstrumentName)} of the instrument numbered {@code slot}. */
    double timeToExpiry(int slot, InstrumentName instrument) {
        return remembered(slot, instrument).timeToExpiry();
    }

    /** {@link #unitPnl(InstrumentName, List)} of the instrument numbered {@code slot}. */
    double[] unitPnl(int slot, InstrumentName instrument, List<Scenario> scenarios) {
        return remembered(slot, instrument).unitPnl(scenarios);
    }

    /** What was asked about the instrument numbered {@code slot}, which is {@code instrument}. */
    private Remembered remembered(int slot, InstrumentName instrument) {
        if (slot < bySlot.length) {
            Remembered known = bySlot[slot];
            if (known != null) {
                return known;
            }
        } else {
            bySlot = Arrays.copyOf(bySlot, Math.max(slot + 1, 2 * bySlot.length));
        }
        Remembered remembered = remembered(instrument);
        bySlot[slot] = remembered;
        return remembered;
    }

    private Remembered remembered(InstrumentName instrument) {
        Remembered known = byIdentity.get(instrument);
        if (known != null) {
            return known;
        }
        Remembered remembered = instruments.get(instrument);
        if (remembered == null) {
            remembered = new Remembered(instrument);
            instruments.put(instrument, remembered);
            byIdentity.put(instrument, remembered);
        }
        return remembered;
    }

    /** Whether the move and shift are both +0, the current market (what the one-argument calls ask). */
    private static boolean atMarket(double priceMove, double volatilityShift) {
        return Double.doubleToRawLongBits(priceMove) == 0L && Double.doubleToRawLongBits(volatilityShift) == 0L;
    }
}
