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
 * <pre>bench/jmh.sh ModelCalibrationBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s -t 1</pre>
 *
 * <p>Measured on 4 Dec 2026 with that command, 2-core AMD EPYC VM, JDK 25, the machine shared with other builds and
 * tests (load average 5 before, 4 after, 10 to 17 earlier in the day), so the wall times JMH reports varied by
 * several times and the CPU times of the teardown are the figures to read. Least CPU time of a warm fit, analytic
 * against numerical Jacobian (evaluations in brackets):
 * <ul>
 *   <li>Heston 66 ms (34) against 193 ms (194); Bates 197 ms (78) against 682 ms (510), 3.0 times Heston's;
 *       Merton 15 ms (28) against 41 ms (124); variance gamma 183 ms (20) against 414 ms (74), 2.8 times Heston's,
 *       most of it in the gamma-clock mixture of the one- and two-day expiries, where the fit takes nu to 0.005.</li>
 *   <li>JMH's averages in the same run: Heston 113, Bates 367, Merton 21, variance gamma 185 ms/op analytic;
 *       242, 1036, 55 and 513 ms/op numerical.</li>
 * </ul>
 * Before the analytic gradients of Bates, Merton and variance gamma, their fits took the numerical figures.
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
