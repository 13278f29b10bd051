package margo.core.margin;

import java.util.List;
import margo.core.market.InstrumentName;
import margo.core.pricing.OptionType;

/**
 * Positions laid out column-wise on primitive arrays with the market inputs of their Black-76 revaluation bound
 * once (the forward, mark IV and time to expiry that {@link Black76PositionPricer} looks up), so that a
 * {@link ScenarioGrid} revalues them in scenarios without objects, maps or smile lookups per scenario.
 *
 * <p>Position {@code p} is an option when {@code type[p]} is not null, else a future or perpetual;
 * {@code inverse[p]} says whether it is coin-settled. Units as in {@link PositionPricer}: forwards and strikes in
 * USD per coin, times in years (ACT/365), volatilities annualised decimals, quantities as
 * {@link Position#scenarioQuantity()} counts them.
 */
public final class MarkedPositions {

    final OptionType[] type;
    final boolean[] inverse;
    final double[] forward;
    final double[] strike;
    final double[] timeToExpiry;
    final double[] markVolatility;
    final double[] quantity;

    private MarkedPositions(int size) {
        type = new OptionType[size];
        inverse = new boolean[size];
        forward = new double[size];
        strike = new double[size];
        timeToExpiry = new double[size];
        markVolatility = new double[size];
        quantity = new double[size];
    }

    /**
     * The instruments marked on the pricer's market, with the given quantities.
     *
     * @param instruments the instruments, all priceable by {@code pricer}
     * @param quantity    each instrument's {@link Position#scenarioQuantity()}, as many as instruments; null for 1
     * @throws IllegalArgumentException when the market has no forward or mark IV for an instrument
     */
    public static MarkedPositions of(List<InstrumentName> instruments, double[] quantity,
            Black76PositionPricer pricer) {
        if (instruments == null || pricer == null) {
            throw new IllegalArgumentException("instruments and pricer must not be null");
        }
        if (quantity != null && quantity.length != instruments.size()) {
            throw new IllegalArgumentException("quantity must have one entry per instrument (" + instruments.size()
                    + "), not " + quantity.length);
        }
        MarkedPositions marked = new MarkedPositions(instruments.size());
        for (int p = 0; p < instruments.size(); p++) {
            InstrumentName instrument = instruments.get(p);
            // The same look-ups, in the same order, as Black76PositionPricer#valuer.
            marked.inverse[p] = Settlement.of(instrument) == Settlement.INVERSE;
            marked.forward[p] = pricer.forward(instrument);
            if (instrument instanceof InstrumentName.Option option) {
                marked.type[p] = option.type();
                marked.strike[p] = option.strike();
                marked.markVolatility[p] = pricer.markVolatility(option);
            } else {
                marked.strike[p] = Double.NaN;
                marked.markVolatility[p] = Double.NaN;
            }
            marked.timeToExpiry[p] = pricer.timeToExpiry(instrument);
            marked.quantity[p] = quantity == null ? 1.0 : quantity[p];
        }
        return marked;
    }

    /** The positions marked on the pricer's market, each counted by its {@link Position#scenarioQuantity()}. */
    public static MarkedPositions of(List<Position> positions, Black76PositionPricer pricer) {
        if (positions == null) {
            throw new IllegalArgumentException("positions must not be null");
        }
        double[] quantity = new double[positions.size()];
        for (int p = 0; p < quantity.length; p++) {
            quantity[p] = positions.get(p).scenarioQuantity();
        }
        return of(positions.stream().map(Position::instrument).toList(), quantity, pricer);
    }

    /** The number of positions. */
    public int size() {
        return quantity.length;
    }
}
