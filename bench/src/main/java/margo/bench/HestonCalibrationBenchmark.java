package margo.bench;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import margo.core.calibration.CalibrationProblem;
import margo.core.calibration.CalibrationQuotes;
import margo.core.calibration.CalibrationResult;
import margo.core.calibration.Calibrator;
import margo.core.calibration.CosSlicePricer;
import margo.core.calibration.ParameterSpec;
import margo.core.calibration.SlicePricedModel;
import margo.core.calibration.StopReason;
import margo.core.calibration.Target;
import margo.core.models.CosPricer;
import net.finmath.fouriermethod.calibration.BoundConstraint;
import net.finmath.fouriermethod.calibration.CalibratedModel;
import net.finmath.fouriermethod.calibration.ScalarParameterInformationImplementation;
import net.finmath.fouriermethod.calibration.models.CalibratableHestonModel;
import net.finmath.fouriermethod.products.smile.EuropeanOptionSmileByCarrMadan;
import net.finmath.marketdata.model.curves.CurveInterpolation.ExtrapolationMethod;
import net.finmath.marketdata.model.curves.CurveInterpolation.InterpolationEntity;
import net.finmath.marketdata.model.curves.CurveInterpolation.InterpolationMethod;
import net.finmath.marketdata.model.curves.DiscountCurve;
import net.finmath.marketdata.model.curves.DiscountCurveInterpolation;
import net.finmath.marketdata.model.volatilities.OptionSmileData;
import net.finmath.marketdata.model.volatilities.OptionSurfaceData;
import net.finmath.marketdata.model.volatilities.VolatilitySurface.QuotingConvention;
import net.finmath.modelling.descriptor.HestonModelDescriptor;
import net.finmath.optimizer.OptimizerFactoryLevenbergMarquardt;
import net.finmath.optimizer.SolverException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One full Heston calibration, single start, to the 200-option, 8-expiry chain of {@link HestonChain} (market
 * implied volatilities from Margo's COS Heston at the chain's parameters), from the same start in both libraries:
 * <ul>
 *   <li>{@code margoLevenbergMarquardt}: Margo's engine, Commons Math Levenberg-Marquardt on implied volatilities,
 *       COS prices with the analytic Heston gradient;</li>
 *   <li>{@code margoLevenbergMarquardtNumericalJacobian}: the same with the Jacobian by central differences of COS
 *       prices, to show what the analytic gradient buys;</li>
 *   <li>{@code finmathLevenbergMarquardt}: finmath-lib's {@code CalibratedModel} on the same volatilities, its own
 *       Levenberg-Marquardt with finite differences, Carr-Madan FFT prices, one thread.</li>
 * </ul>
 * Margo recovers the chain's parameters exactly and finmath up to the difference between its FFT prices and COS;
 * the setup prints both fits once so the timings are read next to what they bought.
 *
 * <pre>java -jar bench/target/benchmarks.jar HestonCalibrationBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s -t 1</pre>
 *
 * <p>Multi-start, in the same run: {@code margoFourStartsSequential} and {@code margoFourStartsParallel} calibrate
 * the same problem with four starts (the declared one and three drawn from seed 42) by {@link Calibrator#SEQUENTIAL}
 * and by {@link Calibrator#DEFAULT}, whose starts run in parallel; {@code margoOneStartSequential} is
 * {@code margoLevenbergMarquardt} by {@code SEQUENTIAL}, to show that one start pays nothing for the parallel path.
 * The setup checks that both four-start fits agree (best start 1, 80 evaluations, 33 iterations). Measured on 24
 * Nov 2026, 2-core AMD EPYC VM, JDK 25, -t 1, nothing else running:
 * <ul>
 *   <li>with the command above ({@code -wi 2 -w 2s}; load average 1.6 before, 1.4 after): parallel 145 +- 128,
 *       sequential 192 +- 11 ms/op (an earlier run: 140 +- 168 against 158 +- 489). Four seconds of warm-up do
 *       not settle the JIT on this code: C2 keeps compiling for about 30 s (the Heston characteristic function,
 *       Commons Math's SVD and LM) and its thread takes the second core, so these are mostly noise.</li>
 *   <li>with {@code -wi 15 -i 5} (30 s of warm-up; load 1.4 before, 1.2 after): parallel 100.8 +- 5.8, sequential
 *       152.0 +- 64.8 ms/op (175, 165, 139, 139, 142: still settling), 1.4 to 1.5 times faster; an earlier run
 *       94.2 +- 4.8 against 135.5 +- 3.4, 1.44 times. The starts' sizes bound it: of 12, 20, 16 and 32
 *       evaluations, two workers taking them in order end after 52 evaluations' time instead of 80, at best 1.54
 *       times. One start: 23.5 +- 1.2 ({@code DEFAULT}) and 27.1 +- 12.2 ({@code SEQUENTIAL}: 23.6 until a JIT
 *       recompile at its third iteration, then 29) ms/op; both take the same code path.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HestonCalibrationBenchmark {

    /** The start of both calibrations: v0, kappa, theta, xi, rho. */
    static final double[] START = {0.25, 1.5, 0.25, 1.5, 0.0};
    /** The seed of the three random starts of the four-start calibration. */
    static final long FOUR_STARTS_SEED = 42L;

    private final HestonChain chain = new HestonChain();
    private CalibrationProblem margoProblem;
    private CalibrationProblem margoProblemNumericalJacobian;
    private CalibrationProblem margoFourStarts;
    private CalibratedModel finmathProblem;

    private void buildBothProblems() {
        int n = HestonChain.SIZE;
        double[] iv = new double[n];
        CosPricer.DEFAULT.impliedVolatilities(chain.model, chain.forwards, chain.timesYears, chain.strikes,
                chain.types, iv);
        int[] expiry = new int[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(iv[i] > 0.0)) {
                throw new IllegalStateException("option " + i + " has no implied volatility");
            }
            expiry[i] = i / HestonChain.STRIKES_PER_EXPIRY;
            weights[i] = 1.0;
        }
        margoProblem = CalibrationProblem.of(new SlicePricedModel(CosSlicePricer.heston()), List.of(
                ParameterSpec.free("v0", 0.01, 4.0, START[0]),
                ParameterSpec.free("kappa", 0.1, 20.0, START[1]),
                ParameterSpec.free("theta", 0.01, 4.0, START[2]),
                ParameterSpec.free("xi", 0.05, 5.0, START[3]),
                ParameterSpec.free("rho", -0.99, 0.99, START[4])),
                new CalibrationQuotes(expiry, chain.types, chain.forwards, chain.strikes, chain.timesYears, iv,
                        weights), Target.IMPLIED_VOLATILITY);
        margoProblemNumericalJacobian = CalibrationProblem.of(new SlicePricedModel(new CosSlicePricer(
                chain.model, CosPricer.DEFAULT, false)), margoProblem.parameters(), margoProblem.quotes(),
                Target.IMPLIED_VOLATILITY);
        margoFourStarts = margoProblem.withStarts(4, FOUR_STARTS_SEED);
        finmathProblem = finmathProblem(iv);
    }

    /**
     * finmath's calibration of the same volatilities with zero rates: the forwards enter as an "equity forward
     * curve" through the expiries (and, for the model, as a forward-rate discount curve {@code S0 / F(T)}).
     */
    private CalibratedModel finmathProblem(double[] iv) {
        LocalDate referenceDate = LocalDate.of(2024, 3, 1);
        int expiries = HestonChain.EXPIRIES;
        int width = HestonChain.STRIKES_PER_EXPIRY;
        double spot = chain.forwards[0];
        double[] times = new double[expiries + 1];
        double[] forwards = new double[expiries + 1];
        double[] forwardDiscount = new double[expiries + 1];
        double[] ones = new double[expiries + 1];
        times[0] = 0.0;
        forwards[0] = spot;
        forwardDiscount[0] = 1.0;
        ones[0] = 1.0;
        OptionSmileData[] smiles = new OptionSmileData[expiries];
        for (int e = 0; e < expiries; e++) {
            times[e + 1] = chain.timesYears[e * width];
            forwards[e + 1] = chain.forwards[e * width];
            forwardDiscount[e + 1] = spot / chain.forwards[e * width];
            ones[e + 1] = 1.0;
            // finmath keys a smile by strike; sort each slice so its strikes are increasing.
            double[][] pairs = new double[width][];
            for (int j = 0; j < width; j++) {
                pairs[j] = new double[] {chain.strikes[e * width + j], iv[e * width + j]};
            }
            Arrays.sort(pairs, (a, b) -> Double.compare(a[0], b[0]));
            double[] k = new double[width];
            double[] v = new double[width];
            for (int j = 0; j < width; j++) {
                k[j] = pairs[j][0];
                v[j] = pairs[j][1];
            }
            smiles[e] = new OptionSmileData("BTC", referenceDate, k, chain.timesYears[e * width], v,
                    QuotingConvention.VOLATILITYLOGNORMAL);
        }
        DiscountCurve discount = curve("discount", times, ones);
        DiscountCurve equityForward = curve("forward", times, forwards);
        DiscountCurve forwardRate = curve("forward rate", times, forwardDiscount);
        OptionSurfaceData surface = new OptionSurfaceData(smiles, discount, equityForward);
        // finmath's Heston: volatility = sqrt(v0), then theta, kappa, xi, rho.
        HestonModelDescriptor descriptor = new HestonModelDescriptor(referenceDate, spot, forwardRate, discount,
                Math.sqrt(START[0]), START[2], START[1], START[3], START[4]);
        CalibratableHestonModel model = new CalibratableHestonModel(descriptor,
                new ScalarParameterInformationImplementation(true, new BoundConstraint(0.1, 2.0)),
                new ScalarParameterInformationImplementation(true, new BoundConstraint(0.01, 4.0)),
                new ScalarParameterInformationImplementation(true, new BoundConstraint(0.1, 20.0)),
                new ScalarParameterInformationImplementation(true, new BoundConstraint(0.05, 5.0)),
                new ScalarParameterInformationImplementation(true, new BoundConstraint(-0.99, 0.99)), false);
        double[] start = {Math.sqrt(START[0]), START[2], START[1], START[3], START[4]};
        double[] steps = {1e-4, 1e-4, 1e-4, 1e-4, 1e-4};
        return new CalibratedModel(surface, model, new OptimizerFactoryLevenbergMarquardt(500, 1),
                new EuropeanOptionSmileByCarrMadan(chain.timesYears[0], smiles[0].getStrikes()), start, steps);
    }

    private static DiscountCurve curve(String name, double[] times, double[] values) {
        return DiscountCurveInterpolation.createDiscountCurveFromDiscountFactors(name, times, values,
                InterpolationMethod.LINEAR, ExtrapolationMethod.CONSTANT, InterpolationEntity.LOG_OF_VALUE);
    }

    /** Builds both problems and prints each library's fit once. */
    @Setup(Level.Trial)
    public void buildAndPrintBothFits() throws SolverException {
        buildBothProblems();
        CalibrationResult margo = margoLevenbergMarquardt();
        if (margo.stopReason() != StopReason.CONVERGED) {
            throw new IllegalStateException("Margo did not converge: " + margo.warnings());
        }
        System.out.printf("%ntruth:   v0 %.6f kappa %.6f theta %.6f xi %.6f rho %.6f%n", chain.model.v0(),
                chain.model.kappa(), chain.model.theta(), chain.model.xi(), chain.model.rho());
        double[] m = margo.parameters();
        System.out.printf("Margo:   v0 %.6f kappa %.6f theta %.6f xi %.6f rho %.6f  rmse %.2e vol points, %d"
                + " evaluations, %d iterations%n", m[0], m[1], m[2], m[3], m[4], margo.rmse(), margo.evaluations(),
                margo.iterations());
        CalibrationResult numerical = margoLevenbergMarquardtNumericalJacobian();
        double[] d = numerical.parameters();
        System.out.printf("Margo, numerical Jacobian: v0 %.6f kappa %.6f theta %.6f xi %.6f rho %.6f  rmse %.2e vol"
                + " points, %d evaluations, %d iterations%n", d[0], d[1], d[2], d[3], d[4], numerical.rmse(),
                numerical.evaluations(), numerical.iterations());
        CalibrationResult sequential = margoFourStartsSequential();
        CalibrationResult parallel = margoFourStartsParallel();
        if (!Arrays.equals(sequential.parameters(), parallel.parameters())
                || sequential.evaluations() != parallel.evaluations()) {
            throw new IllegalStateException("parallel starts differ from sequential ones");
        }
        double[] s = parallel.parameters();
        System.out.printf("Margo, 4 starts: v0 %.6f kappa %.6f theta %.6f xi %.6f rho %.6f  rmse %.2e vol points,"
                + " best start %d, %d evaluations, %d iterations, the same sequentially and in parallel%n", s[0], s[1],
                s[2], s[3], s[4], parallel.rmse(), parallel.bestStart(), parallel.evaluations(),
                parallel.iterations());
        CalibratedModel.OptimizationResult finmath = finmathLevenbergMarquardt();
        double[] f = finmath.getBestFitParameters();
        System.out.printf("finmath: v0 %.6f kappa %.6f theta %.6f xi %.6f rho %.6f  rmse %.2e vol points, %d"
                + " iterations%n", f[0] * f[0], f[2], f[1], f[3], f[4], 100 * finmath.getRootMeanSquaredError(),
                finmath.getIterations());
    }

    @Benchmark
    public CalibrationResult margoLevenbergMarquardt() {
        return Calibrator.DEFAULT.calibrate(margoProblem);
    }

    /** As {@link #margoLevenbergMarquardt} with the Jacobian by central differences of COS prices. */
    @Benchmark
    public CalibrationResult margoLevenbergMarquardtNumericalJacobian() {
        return Calibrator.DEFAULT.calibrate(margoProblemNumericalJacobian);
    }

    /** As {@link #margoLevenbergMarquardt} on the calling thread alone: what a single start pays for parallelism. */
    @Benchmark
    public CalibrationResult margoOneStartSequential() {
        return Calibrator.SEQUENTIAL.calibrate(margoProblem);
    }

    /** Four starts (the declared one and three drawn from {@link #FOUR_STARTS_SEED}), one after another. */
    @Benchmark
    public CalibrationResult margoFourStartsSequential() {
        return Calibrator.SEQUENTIAL.calibrate(margoFourStarts);
    }

    /** The same four starts in parallel on the common fork-join pool and the calling thread. */
    @Benchmark
    public CalibrationResult margoFourStartsParallel() {
        return Calibrator.DEFAULT.calibrate(margoFourStarts);
    }

    @Benchmark
    public CalibratedModel.OptimizationResult finmathLevenbergMarquardt() throws SolverException {
        return finmathProblem.getCalibration();
    }
}
