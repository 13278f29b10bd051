package margo.core.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import margo.core.models.CharacteristicFunctionModel;
import margo.core.models.CosPricer;
import margo.core.pricing.OptionType;

/**
 * A small calibration run once per JVM on a thread of its own, so that the JIT compiles the pricing and solver code
 * while a run still parses its recipe and loads its data, and the run's first calibration starts on compiled code.
 *
 * <p>JDK 25's ahead-of-time cache keeps classes loaded and linked, not compiled code (docs/startup.md): without
 * this, the first Heston fit of a run interprets the COS expansion until C1 has compiled it, about 0.1 s. The
 * warm-up calibrates the recipe's own model family to prices it makes itself, through the same path as a fit
 * ({@link SlicePricedModel}, {@link CosSlicePricer}, {@link Calibrator}); it shares no mutable state with the run
 * (the pricer's scratch space is per thread) and so cannot change a result. It runs only with a second core to run
 * on, as a daemon that never holds up the end of a run; whatever it throws is dropped.
 */
public final class CalibrationWarmUp {

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    /** Expiries in years and log-moneyness steps of the made-up chain: the shape of a crypto chain, kept small. */
    private static final double[] TIMES = {0.05, 0.25, 1.0};
    private static final double[] LOG_MONEYNESS = {-0.3, -0.15, -0.05, 0.0, 0.05, 0.15, 0.3};
    private static final double FORWARD = 60_000;
    private static final int ITERATIONS = 8;

    private CalibrationWarmUp() {
    }

    /**
     * Starts the warm-up for {@code model}'s family unless one has started in this JVM or there is one core only.
     *
     * @param model      the family's model at the parameters that price the made-up chain
     * @param parameters the family's parameters, bounded, in the model's order; the fit starts away from the model
     */
    public static void startFor(CharacteristicFunctionModel model, List<ParameterSpec> parameters) {
        if (Runtime.getRuntime().availableProcessors() < 2 || "off".equals(System.getProperty("margo.warm-up"))
                || !STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = Thread.ofPlatform().daemon().name("margo-calibration-warm-up").unstarted(() -> {
            try {
                calibrate(model, parameters);
            } catch (Throwable ignored) {
                // A warm-up that fails has warmed what it ran; the run's own statements report their own errors
                // (and run out of memory or stack on their own), and a daemon's trace would reach stderr.
            }
        });
        // The lowest priority where the system honours Java's thread priorities (Linux does not, by default).
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** The warm-up's calibration, on the calling thread: 21 quotes that {@code model} prices, fitted from near it. */
    public static CalibrationResult calibrate(CharacteristicFunctionModel model, List<ParameterSpec> parameters) {
        int n = TIMES.length * LOG_MONEYNESS.length;
        int[] expiryIndex = new int[n];
        OptionType[] types = new OptionType[n];
        double[] forwards = new double[n];
        double[] strikes = new double[n];
        double[] times = new double[n];
        for (int e = 0, i = 0; e < TIMES.length; e++) {
            for (double x : LOG_MONEYNESS) {
                expiryIndex[i] = e;
                types[i] = x < 0 ? OptionType.CALL : OptionType.PUT;
                forwards[i] = FORWARD;
                strikes[i] = FORWARD * Math.exp(-x);
                times[i] = TIMES[e];
                i++;
            }
        }
        double[] iv = new double[n];
        CosPricer.DEFAULT.impliedVolatilities(model, forwards, times, strikes, types, iv);
        double[] weights = new double[n];
        Arrays.fill(weights, 1.0);
        List<ParameterSpec> away = new ArrayList<>();
        for (ParameterSpec p : parameters) {
            // A tenth of the way to the middle of the bounds: a few iterations of real work, inside the domain.
            away.add(p.fixed() ? p : ParameterSpec.free(p.name(), p.lower(), p.upper(),
                    p.start() + 0.1 * (0.5 * (p.lower() + p.upper()) - p.start())));
        }
        CalibrationProblem problem = CalibrationProblem.of(
                new SlicePricedModel(new CosSlicePricer(model, CosPricer.DEFAULT, true)), away,
                new CalibrationQuotes(expiryIndex, types, forwards, strikes, times, iv, weights),
                Target.IMPLIED_VOLATILITY).withMethod(new SolverMethod.LevenbergMarquardt(ITERATIONS, 1000, 1e-10));
        return Calibrator.DEFAULT.calibrate(problem);
    }
}
