package margo.core.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import margo.core.models.CosPricer;
import margo.core.models.MertonParameters;
import org.junit.jupiter.api.Test;

/** The starts of {@link Calibrator#DEFAULT} run at once and give what {@link Calibrator#SEQUENTIAL} gives. */
class ParallelStartsTest {

    private static final double[] HESTON_TRUTH = {0.36, 2.0, 0.4, 1.1, -0.35};
    private static final double[] TIMES = {0.1, 0.5};

    /** Heston with its analytic gradient, by each solver (small budgets, so some starts end on them). */
    private static List<CalibrationProblem> hestonProblems(long seed) {
        CalibrationProblem base = CalibrationProblem.of(new SlicePricedModel(CosSlicePricer.heston()),
                TestModels.hestonParameters(), TestModels.hestonChain(HESTON_TRUTH, TIMES, 7),
                Target.IMPLIED_VOLATILITY).withStarts(4, seed);
        return List.of(base.withMethod(new SolverMethod.LevenbergMarquardt(40, 5000, 1e-12)),
                base.withMethod(new SolverMethod.Bobyqa(150, 0.1, 1e-8)),
                base.withMethod(new SolverMethod.CmaEs(1000, 200, 0, 0.3)));
    }

    /** Merton, differentiated numerically, with a soft constraint: the penalty rows of every start's objective. */
    private static CalibrationProblem mertonProblem(long seed) {
        MertonParameters truth = new MertonParameters(0.5, 0.8, -0.15, 0.3);
        CalibrationModel model = new SlicePricedModel(new CosSlicePricer(truth, CosPricer.DEFAULT, false));
        Constraint.ConstraintFunction smallJumps = p -> 0.25 - p[1] * p[2] * p[2];
        return CalibrationProblem.of(model, List.of(
                ParameterSpec.free("sigma", 0.05, 2.0, 0.3),
                ParameterSpec.free("lambda", 0.01, 5.0, 0.5),
                ParameterSpec.free("muJ", -1.0, 1.0, 0.0),
                ParameterSpec.free("sigmaJ", 0.01, 2.0, 0.5)), TestModels.cosChain(truth, TIMES, 7),
                Target.IMPLIED_VOLATILITY)
                .withConstraints(List.of(Constraint.soft("lambda muJ^2 <= 0.25", smallJumps, 10.0)))
                .withMethod(new SolverMethod.LevenbergMarquardt(30, 5000, 1e-12)).withStarts(5, seed);
    }

    @Test
    void parallelStartsGiveTheSequentialResultBitForBit() {
        for (long seed : new long[] {1, 42}) {
            List<CalibrationProblem> problems = new ArrayList<>(hestonProblems(seed));
            problems.add(mertonProblem(seed));
            TestModels.assertSameResults(Calibrator.SEQUENTIAL, Calibrator.DEFAULT, problems);
        }
    }

    @Test
    void aStartThatFailsIsListedInStartOrderAsWhenSequential() {
        // The model breaks (not a rejection of the parameters, a bug) for omega above 4: some starts fail there.
        TestModels.ScalarFunction f = (p, x) -> {
            if (p[0] > 4.0) {
                throw new IllegalStateException("omega " + p[0] + " breaks the model");
            }
            return Math.sin(p[0] * x) * p[1];
        };
        double[] xs = {0.2, 0.5, 0.9, 1.4, 2.0, 2.7, 3.5};
        CalibrationProblem problem = CalibrationProblem.of(new TestModels.Curve(List.of("omega", "amplitude"), f, 0),
                List.of(ParameterSpec.free("omega", 0.1, 6.0, 0.6), ParameterSpec.free("amplitude", 0.1, 3.0, 1.0)),
                TestModels.curveQuotes(xs, f, new double[] {3.0, 1.0}), Target.PRICE).withStarts(12, 5)
                // Three iterations leave even the best start unconverged, so the failure lists the failed starts.
                .withMethod(new SolverMethod.LevenbergMarquardt(3, 5000, 1e-12));
        CalibrationResult sequential = Calibrator.SEQUENTIAL.calibrate(problem);
        CalibrationResult parallel = Calibrator.DEFAULT.calibrate(problem);
        String failures = parallel.failures().toString();
        assertTrue(failures.contains("failed: java.lang.IllegalStateException"), failures);
        TestModels.assertBitIdentical(sequential, parallel);
    }

    @Test
    void startsRunOnSeveralThreadsAtOnce() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        // Each quote's value takes 10 microseconds, long enough for the starts of other threads to overlap it.
        TestModels.ScalarFunction f = (p, x) -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            long until = System.nanoTime() + 10_000;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            running.decrementAndGet();
            return Math.sin(p[0] * x) * p[1];
        };
        CalibrationProblem problem = TestModels.sineProblem(4, 3, 0);
        Calibrator.DEFAULT.calibrate(CalibrationProblem.of(new TestModels.Curve(List.of("omega", "amplitude"), f, 0),
                problem.parameters(), problem.quotes(), Target.PRICE).withStarts(4, 3));
        int cores = Math.min(Runtime.getRuntime().availableProcessors(),
                java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 1);
        assertEquals(Math.min(4, cores), most.get(), "evaluations at once: one per core, at most one per start");
    }

    @Test
    void progressOfStartsOnOtherThreadsArrivesOnTheCallingThreadInOrder() {
        List<ProgressListener.Progress> heard = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        CalibrationProblem problem = TestModels.sineProblem(8, 3, 20_000);
        CalibrationResult result = Calibrator.DEFAULT.calibrate(problem, progress -> {
            threads.add(Thread.currentThread());
            heard.add(progress);
        }, new Cancellation());
        assertEquals(List.of(Thread.currentThread()), threads.stream().distinct().toList());
        for (int i = 1; i < heard.size(); i++) {
            ProgressListener.Progress before = heard.get(i - 1);
            ProgressListener.Progress now = heard.get(i);
            assertTrue(now.evaluations() >= before.evaluations(), "evaluations over all starts only grow");
            assertTrue(now.bestObjective() <= before.bestObjective(), "the best over all starts only improves");
            assertTrue(now.startsFinished() >= before.startsFinished());
        }
        for (int s = 0; s < 8; s++) {
            final int start = s;
            assertTrue(heard.stream().anyMatch(p -> p.startIndex() == start), "the end of start " + s);
        }
        ProgressListener.Progress last = heard.getLast();
        assertEquals(8, last.startsFinished());
        assertEquals(result.evaluations(), last.evaluations());
        assertEquals(result.objective(), last.bestObjective(), 1e-12);
    }

    @Test
    void calibrationsThatFillTheCommonPoolStillFinishWithTheSequentialResult() throws Exception {
        // Every pool thread runs a calibration of its own, so the helpers they fork find no thread to run them.
        CalibrationProblem problem = TestModels.sineProblem(4, 9, 20_000);
        CalibrationResult expected = Calibrator.SEQUENTIAL.calibrate(problem);
        int calibrations = java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 1;
        List<java.util.concurrent.ForkJoinTask<CalibrationResult>> running = new ArrayList<>();
        for (int c = 0; c < calibrations; c++) {
            running.add(java.util.concurrent.ForkJoinPool.commonPool().submit(
                    () -> Calibrator.DEFAULT.calibrate(problem)));
        }
        for (java.util.concurrent.ForkJoinTask<CalibrationResult> calibration : running) {
            TestModels.assertBitIdentical(expected, calibration.get(30, java.util.concurrent.TimeUnit.SECONDS));
        }
    }
}
