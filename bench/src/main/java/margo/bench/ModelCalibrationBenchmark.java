package margo.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import margo.core.calibration.CalibrationProblem;
import margo.core.calibration.CalibrationResult;
import margo.core.calibration.Calibrator;
import margo.core.calibration.CosSlicePricer;
import margo.core.calibration.SlicePricedModel;
import margo.core.calibration.Target;
import margo.core.models.CosPricer;
import margo.dsl.registry.ModelFamily;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One single-start Levenberg-Marquardt calibration of each model to the 400-option chain of {@link BtcSurfaceChain}
 * (implied-volatility target, unit weights, the recipe language's default bounds and start), on the calling thread:
 * with the analytic price gradient ({@code jacobian = analytic}) and, the peer in the same run, with the Jacobian by
 * central differences of COS prices ({@code numerical}). The setup prints each fit's evaluations, iterations, RMSE
 * and parameters, so the times are read next to what they bought; the teardown, warm, the least CPU time of the
 * calling thread over three more fits, which a machine shared with other work inflates less than the wall time that
 * JMH reports.
 *
 * <pre>bench/jmh.sh ModelCalibrationBenchmark -f 1 -wi 3 -i 5 -t 1</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ModelCalibrationBenchmark {

    @Param({"heston", "bates", "merton", "variance_gamma"})
    public String model;

    @Param({"analytic", "numerical"})
    public String jacobian;

    private CalibrationProblem problem;

    @Setup(Level.Trial)
    public void buildAndPrintTheFit() {
        ModelFamily family = BtcSurfaceChain.family(model);
        problem = CalibrationProblem.of(new SlicePricedModel(new CosSlicePricer(family.prototype(),
                CosPricer.DEFAULT, jacobian.equals("analytic"))), BtcSurfaceChain.parameters(family),
                BtcSurfaceChain.quotes(), Target.IMPLIED_VOLATILITY);
        CalibrationResult result = fit();
        System.out.printf("%n%s, %s Jacobian: %d evaluations, %d iterations, rmse %.4f vol, %s, %s%n", model,
                jacobian, result.evaluations(), result.iterations(), result.rmse(), result.stopReason(),
                java.util.Arrays.toString(result.parameters()));
    }

    @TearDown(Level.Trial)
    public void printCpuTime() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long before = threads.getCurrentThreadCpuTime();
            fit();
            least = Math.min(least, threads.getCurrentThreadCpuTime() - before);
        }
        System.out.printf("%n%s, %s Jacobian: %.1f ms of CPU, warm, least of 3%n", model, jacobian, least / 1e6);
    }

    @Benchmark
    public CalibrationResult fit() {
        return Calibrator.SEQUENTIAL.calibrate(problem);
    }
}
