package margo.core.market;

import java.util.List;

/**
 * Option chains of one market through time, in time order, as quants look at calibrations over a week or replay a
 * day: a list of (time, chain). Loaded by {@link ChainSeriesLoader} from a folder, a glob or one Tardis.dev
 * {@code options_chain} file.
 *
 * @param snapshots the chains, at strictly increasing times; at least one
 */
public record ChainSeries(List<ChainSnapshot> snapshots) {

    /** @throws IllegalArgumentException when there is no snapshot or two are not in strictly increasing time */
    public ChainSeries {
        if (snapshots == null || snapshots.isEmpty()) {
            throw new IllegalArgumentException("a series needs at least one snapshot");
        }
        snapshots = List.copyOf(snapshots);
        for (int i = 1; i < snapshots.size(); i++) {
            if (!snapshots.get(i).time().isAfter(snapshots.get(i - 1).time())) {
                throw new IllegalArgumentException("snapshot " + i + " at " + snapshots.get(i).time()
                        + " is not after snapshot " + (i - 1) + " at " + snapshots.get(i - 1).time());
            }
        }
    }

    /** The number of snapshots. */
    public int size() {
        return snapshots.size();
    }

    /** The snapshot at {@code index}, 0 the earliest. */
    public ChainSnapshot get(int index) {
        return snapshots.get(index);
    }
}
