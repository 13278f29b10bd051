package margo.bench;

import java.util.Arrays;
import java.util.List;
import margo.core.calibration.CalibrationQuotes;
import margo.core.calibration.CalibrationResult;
import margo.core.calibration.Cancellation;
import margo.core.calibration.CosSlicePricer;
import margo.core.calibration.ParameterSpec;
import margo.core.calibration.ProgressListener;
import margo.core.calibration.Recalibrator;
import margo.core.calibration.SlicePricedModel;

/**
 * The evidence for a replay's default tolerance: the walk of {@link HestonRecalibrationBenchmark} (255 warm updates
 * of the 400-quote BTC chain) replayed at Levenberg-Marquardt's tolerance 1e-12 and at looser ones, each replay
 * warm from its own last optimum as a replay runs, and each update's parameters at a loose tolerance compared with
 * the same update's at 1e-12 in units of that fit's standard errors, and its RMSE with that fit's RMSE.
 *
 * <pre>java -cp bench/target/benchmarks.jar margo.bench.ReplayToleranceEvidence [tolerance ...]</pre>
 *
 * <p>Prints, per loose tolerance, the largest distance over the parameters of each update (|p - p_1e-12| / se), its
 * median, p99 and largest over the updates, with the parameter it is largest for, and the largest RMSE difference.
 */
public final class ReplayToleranceEvidence {

    private ReplayToleranceEvidence() {
    }

    public static void main(String[] arguments) {
        double[] loose = arguments.length == 0 ? new double[] {1e-8, 1e-6, 1e-5}
                : Arrays.stream(arguments).mapToDouble(Double::parseDouble).toArray();
        SlicePricedModel model = new SlicePricedModel(CosSlicePricer.heston());
        List<ParameterSpec> parameters = BtcSurfaceChain.parameters(BtcSurfaceChain.family("heston"));
        CalibrationQuotes[] walk = HestonRecalibrationBenchmark.walk();
        CalibrationResult[] reference = replay(model, parameters, walk, 1e-12, true);
        for (double tolerance : loose) {
            CalibrationResult[] fits = replay(model, parameters, walk, tolerance, false);
            double[] distances = new double[walk.length - 1];
            int[] worstParameter = new int[parameters.size()];
            double rmseDifference = 0;
            long iterations = 0;
            for (int u = 1; u < walk.length; u++) {
                double[] p = fits[u].parameters();
                double[] q = reference[u].parameters();
                double[] se = reference[u].standardErrors();
                double largest = 0;
                int at = 0;
                for (int k = 0; k < p.length; k++) {
                    double distance = Math.abs(p[k] - q[k]) / se[k];
                    if (!(distance <= largest)) {
                        largest = distance;
                        at = k;
                    }
                }
                worstParameter[at]++;
                distances[u - 1] = largest;
                rmseDifference = Math.max(rmseDifference, Math.abs(fits[u].rmse() - reference[u].rmse()));
                iterations += fits[u].iterations();
            }
            double[] sorted = distances.clone();
            Arrays.sort(sorted);
            StringBuilder worst = new StringBuilder();
            for (int k = 0; k < worstParameter.length; k++) {
                worst.append(k == 0 ? "" : ", ").append(reference[1].parameterNames().get(k)).append(' ')
                        .append(worstParameter[k]);
            }
            System.out.printf("tolerance %s against 1e-12 over %d updates: largest |dp|/se per update p50 %.2e,"
                            + " p99 %.2e, max %.2e (largest for: %s); largest |d rmse| %.2e vol points;"
                            + " %.2f iterations per update%n", tolerance, distances.length,
                    sorted[sorted.length / 2], sorted[(int) Math.ceil(0.99 * sorted.length) - 1],
                    sorted[sorted.length - 1], worst, rmseDifference, (double) iterations / distances.length);
        }
        double rmse = 0;
        long iterations = 0;
        for (int u = 1; u < walk.length; u++) {
            rmse += reference[u].rmse();
            iterations += reference[u].iterations();
        }
        System.out.printf("tolerance 1e-12: mean rmse %.4f vol points, %.2f iterations per update%n",
                rmse / (walk.length - 1), (double) iterations / (walk.length - 1));
    }

    /** The walk replayed warm at a tolerance, with the diagnostics (standard errors) when asked for. */
    private static CalibrationResult[] replay(SlicePricedModel model, List<ParameterSpec> parameters,
                                              CalibrationQuotes[] walk, double tolerance, boolean diagnosed) {
        Recalibrator recalibrator = new Recalibrator(null);
        Cancellation running = new Cancellation();
        CalibrationResult[] fits = new CalibrationResult[walk.length];
        for (int u = 0; u < walk.length; u++) {
            CalibrationQuotes update = walk[u];
            Recalibrator.Update fit = recalibrator.update(
                    () -> HestonRecalibrationBenchmark.problem(model, parameters, update, tolerance),
                    ProgressListener.NONE, running);
            fits[u] = diagnosed ? fit.diagnosed() : fit.result();
        }
        return fits;
    }
}
