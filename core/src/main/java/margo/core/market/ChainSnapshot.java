package margo.core.market;

import java.time.Instant;

/**
 * One option chain of a {@link ChainSeries}: the market at one time.
 *
 * @param time  the snapshot's time, UTC: the chain's valuation time, from which its times to expiry count
 * @param chain the chain as it was then
 */
public record ChainSnapshot(Instant time, OptionChain chain) {

    public ChainSnapshot {
        if (time == null || chain == null) {
            throw new IllegalArgumentException("time and chain must not be null");
        }
        if (!time.equals(chain.valuationTime())) {
            throw new IllegalArgumentException("the snapshot at " + time + " holds a chain valued at "
                    + chain.valuationTime());
        }
    }
}
