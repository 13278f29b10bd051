package margo.core.margin;

import java.io.Serializable;
import java.util.List;
import margo.core.market.InstrumentName;

/**
 * A holding of one instrument.
 *
 * @param instrument   the instrument
 * @param size         the amount held in coin of the underlying, positive long, negative short, non-zero: options
 *                     on 1 coin each at Deribit; for futures and perpetuals the coin amount at the average price
 *                     (an inverse future's USD notional is {@code size x averagePrice})
 * @param averagePrice the average entry price: coin per option for inverse options, USD per option for linear
 *                     ones, USD per coin for futures and perpetuals; &gt; 0 (NaN allowed for options, whose premium
 *                     is already settled in the balance and which are valued at mark)
 */
public record Position(InstrumentName instrument, double size, double averagePrice) implements Serializable {

    public Position {
        if (instrument == null) {
            throw new IllegalArgumentException("instrument must not be null");
        }
        if (size == 0 || !Double.isFinite(size)) {
            throw new IllegalArgumentException("size must be a finite non-zero number of coins, not " + size);
        }
        boolean option = instrument instanceof InstrumentName.Option;
        if (!(averagePrice > 0 && Double.isFinite(averagePrice)) && !(option && Double.isNaN(averagePrice))) {
            throw new IllegalArgumentException("averagePrice must be a positive finite price"
                    + (option ? " or NaN" : "") + ", not " + averagePrice + " (" + instrument.text() + ")");
        }
    }

    /** Whether the position is an option (else a future or perpetual). */
    public boolean isOption() {
        return instrument instanceof InstrumentName.Option;
    }

    /** Inverse (coin-settled) or linear. */
    public Settlement settlement() {
        return Settlement.of(instrument);
    }

    /**
     * The number of {@link PositionPricer#unitValue} units held: USD notional {@code size x averagePrice} for an
     * inverse future or perpetual (Deribit's own contract unit), {@code size} otherwise.
     */
    public double scenarioQuantity() {
        return !isOption() && settlement() == Settlement.INVERSE ? size * averagePrice : size;
    }

    /**
     * The position's value in its settlement currency at the pricer's market, the amount it adds to equity: the
     * option's mark value {@code size x premium}, or the unrealised P&amp;L of a future since the average price
     * ({@code N (1/avg - 1/F)} coin for an inverse one, {@code size (F - avg)} USD for a linear one).
     */
    public double markValue(PositionPricer pricer) {
        return markValue(pricer.unitValue(instrument));
    }

    /** {@link #markValue(PositionPricer)} given the pricer's {@link PositionPricer#unitValue} of the instrument. */
    public double markValue(double unitValue) {
        double value = scenarioQuantity() * unitValue;
        if (isOption()) {
            return value;
        }
        return settlement() == Settlement.INVERSE ? value + size : value - size * averagePrice;
    }

    /** The same position with another size (splitting, what-if trades). */
    public Position withSize(double newSize) {
        return new Position(instrument, newSize, averagePrice);
    }

    /**
     * The settlement currency shared by all the positions.
     *
     * @throws IllegalArgumentException when the list is empty or mixes currencies (margin rules work per currency,
     *                                  as Deribit's S:PM does)
     */
    public static String commonCurrency(List<Position> positions) {
        if (positions == null || positions.isEmpty()) {
            throw new IllegalArgumentException("positions must not be empty");
        }
        String currency = Settlement.currency(positions.get(0).instrument());
        for (Position position : positions) {
            if (!Settlement.currency(position.instrument()).equals(currency)) {
                throw new IllegalArgumentException("positions must settle in one currency; "
                        + position.instrument().text() + " settles in " + Settlement.currency(position.instrument())
                        + ", not " + currency);
            }
        }
        return currency;
    }
}
