package margo.core.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What the engine does around the solve: bounds, fixing, constraints, starts, limits, warnings, exclusions. */
class CalibratorBehaviourTest {

    private static final List<SolverMethod> METHODS = List.of(SolverMethod.LevenbergMarquardt.defaults(),
            SolverMethod.Bobyqa.defaults(), SolverMethod.CmaEs.defaults());

    /** The term-structure problem with {@code a} capped at 0.4, below its true 0.45. */
    private static CalibrationProblem cappedProblem(SolverMethod method) {
        CalibrationProblem base = TestModels.termStructureProblem(true, Target.IMPLIED_VOLATILITY);
        return new CalibrationProblem(base.model(), List.of(
                ParameterSpec.free("a", 0.05, 0.4, 0.3),
                ParameterSpec.free("b", -1.0, 1.0, 0.0),
                ParameterSpec.free("c", 0.1, 20.0, 1.0)), base.quotes(), base.target(), List.of(), new int[0],
                method, 1, 7L, null);
    }

    @Test
    void everySolverKeepsParametersWithinBoundsAndWarnsWhenOneEndsOnABound() {
        for (SolverMethod method : METHODS) {
            CalibrationResult result = Calibrator.DEFAULT.calibrate(cappedProblem(method));
            double a = result.parameter("a");
            assertTrue(a >= 0.05 && a <= 0.4, method + ": a = " + a);
            assertTrue(Math.abs(a - 0.4) < 1e-6, method + ": the fit wants a above its cap, got " + a);
            assertTrue(result.hasWarning(CalibrationWarning.Kind.AT_BOUND), method + ": " + result.warnings());
            for (double[] row : result.correlation()) {
                for (double rho : row) {
                    assertTrue(Math.abs(rho) <= 1.0 + 1e-12, method + ": correlation " + rho);
                }
            }
        }
    }

    @Test
    void aBoundThatHoldsTheFitBackIsSaidToBind() {
        CalibrationResult result = Calibrator.DEFAULT.calibrate(cappedProblem(SolverMethod.LevenbergMarquardt
                .defaults()));
        String warning = result.warnings().stream().filter(w -> w.kind() == CalibrationWarning.Kind.AT_BOUND)
                .findFirst().orElseThrow().message();
        assertTrue(warning.startsWith("parameter a = ") && warning.contains("is at its upper bound 0.4, which binds:"
                + " the objective still falls beyond it, so the data would take a further"), warning);
    }

    @Test
    void noBoundWarningWhenTheOptimumIsInside() {
        CalibrationResult result = Calibrator.DEFAULT.calibrate(
                TestModels.termStructureProblem(true, Target.IMPLIED_VOLATILITY));
        assertFalse(result.hasWarning(CalibrationWarning.Kind.AT_BOUND), result.warnings().toString());
        assertTrue(result.warnings().isEmpty(), result.warnings().toString());
    }

    @Test
    void fixedParameterKeepsItsValueExactlyAndHasZeroStandardError() {
        CalibrationProblem base = TestModels.termStructureProblem(false, Target.IMPLIED_VOLATILITY);
        double fixedC = 2.5;
        for (SolverMethod method : METHODS) {
            CalibrationProblem problem = new CalibrationProblem(base.model(), List.of(
                    ParameterSpec.free("a", 0.05, 2.0, 0.6),
                    ParameterSpec.free("b", -1.0, 1.0, 0.0),
                    ParameterSpec.fixed("c", fixedC)), base.quotes(), base.target(), List.of(), new int[0],
                    method, 1, 1L, null);
            CalibrationResult result = Calibrator.DEFAULT.calibrate(problem);
            assertEquals(Double.doubleToRawLongBits(fixedC), Double.doubleToRawLongBits(result.parameter("c")),
                    method.toString());
            assertEquals(0.0, result.standardError("c"));
            assertTrue(result.standardError("a") > 0.0, method + ": misspecified fit has positive errors");
        }
    }

    @Test
    void softPenaltyPullsTowardTheConstraintAndHardConstraintAlmostHolds() {
        // The fit wants a + b = 0.70 (short-end volatility); require a + b <= 0.6.
        Constraint.ConstraintFunction g = p -> 0.6 - (p[0] + p[1]);
        double weak = violation(Constraint.soft("a+b<=0.6", g, 1.0));
        double strong = violation(Constraint.soft("a+b<=0.6", g, 1e4));
        double hard = violation(Constraint.hard("a+b<=0.6", g));
        assertTrue(weak > 0.0, "a weak penalty leaves the constraint violated");
        assertTrue(strong < weak / 10.0, "a stronger penalty pulls toward the constraint: " + strong + " vs " + weak);
        assertTrue(hard < 1e-5, "hard constraint violated by " + hard);
    }

