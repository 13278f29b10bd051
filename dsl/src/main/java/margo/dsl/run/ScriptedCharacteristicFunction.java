package margo.dsl.run;

import java.util.List;
import margo.core.models.Complex;
import margo.core.models.UserDefinedModel;
import margo.dsl.script.ScriptFailure;
import margo.dsl.script.ScriptFunction;
import margo.dsl.script.Scripts;
import margo.dsl.syntax.SourceFile;
import margo.dsl.syntax.Span;

/**
 * The characteristic functions of a {@code characteristic_function} model: the script's {@code NAME(u, t, p)},
 * with {@code p} a frozen record of the parameters by name, made once per parameter set. Its result must be an array
 * {@code [re, im]} of two numbers, and {@code [1, 0]} at u = 0.
 *
 * <p>The first failure of the script (an exception, a limit, a result of the wrong shape) is kept and every later
 * call fails at once with it, so a calibration whose starts all call the script stops quickly; the failure is a
 * {@link RunFailure} at the script's line (in this recipe or cell, else at {@code cf js NAME}), which the fit
 * reports after the calibrator has ended ({@link #rethrowFailure()}), and which pricing outside a calibration
 * throws straight to the runner.
 */
final class ScriptedCharacteristicFunction implements UserDefinedModel.Definition {

    /** How far from 1 a characteristic function at u = 0 may be: as {@code Cumulants.fromCharacteristicFunction}. */
    private static final double AT_ZERO_TOLERANCE = 1e-12;

    private final Scripts.Exported function;
    private final List<String> names;
    private final SourceFile source;
    private final Span clause;
    private volatile RunFailure failure;

    ScriptedCharacteristicFunction(Scripts.Exported function, List<String> names, SourceFile source, Span clause) {
        this.function = function;
        this.names = List.copyOf(names);
        this.source = source;
        this.clause = clause;
    }

    @Override
    public UserDefinedModel.CharacteristicFunction at(double[] parameters) {
        Object record = guarded(() -> function.context().record(names, parameters));
        return (u, timeYears) -> guarded(() -> {
            double[] pair = new double[2];
            function.function().callForPair(pair, u, timeYears, record);
            if (u == 0 && !(Math.abs(pair[0] - 1) <= AT_ZERO_TOLERANCE && Math.abs(pair[1]) <= AT_ZERO_TOLERANCE)) {
                throw notOneAtZero(pair, timeYears, parameters);
            }
            return new Complex(pair[0], pair[1]);
        });
    }

    /**
     * A characteristic function is 1 at u = 0 ({@code E[exp(0)]}); one that is not (a forgotten normalisation, a
     * wrong sign in an exponent) would only show as NaN prices, so COS's first call, at u = 0, says so at the
     * function's declaration.
     */
    private ScriptFailure notOneAtZero(double[] pair, double timeYears, double[] parameters) {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            values.append(i == 0 ? "" : ", ").append(names.get(i)).append(' ').append(parameters[i]);
        }
        ScriptFunction script = function.function();
        return new ScriptFailure(script.name() + "(0, " + timeYears + ", p) returned [" + pair[0] + ", " + pair[1]
                + "], but it must be [1, 0] at u = 0 (with p: " + values + ")", script.line(), script.column());
    }

    /** The script's first failure, if it failed. */
    void rethrowFailure() {
        RunFailure failed = failure;
        if (failed != null) {
            throw failed;
        }
    }

    private interface Call<T> {
        T run();
    }

    private <T> T guarded(Call<T> call) {
        RunFailure failed = failure;
        if (failed != null) {
            throw failed;
        }
        try {
            return call.run();
        } catch (ScriptFailure scriptFailure) {
            boolean here = function.source().equals(source) && scriptFailure.line() > 0;
            Span span = here ? function.spanOf(scriptFailure.line(), scriptFailure.column()) : clause;
            String where = !here && scriptFailure.line() > 0
                    ? " at line " + scriptFailure.line() + " of its script" : "";
            RunFailure first = new RunFailure(span, "the characteristic function " + scriptFailure.getMessage() + where,
                    "it must return [re, im] of E[exp(i u ln(F_T / F_0))] for every real u and t > 0, within the"
                            + " sandbox's limits (docs/scripts.md)");
            synchronized (this) {
                if (failure == null) {
                    failure = first;
                }
                throw failure;
            }
        }
    }
}
