package margo.core.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import margo.core.io.DataFile;
import margo.core.market.ChainSeries;
import margo.core.market.ChainSeriesLoader;
import margo.core.market.ChainSnapshot;
import margo.core.market.LoadOptions;
import margo.core.models.CosPricer;
import margo.core.models.HestonParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Heston fit to each day of a week generated from a known parameter path (examples/data/heston-series, priced by
 * QuantLib's analytic Heston engine; generate_heston_series.py beside it): the path comes back snapshot by snapshot,
 * warm starts change the cost and not the optimum, and the thread count changes nothing.
 */
class SeriesCalibrationTest {

    private static ChainSeries series;
    private static List<double[]> path;

    @BeforeAll
    static void load() throws Exception {
        Path here = Path.of("").toAbsolutePath();
        Path data = (Files.exists(here.resolve("examples")) ? here : here.getParent()).resolve("examples/data");
        series = ChainSeriesLoader.load(data, "heston-series", LoadOptions.DEFAULTS, null, DataFile.DEFAULT_MAX_BYTES)
                .series();
        path = new ArrayList<>();
        for (String line : Files.readAllLines(data.resolve("heston-series-path.csv")).subList(1, 8)) {
            String[] fields = line.split(",");
            path.add(new double[] {Double.parseDouble(fields[2]), Double.parseDouble(fields[3]),
                    Double.parseDouble(fields[4]), Double.parseDouble(fields[5]), Double.parseDouble(fields[6])});
        }
    }

    /** The recipe's fit of one snapshot: mid implied vols, equal weights, Levenberg-Marquardt from the start given. */
    private static CalibrationResult fit(ChainSnapshot snapshot, double[] start, Calibrator calibrator) {
        double[] weights = new double[snapshot.chain().size()];
        Arrays.fill(weights, 1.0);
        CalibrationQuotes quotes = CalibrationQuotes.fromChain(snapshot.chain(), Target.IMPLIED_VOLATILITY, weights);
        CalibrationProblem problem = CalibrationProblem.of(
                new SlicePricedModel(new CosSlicePricer(new HestonParameters(0.5, 3, 0.5, 1.5, -0.2), CosPricer.DEFAULT,
                        true)),
                List.of(ParameterSpec.free("v0", 0.01, 4, 0.5), ParameterSpec.free("kappa", 0.1, 30, 3),
                        ParameterSpec.free("theta", 0.01, 4, 0.5), ParameterSpec.free("xi", 0.05, 8, 1.5),
                        ParameterSpec.free("rho", -0.99, 0.99, -0.2)), quotes, Target.IMPLIED_VOLATILITY);
        return calibrator.calibrate(start == null ? problem : problem.withStart(start));
    }

    @Test
    void aWeekOfSnapshotsLoadsInTimeOrderAtTheTimesInTheFileNames() {
        assertEquals(7, series.size());
        for (int day = 0; day < 7; day++) {
            assertEquals(Instant.parse("2024-03-0" + (day + 1) + "T08:00:00Z"), series.get(day).time());
        }
    }

    @Test
    void warmStartedFitsRecoverTheHestonPathSnapshotBySnapshot() {
        List<CalibrationResult> fits = SeriesCalibration.calibrate(series.snapshots(),
                SeriesCalibrationTest::fit, true, 1, new Cancellation());
        assertEquals(7, fits.size());
        for (int day = 0; day < 7; day++) {
            CalibrationResult result = fits.get(day);
            double[] truth = path.get(day);
            assertEquals(StopReason.CONVERGED, result.stopReason(), "day " + (day + 1));
            // The quotes are QuantLib's Heston vols to 6 decimals: the fit reproduces them to a hundredth of a vol
            // point, and the parameters to 1% (kappa, the least identified, is off by 0.8% on the first day).
            assertTrue(result.rmse() < 0.01, "day " + (day + 1) + " rmse " + result.rmse() + " vol points");
            for (int j = 0; j < truth.length; j++) {
                assertEquals(truth[j], result.parameters()[j], Math.max(0.01 * Math.abs(truth[j]), 0.002),
                        "day " + (day + 1) + " " + result.parameterNames().get(j));
            }
        }
    }

    @Test
    void aWarmStartReachesTheColdFitsOptimumInFewerIterations() {
        List<CalibrationResult> warm = SeriesCalibration.calibrate(series.snapshots(), SeriesCalibrationTest::fit,
                true, 1, new Cancellation());
        List<CalibrationResult> cold = SeriesCalibration.calibrate(series.snapshots(), SeriesCalibrationTest::fit,
                false, 2, new Cancellation());
        int warmIterations = 0;
        int coldIterations = 0;
        for (int day = 0; day < 7; day++) {
            double[] w = warm.get(day).parameters();
            double[] c = cold.get(day).parameters();
            for (int j = 0; j < w.length; j++) {
                assertEquals(c[j], w[j], 1e-4 * Math.max(1, Math.abs(c[j])), "day " + (day + 1) + " parameter " + j);
            }
            warmIterations += day == 0 ? 0 : warm.get(day).iterations();
            coldIterations += day == 0 ? 0 : cold.get(day).iterations();
        }
        assertTrue(warmIterations < coldIterations, "warm " + warmIterations + " cold " + coldIterations);
    }

    @Test
    void coldFitsAreBitIdenticalOnOneThreadAndOnFour() {
        List<CalibrationResult> one = SeriesCalibration.calibrate(series.snapshots(), SeriesCalibrationTest::fit,
                false, 1, new Cancellation());
        List<CalibrationResult> four = SeriesCalibration.calibrate(series.snapshots(), SeriesCalibrationTest::fit,
                false, 4, new Cancellation());
        for (int day = 0; day < 7; day++) {
            assertArrayEquals(one.get(day).parameters(), four.get(day).parameters(), 0.0, "day " + (day + 1));
            assertArrayEquals(one.get(day).standardErrors(), four.get(day).standardErrors(), 0.0);
            assertEquals(one.get(day).rmse(), four.get(day).rmse(), 0.0);
            assertEquals(one.get(day).iterations(), four.get(day).iterations());
        }
    }

    @Test
    void aCancelledSeriesBeginsNoFurtherSnapshot() {
        Cancellation cancellation = new Cancellation();
        List<CalibrationResult> fits = SeriesCalibration.calibrate(series.snapshots(), (snapshot, start, calibrator) -> {
            cancellation.cancel();
            return fit(snapshot, start, calibrator);
        }, true, 1, cancellation);
        assertEquals(1, fits.size());
    }
}