    private static double violation(Constraint constraint) {
        CalibrationResult result = Calibrator.DEFAULT.calibrate(TestModels
                .termStructureProblem(true, Target.IMPLIED_VOLATILITY).withConstraints(List.of(constraint)));
        ConstraintStatus status = result.constraints().get(0);
        assertEquals(status.violation() > 0.0, result.hasWarning(CalibrationWarning.Kind.CONSTRAINT_VIOLATED));
        assertEquals(Math.max(0.0, -(0.6 - result.parameter("a") - result.parameter("b"))), status.violation(),
                1e-15);
        return status.violation();
    }

    @Test
    void multiStartFindsTheGlobalMinimumThatTheDeclaredStartMisses() {
        CalibrationResult single = Calibrator.DEFAULT.calibrate(TestModels.sineProblem(1, 42, 0));
        assertTrue(Math.abs(single.parameter("omega") - 3.0) > 0.1, "declared start alone: " + single.parameters()[0]);
        CalibrationResult multi = Calibrator.DEFAULT.calibrate(TestModels.sineProblem(8, 42, 0));
        assertEquals(3.0, multi.parameter("omega"), 1e-9);
        assertNotEquals(0, multi.bestStart());
        assertTrue(multi.objective() < single.objective());
    }

    @Test
    void sameProblemGivesBitIdenticalResults() {
        List<CalibrationProblem> problems = List.of(TestModels.sineProblem(6, 11, 0),
                TestModels.termStructureProblem(false, Target.IMPLIED_VOLATILITY).withStarts(3, 5),
                TestModels.termStructureProblem(true, Target.IMPLIED_VOLATILITY)
                        .withMethod(SolverMethod.CmaEs.defaults()).withStarts(2, 9),
                TestModels.termStructureProblem(true, Target.PRICE).withMethod(SolverMethod.Bobyqa.defaults()));
        TestModels.assertSameResults(Calibrator.DEFAULT, Calibrator.DEFAULT, problems);
    }

    @Test
    void differentSeedsDrawDifferentStarts() {
        CalibrationResult a = Calibrator.DEFAULT.calibrate(TestModels.sineProblem(3, 1, 0));
        CalibrationResult b = Calibrator.DEFAULT.calibrate(TestModels.sineProblem(3, 2, 0));
        assertNotEquals(a.evaluations(), b.evaluations());
    }

    @Test
    void timeLimitStopsWithTheBestPointSoFarAndFailsTheFit() {
        // 200 microseconds per evaluation, 50 starts: far more than 150 ms of work.
        CalibrationProblem problem = TestModels.sineProblem(50, 3, 200_000).withTimeLimit(Duration.ofMillis(150));
        CalibrationResult result = Calibrator.DEFAULT.calibrate(problem);
        assertEquals(StopReason.TIME_LIMIT, result.stopReason());
        assertTrue(result.elapsed().toMillis() < 1000, "stopped promptly: " + result.elapsed());
        assertTrue(result.objective() < startObjective(problem), "improved on the start");
        assertTrue(result.hasFailure(CalibrationFailure.Kind.BUDGET), result.failures().toString());
    }

    private static double startObjective(CalibrationProblem problem) {
        double[] start = new double[problem.parameters().size()];
        for (int j = 0; j < start.length; j++) {
            start[j] = problem.parameters().get(j).start();
        }
        double[] values = new double[problem.quotes().size()];
        problem.model().evaluatorFor(problem.quotes(), problem.target()).values(start, values);
        double sum = 0.0;
        for (int i = 0; i < values.length; i++) {
            double r = values[i] - problem.quotes().market()[i];
            sum += r * r;
        }
        return sum;
    }

    @Test
    void cancellationFromTheListenerStopsWithTheBestPointSoFar() {
        Cancellation cancellation = new Cancellation();
        AtomicInteger calls = new AtomicInteger();
        CalibrationProblem problem = TestModels.sineProblem(20, 3, 0);
        // Sequential, so that the listener hears a report while starts remain: in parallel, helpers' reports reach
        // the calling thread when it next evaluates, and on a loaded machine every start may have ended by then.
        CalibrationResult result = Calibrator.SEQUENTIAL.calibrate(problem, progress -> {
            if (calls.incrementAndGet() == 2) {
                cancellation.cancel();
            }
        }, cancellation);
        assertEquals(StopReason.CANCELLED, result.stopReason());
        assertTrue(result.objective() <= startObjective(problem));
        assertTrue(result.evaluations() < Calibrator.SEQUENTIAL.calibrate(problem).evaluations());
    }

