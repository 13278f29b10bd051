package margo.core.calibration;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A calibration problem as data: the recipe's {@code fit F = calibrate MODEL to CHAIN { ... }} compiled.
 *
 * @param model the model; its parameter names must be those of {@code parameters}, in order
 * @param parameters bounds, start and fixed flag of each model parameter, in the model's order
 * @param quotes the quotes, with market values in {@code target} units and weights
 * @param target fit implied volatilities or prices
 * @param constraints hard and soft constraints {@code g(theta) >= 0}; may be empty
 * @param expiries the expiry indices to calibrate to (see {@link CalibrationQuotes#expiryIndex()}); empty for all
 * @param method the solver and its settings
 * @param starts the number of local searches, &ge; 1: the first from the declared starts, the others from points
 *        drawn from {@code seed} (see {@link Calibrator})
 * @param seed the seed of the random starts and of CMA-ES
 * @param timeLimit the wall-clock budget of the whole calibration, positive; null for none
 */
public record CalibrationProblem(CalibrationModel model, List<ParameterSpec> parameters, CalibrationQuotes quotes,
        Target target, List<Constraint> constraints, int[] expiries, SolverMethod method, int starts, long seed,
        Duration timeLimit) implements Serializable {

    /** @throws IllegalArgumentException with a message naming what is inconsistent */
    public CalibrationProblem {
        if (model == null || parameters == null || quotes == null || target == null || constraints == null
                || expiries == null || method == null) {
            throw new IllegalArgumentException("model, parameters, quotes, target, constraints, expiries and method"
                    + " must not be null");
        }
        parameters = List.copyOf(parameters);
        constraints = List.copyOf(constraints);
        expiries = expiries.clone();
        List<String> names = model.parameterNames();
        List<String> declared = new ArrayList<>(parameters.size());
        for (ParameterSpec p : parameters) {
            declared.add(p.name());
        }
        if (!names.equals(declared)) {
            throw new IllegalArgumentException("parameters " + declared + " do not match the model's " + names);
        }
        if (starts < 1) {
            throw new IllegalArgumentException("starts " + starts + " must be at least 1");
        }
        if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero())) {
            throw new IllegalArgumentException("time limit " + timeLimit + " must be positive");
        }
        for (int e : expiries) {
            if (e < 0) {
                throw new IllegalArgumentException("expiry index " + e + " in the expiry subset is negative");
            }
        }
    }

    /**
     * A problem over all expiries with no constraints, Levenberg-Marquardt with its defaults, one start, seed 0 and
     * no time limit; change those with the {@code with...} methods.
     */
    public static CalibrationProblem of(CalibrationModel model, List<ParameterSpec> parameters,
            CalibrationQuotes quotes, Target target) {
        return new CalibrationProblem(model, parameters, quotes, target, List.of(), new int[0],
                SolverMethod.LevenbergMarquardt.defaults(), 1, 0L, null);
    }

    /** This problem solved by {@code newMethod}. */
    public CalibrationProblem withMethod(SolverMethod newMethod) {
        return new CalibrationProblem(model, parameters, quotes, target, constraints, expiries, newMethod, starts,
                seed, timeLimit);
    }

    /** This problem with {@code newStarts} starts drawn from {@code newSeed}. */
    public CalibrationProblem withStarts(int newStarts, long newSeed) {
        return new CalibrationProblem(model, parameters, quotes, target, constraints, expiries, method, newStarts,
                newSeed, timeLimit);
    }

    /** This problem with these constraints. */
    public CalibrationProblem withConstraints(List<Constraint> newConstraints) {
        return new CalibrationProblem(model, parameters, quotes, target, newConstraints, expiries, method, starts,
                seed, timeLimit);
    }

    /** This problem restricted to the expiries with these indices. */
    public CalibrationProblem withExpiries(int... newExpiries) {
        return new CalibrationProblem(model, parameters, quotes, target, constraints, newExpiries, method, starts,
                seed, timeLimit);
    }

    /** This problem with a time limit. */
    public CalibrationProblem withTimeLimit(Duration newTimeLimit) {
        return new CalibrationProblem(model, parameters, quotes, target, constraints, expiries, method, starts,
                seed, newTimeLimit);
    }

    /**
     * This problem with its first search started at {@code start} (one value per parameter, in the model's order),
     * as a fit warm-started from the previous snapshot's parameters: each free parameter starts at its value moved
     * into its bounds, and fixed parameters stay at theirs.
     */
    public CalibrationProblem withStart(double[] start) {
        if (start.length != parameters.size()) {
            throw new IllegalArgumentException("a start of " + start.length + " values for " + parameters.size()
                    + " parameters");
        }
        List<ParameterSpec> started = new ArrayList<>(parameters.size());
        for (int j = 0; j < start.length; j++) {
            ParameterSpec p = parameters.get(j);
            started.add(p.fixed() || !Double.isFinite(start[j]) ? p
                    : ParameterSpec.free(p.name(), p.lower(), p.upper(), Math.min(p.upper(), Math.max(p.lower(),
                            start[j]))));
        }
        return new CalibrationProblem(model, started, quotes, target, constraints, expiries, method, starts, seed,
                timeLimit);
    }

    /** The expiry subset (a copy); empty for all expiries. */
    @Override
    public int[] expiries() {
        return expiries.clone();
    }

    /** True when quotes of expiry index {@code expiry} take part. */
    public boolean includesExpiry(int expiry) {
        if (expiries.length == 0) {
            return true;
        }
        for (int e : expiries) {
            if (e == expiry) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CalibrationProblem p && model.equals(p.model) && parameters.equals(p.parameters)
                && quotes.equals(p.quotes) && target == p.target && constraints.equals(p.constraints)
                && Arrays.equals(expiries, p.expiries) && method.equals(p.method) && starts == p.starts
                && seed == p.seed && java.util.Objects.equals(timeLimit, p.timeLimit);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(model, parameters, quotes, target, constraints, Arrays.hashCode(expiries),
                method, starts, seed, timeLimit);
    }
}
