package margo.core.margin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import margo.core.market.InstrumentName;

/**
 * The positions of a margin group netted per instrument, as a venue holds them: Deribit keeps one position per
 * instrument and sub-account, so two trades booked as +3 and -3 of one option are a flat position, margined as
 * nothing (Deribit API, {@code private/get_positions}: one entry per instrument). Every rule sees the net
 * positions; attribution shares each net position's margin among the rows it came from.
 *
 * <p>Netting adds the rows' {@link Position#scenarioQuantity()}: the coin size of an option or linear future, the
 * USD notional of an inverse future (Deribit's own contract unit). The net entry price is the rows' entry prices
 * averaged by absolute size, as the venue reports it. A net quantity within rounding of zero (
 * {@value #FLAT_TOLERANCE} of the rows' gross) is flat and leaves no position.
 */
final class NetPositions {

    /** Relative size, against the gross quantity, below which a net position is flat. */
    static final double FLAT_TOLERANCE = 1e-12;

    /** The net positions, one per instrument not flat, in the order each instrument first appears. */
    private final List<Position> positions;
    /** For each row, the index in {@code positions} of its instrument's net position, or -1 when flat. */
    private final int[] netOf;
    /** For each row, its signed share (row / net) of its net position's quantity, 0 when flat. */
    private final double[] share;

    private NetPositions(List<Position> positions, int[] netOf, double[] share) {
        this.positions = positions;
        this.netOf = netOf;
        this.share = share;
    }

    /** The positions netted per instrument. */
    static NetPositions of(List<Position> rows) {
        Map<InstrumentName, Sum> sums = new LinkedHashMap<>();
        for (Position row : rows) {
            sums.computeIfAbsent(row.instrument(), i -> new Sum()).add(row);
        }
        List<Position> positions = new ArrayList<>();
        Map<InstrumentName, Integer> index = new LinkedHashMap<>();
        for (Map.Entry<InstrumentName, Sum> sum : sums.entrySet()) {
            Position net = sum.getValue().net();
            if (net != null) {
                index.put(sum.getKey(), positions.size());
                positions.add(net);
            }
        }
        int[] netOf = new int[rows.size()];
        double[] share = new double[rows.size()];
        for (int i = 0; i < netOf.length; i++) {
            Position row = rows.get(i);
            Integer at = index.get(row.instrument());
            netOf[i] = at == null ? -1 : at;
            share[i] = at == null ? 0.0 : row.scenarioQuantity() / positions.get(at).scenarioQuantity();
        }
        return new NetPositions(List.copyOf(positions), netOf, share);
    }

    /** The net positions, one per instrument that is not flat, in the order each instrument first appears. */
    List<Position> positions() {
        return positions;
    }

    /** Each row's part of per-net-position amounts (such as IM contributions), split pro rata by quantity. */
    double[] perRow(double[] perNetPosition) {
        double[] out = new double[netOf.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = netOf[i] < 0 ? 0.0 : perNetPosition[netOf[i]] * share[i];
        }
        return out;
    }

    /** The rows of one instrument, added up. */
    private static final class Sum {
        Position first;
        int count;
        double size;
        double quantity;
        double grossQuantity;
        double entryWeight;
        double entryTotal;

        void add(Position row) {
            first = first == null ? row : first;
            count++;
            size += row.size();
            quantity += row.scenarioQuantity();
            grossQuantity += Math.abs(row.scenarioQuantity());
            if (!Double.isNaN(row.averagePrice())) {
                entryWeight += Math.abs(row.size());
                entryTotal += Math.abs(row.size()) * row.averagePrice();
            }
        }

        /** The net position, the row itself when there is one, or null when the rows cancel. */
        Position net() {
            if (count == 1) {
                return first;
            }
            if (Math.abs(quantity) <= FLAT_TOLERANCE * grossQuantity) {
                return null;
            }
            double entry = entryWeight > 0 ? entryTotal / entryWeight : Double.NaN;
            boolean inverseFuture = !first.isOption() && first.settlement() == Settlement.INVERSE;
            return new Position(first.instrument(), inverseFuture ? quantity / entry : size, entry);
        }
    }
}
