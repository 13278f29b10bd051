package margo.core.risk;

import java.util.ArrayList;
import java.util.List;

/**
 * How often the history moved at least as far as an extended (tail) scenario over the horizon: the coverage a
 * portfolio margin's extended moves or a SPAN extreme move actually give. Counted on overlapping horizon returns,
 * so it is a frequency, not a test.
 *
 * @param move         the scenario's price move, e.g. -0.33 or +1.0
 * @param frequency    the share of horizon moves at least as far in the move's direction
 * @param observations horizon returns counted
 */
public record ExtendedMoveCoverage(double move, double frequency, int observations) {

    /** The coverage of each of {@code moves} over {@code horizonBars} in {@code logReturns}. */
    public static List<ExtendedMoveCoverage> of(double[] logReturns, int horizonBars, double[] moves) {
        double[] horizon = HorizonReturns.overlapping(logReturns, horizonBars);
        List<ExtendedMoveCoverage> out = new ArrayList<>();
        for (double move : moves) {
            double logMove = Math.log1p(move);
            int beyond = 0;
            for (double r : horizon) {
                beyond += (move < 0 ? r <= logMove : r >= logMove) ? 1 : 0;
            }
            out.add(new ExtendedMoveCoverage(move, (double) beyond / horizon.length, horizon.length));
        }
        return out;
    }

    /** The share of horizon moves that stayed inside, {@code 1 - frequency}. */
    public double coverage() {
        return 1 - frequency;
    }
}