    @Test
    void cancellationBeforeTheStartReturnsTheDeclaredStart() {
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();
        CalibrationProblem problem = TestModels.sineProblem(4, 3, 0);
        CalibrationResult result = Calibrator.DEFAULT.calibrate(problem, ProgressListener.NONE, cancellation);
        assertEquals(StopReason.CANCELLED, result.stopReason());
        assertEquals(0.6, result.parameter("omega"));
        assertEquals(0, result.evaluations());
    }

    @Test
    void progressListenerHearsTheEndOfEveryStartWithImprovingObjective() {
        List<ProgressListener.Progress> heard = new ArrayList<>();
        CalibrationResult result = Calibrator.DEFAULT.calibrate(TestModels.sineProblem(5, 3, 0), heard::add,
                new Cancellation());
        assertTrue(heard.size() >= 5, "at least one report per start: " + heard.size());
        for (int s = 0; s < 5; s++) {
            final int start = s;
            assertTrue(heard.stream().anyMatch(p -> p.startIndex() == start), "start " + s);
        }
        for (int i = 1; i < heard.size(); i++) {
            assertTrue(heard.get(i).evaluations() >= heard.get(i - 1).evaluations());
            assertEquals(5, heard.get(i).starts());
        }
        double best = heard.stream().mapToDouble(ProgressListener.Progress::bestObjective).min().orElseThrow();
        assertEquals(result.objective(), best, 1e-12);
    }

    @Test
    void parametersTheModelRejectsAreStepsToRejectNotFailures() {
        // The model refuses negative rates, which its bounds allow; the first step from 0.9 overshoots below 0.
        TestModels.ScalarFunction f = (p, x) -> {
            if (p[1] < 0.0) {
                throw new IllegalArgumentException("rate must be >= 0, not " + p[1]);
            }
            return p[0] * Math.exp(-p[1] * x);
        };
        double[] xs = {0.5, 1, 2, 3, 5, 8};
        double[] truth = {2.0, 0.01};
        CalibrationProblem problem = CalibrationProblem.of(new TestModels.Curve(List.of("amplitude", "rate"), f, 0),
                List.of(ParameterSpec.free("amplitude", 0.1, 10, 9.0), ParameterSpec.free("rate", -1, 1, 0.9)),
                TestModels.curveQuotes(xs, f, truth), Target.PRICE);
        CalibrationResult result = Calibrator.DEFAULT.calibrate(problem);
        assertEquals(StopReason.CONVERGED, result.stopReason(), result.warnings().toString());
        TestModels.assertRelative(truth, result.parameters(), 1e-6);
    }

    @Test
    void unidentifiableParametersGiveIllConditionedWarningAndNoStandardErrors() {
        // Only a + b enters the model: the Jacobian's columns are identical.
        TestModels.ScalarFunction f = (p, x) -> (p[0] + p[1]) * x;
        double[] xs = {1, 2, 3, 4, 5};
        CalibrationProblem problem = CalibrationProblem.of(new TestModels.Curve(List.of("a", "b"), f, 0),
                List.of(ParameterSpec.free("a", -10, 10, 1), ParameterSpec.free("b", -10, 10, 0.5)),
                TestModels.curveQuotes(xs, f, new double[] {1, 1}), Target.PRICE);
        CalibrationResult result = Calibrator.DEFAULT.calibrate(problem);
        assertEquals(2.0, result.parameter("a") + result.parameter("b"), 1e-9);
        assertTrue(result.hasWarning(CalibrationWarning.Kind.ILL_CONDITIONED), result.warnings().toString());
        assertTrue(result.hasWarning(CalibrationWarning.Kind.NO_STANDARD_ERRORS), result.warnings().toString());
        assertTrue(Double.isNaN(result.standardError("a")));
    }

    @Test
    void excludedQuotesAreListedWithReasonsAndLeftOutOfTheFit() {
        CalibrationProblem base = TestModels.termStructureProblem(true, Target.IMPLIED_VOLATILITY);
        CalibrationQuotes q = base.quotes();
        double[] market = q.market().clone();
        double[] weights = q.weights().clone();
        market[3] = Double.NaN;
        weights[10] = 0.0;
        market[12] = 5.0; // a bad quote that would spoil the fit were it not for its zero weight
        weights[12] = 0.0;
        CalibrationQuotes dirty = new CalibrationQuotes(q.expiryIndex(), q.types(), q.forwards(), q.strikes(),
                q.timesYears(), market, weights);
        CalibrationProblem problem = new CalibrationProblem(base.model(), base.parameters(), dirty, base.target(),
                List.of(), new int[] {0, 1, 2, 3}, base.method(), 1, 0L, null);
        CalibrationResult result = Calibrator.DEFAULT.calibrate(problem);
        List<Integer> excluded = result.exclusions().stream().map(QuoteExclusion::quote).toList();
        assertTrue(excluded.containsAll(List.of(3, 10, 12)), excluded.toString());
        int lastExpiry = 7 * 4;
        for (int i = lastExpiry; i < q.size(); i++) {
            assertTrue(excluded.contains(i), "quote " + i + " of expiry 4 is outside the subset");
        }
        assertEquals(3 + 7, excluded.size());
        assertTrue(result.exclusions().get(0).reason().contains("NaN"), result.exclusions().get(0).reason());
        assertTrue(result.hasWarning(CalibrationWarning.Kind.QUOTES_EXCLUDED));
        assertEquals(q.size() - excluded.size(), result.residuals().size());
        assertEquals(List.of(0, 1, 2, 3), java.util.Arrays.stream(result.expiries()).boxed().toList());
        TestModels.assertRelative(TestModels.TERM_TRUTH, result.parameters(), 1e-6);
    }

