package margo.dsl.value;

import java.time.Instant;

/** A point in time, UTC. */
public record InstantValue(Instant value) implements Value {

    public InstantValue {
        if (value == null) {
            throw new IllegalArgumentException("value must not be null");
        }
    }

    @Override
    public String kind() {
        return "instant";
    }
}
