package margo.dsl.run;

import java.time.Instant;
import java.util.List;

/**
 * Receives each update of a running {@code replay} as it is fitted, on the running thread, e.g. for a kernel to
 * show a line that changes as the replay runs; must return quickly.
 */
@FunctionalInterface
public interface ReplayListener {

    /** A listener that ignores the updates. */
    ReplayListener NONE = update -> { };

    void onUpdate(Update update);

    /**
     * One fitted update.
     *
     * @param replay         the replay's name in the recipe
     * @param index          the update, 0 the first
     * @param updates        how many updates the replay has
     * @param time           the update's snapshot time
     * @param latencyMillis  milliseconds from the update's quotes to its fit
     * @param iterations     the solver's iterations
     * @param rmse           the fit's RMSE, vol points (or USD for a price fit)
     * @param parameterNames the model's parameters, in order
     * @param parameters     their values after the update (a copy)
     */
    record Update(String replay, int index, int updates, Instant time, double latencyMillis, int iterations,
                  double rmse, List<String> parameterNames, double[] parameters) {
    }
}