    @Test
    void reportsErrorsInVolPointsByExpiryAndTheWorstQuote() {
        // Truth: one expiry's volatilities shifted up by 1 vol point, which the term structure cannot follow.
        CalibrationProblem base = TestModels.termStructureProblem(true, Target.IMPLIED_VOLATILITY);
        CalibrationQuotes q = base.quotes();
        double[] market = q.market().clone();
        for (int i = 14; i < 21; i++) {
            market[i] += 0.01;
        }
        CalibrationProblem problem = CalibrationProblem.of(base.model(), base.parameters(),
                new CalibrationQuotes(q.expiryIndex(), q.types(), q.forwards(), q.strikes(), q.timesYears(),
                        market, q.weights()), base.target());
        CalibrationResult result = Calibrator.DEFAULT.calibrate(problem);
        double[] byExpiry = result.rmseByExpiry();
        assertEquals(5, byExpiry.length);
        for (int e = 0; e < 5; e++) {
            if (e != 2) {
                assertTrue(byExpiry[e] < byExpiry[2], "expiry 2 fits worst: " + java.util.Arrays.toString(byExpiry));
            }
        }
        assertTrue(byExpiry[2] > 0.3 && byExpiry[2] < 1.0, "in vol points: " + byExpiry[2]);
        assertTrue(result.maxErrorQuote() >= 14 && result.maxErrorQuote() < 21);
        assertEquals(result.maxAbsError(), Math.abs(result.residuals().error()[result.maxErrorQuote()]), 0.0);
        double sum = 0.0;
        for (double e : result.residuals().error()) {
            sum += e * e;
        }
        assertEquals(Math.sqrt(sum / q.size()), result.rmse(), 1e-12);
    }

    @Test
    void inconsistentDeclarationsAreRejectedNamingTheParameter() {
        IllegalArgumentException reversed = assertThrows(IllegalArgumentException.class,
                () -> ParameterSpec.free("kappa", 5.0, 1.0, 2.0));
        assertTrue(reversed.getMessage().contains("kappa") && reversed.getMessage().contains("above"),
                reversed.getMessage());
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> ParameterSpec.free("theta", 0.0, 1.0, 1.5));
        assertTrue(outside.getMessage().contains("theta") && outside.getMessage().contains("outside"),
                outside.getMessage());
        CalibrationProblem base = TestModels.termStructureProblem(true, Target.IMPLIED_VOLATILITY);
        IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class,
                () -> CalibrationProblem.of(base.model(), List.of(ParameterSpec.free("a", 0, 1, 0.5)),
                        base.quotes(), base.target()));
        assertTrue(mismatch.getMessage().contains("[a, b, c]"), mismatch.getMessage());
        CalibrationProblem unboundedForCmaEs = new CalibrationProblem(base.model(), List.of(
                ParameterSpec.free("a", 0.05, Double.POSITIVE_INFINITY, 0.6),
                ParameterSpec.free("b", -1.0, 1.0, 0.0),
                ParameterSpec.free("c", 0.1, 20.0, 1.0)), base.quotes(), base.target(), List.of(), new int[0],
                SolverMethod.CmaEs.defaults(), 1, 0L, null);
        IllegalArgumentException unbounded = assertThrows(IllegalArgumentException.class,
                () -> Calibrator.DEFAULT.calibrate(unboundedForCmaEs));
        assertTrue(unbounded.getMessage().contains("finite bounds"), unbounded.getMessage());
    }

    @Test
    void allQuotesExcludedIsAnErrorThatSaysWhy() {
        CalibrationProblem base = TestModels.termStructureProblem(true, Target.IMPLIED_VOLATILITY);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Calibrator.DEFAULT.calibrate(base.withExpiries(9)));
        assertTrue(e.getMessage().contains("outside the expiry subset"), e.getMessage());
    }
}
