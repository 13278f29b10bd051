package margo.dsl.run;

import java.time.Duration;
import margo.core.risk.Ewma;
import margo.core.risk.EwmaEstimator;
import margo.core.risk.FilteredHistoricalSimulation;
import margo.core.risk.HistoricalSimulation;
import margo.core.risk.HorizonScaling;
import margo.core.risk.Innovations;
import margo.core.risk.ShockEstimator;
import margo.core.risk.ShockSpec;
import margo.core.risk.VolatilityFilter;

/**
 * The shock estimators of core's {@code margo.core.risk} as the language names them: {@code hs}, {@code ewma} and
 * {@code fhs}, with the settings each reads. One place, for {@code calibrate} and the built-ins alike.
 */
final class ShockEstimators {

    /** RiskMetrics' daily decay, the default of lambda. */
    static final double DEFAULT_LAMBDA = Ewma.RISKMETRICS_DAILY_LAMBDA;

    private ShockEstimators() {
    }

    /**
     * @param method       hs, ewma or fhs
     * @param lambda       the EWMA decay (ewma, and fhs with the ewma filter)
     * @param distribution normal or t (ewma)
     * @param filter       garch or ewma (fhs)
     * @param scaling      direct or sqrt (hs)
     */
    static ShockEstimator of(String method, ShockSpec spec, double lambda, String distribution, String filter,
                             String scaling) {
        return switch (method) {
            case "hs" -> new HistoricalSimulation(spec, scaling.equals("sqrt") ? HorizonScaling.SQUARE_ROOT_OF_TIME
                    : HorizonScaling.DIRECT);
            case "ewma" -> new EwmaEstimator(spec, new Ewma(lambda), distribution.equals("t")
                    ? new Innovations.FittedStudentT() : Innovations.NORMAL);
            case "fhs" -> new FilteredHistoricalSimulation(spec, filter.equals("ewma")
                    ? new VolatilityFilter.EwmaFilter(new Ewma(lambda)) : VolatilityFilter.GARCH);
            default -> throw new IllegalStateException("the checker lets through only hs, ewma and fhs: " + method);
        };
    }

    /** A duration of the language, in years (ACT/365), as a {@link Duration} to the second. */
    static Duration duration(double years) {
        return Duration.ofSeconds(Math.round(years * 365 * 86_400));
    }
}
