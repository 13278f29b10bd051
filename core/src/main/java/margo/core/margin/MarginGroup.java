package margo.core.margin;

import java.io.Serializable;
import java.util.List;

/**
 * Positions margined together against their own collateral: an account's cross-margin pool, or one isolated
 * position (or set of positions) with the collateral set aside for it. Losses in one group never draw on another
 * group's collateral, as in Deribit's segregated margin and the isolated margin of Hyperliquid or dYdX.
 *
 * @param label      empty for the account's cross-margin pool, else the name of the isolated group
 * @param positions  the positions, possibly none
 * @param collateral the collateral, possibly none
 */
public record MarginGroup(String label, List<Position> positions, List<Collateral> collateral) implements Serializable {

    public MarginGroup {
        if (label == null) {
            throw new IllegalArgumentException("label must not be null (empty for the cross-margin pool)");
        }
        if (positions == null || collateral == null) {
            throw new IllegalArgumentException("positions and collateral must not be null");
        }
        positions = List.copyOf(positions);
        collateral = List.copyOf(collateral);
    }

    /** Whether this is an isolated group rather than the cross-margin pool. */
    public boolean isolated() {
        return !label.isEmpty();
    }

    /** This group with more positions (a what-if trade). */
    public MarginGroup plus(List<Position> trade) {
        List<Position> all = new java.util.ArrayList<>(positions);
        all.addAll(trade);
        return new MarginGroup(label, all, collateral);
    }

    /** This group with one more collateral holding. */
    public MarginGroup plusCollateral(Collateral more) {
        List<Collateral> all = new java.util.ArrayList<>(collateral);
        all.add(more);
        return new MarginGroup(label, positions, all);
    }
}
