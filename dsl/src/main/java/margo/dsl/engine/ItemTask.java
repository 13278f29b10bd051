package margo.dsl.engine;

import java.io.Serializable;

/**
 * One of many independent computations an engine may run apart, such as the cold fit of one snapshot of a series;
 * serialisable, as it travels to the engine's workers with its item.
 *
 * @param <T> the item, such as a snapshot's calibration problem
 * @param <R> its result
 */
@FunctionalInterface
public interface ItemTask<T, R> extends Serializable {

    R apply(T item);
}
