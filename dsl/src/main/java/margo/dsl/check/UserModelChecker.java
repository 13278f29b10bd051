package margo.dsl.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import margo.dsl.script.Scripts;
import margo.dsl.syntax.Clause;
import margo.dsl.syntax.Expr;
import margo.dsl.syntax.Stmt;

/**
 * {@code model N = characteristic_function { parameters { a in [lo, hi] start s; b = x }  cf js NAME  require E }}:
 * a model Margo does not ship, defined by a script's function {@code NAME(u, t, p)} that returns the characteristic
 * function of {@code ln(F_T / F_0)} as {@code [re, im]}; {@code p} holds the parameters by name. Every parameter
 * is declared, with its bounds (its domain) and start, or fixed.
 */
final class UserModelChecker {

    static final String FAMILY = "characteristic_function";
    /** The arguments of the characteristic function: frequency, time in years, the parameters. */
    static final int CF_ARITY = 3;

    private final Checker checker;
    private final ScriptChecker scripts;

    UserModelChecker(Checker checker, ScriptChecker scripts) {
        this.checker = checker;
        this.scripts = scripts;
    }

    Type model(Stmt.Binding binding) {
        List<String> names = null;
        boolean ok = true;
        boolean cf = false;
        List<Clause.Require> requires = new ArrayList<>();
        for (Clause clause : binding.block().clauses()) {
            switch (clause) {
                case Clause.Setting setting when setting.name().id().equals("parameters") -> {
                    if (names != null) {
                        checker.error(setting.name().span(), "the parameters are declared twice");
                        ok = false;
                    } else {
                        names = parameters(setting);
                        ok &= names != null;
                    }
                }
                case Clause.ScriptFunction function when function.keyword().id().equals("cf") -> {
                    if (cf) {
                        checker.error(function.keyword().span(), "the characteristic function is given twice");
                        ok = false;
                    }
                    cf = true;
                    ok &= characteristicFunction(function);
                }
                case Clause.Require require -> requires.add(require);
                default -> {
                    String word = Checker.clauseWord(clause);
                    checker.error(checker.keywordSpan(clause.span(), word), "a characteristic_function model takes"
                            + " parameters { ... }, cf js NAME and require, not " + word,
                            "model m = characteristic_function { parameters { a in [0, 1] start 0.5 }  cf js my_cf }");
                    ok = false;
                }
            }
        }
        for (Clause.Require require : requires) {
            checker.require(names, binding.name().id(), require);
        }
        if (names == null && ok) {
            checker.error(binding.value().span(), "a characteristic_function model needs its parameters",
                    "parameters { kappa in [0.1, 10] start 2 ... }");
            ok = false;
        }
        if (!cf) {
            checker.error(binding.value().span(), "a characteristic_function model needs its characteristic function",
                    "cf js NAME, a function of a script exported before the model");
            ok = false;
        }
        return ok ? Type.MODEL : Type.ERROR;
    }

    /** The names declared in {@code parameters { ... }}, or null when one is wrong (reported). */
    private List<String> parameters(Clause.Setting setting) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean ok = true;
        if (setting.block().isEmpty()) {
            checker.error(setting.name().span(), "parameters { ... } declares no parameter",
                    "parameters { a in [0, 1] start 0.5 }");
            return null;
        }
        for (Clause clause : setting.block().clauses()) {
            Expr.Name name;
            switch (clause) {
                case Clause.ParameterBounds bounds -> {
                    name = bounds.parameter();
                    ok &= bounds(bounds);
                }
                case Clause.ParameterFixed fixed -> {
                    name = fixed.parameter();
                    checker.needsNumber(fixed.value(), checker.expression(fixed.value()), "a value");
                }
                default -> {
                    String word = Checker.clauseWord(clause);
                    checker.error(checker.keywordSpan(clause.span(), word), "parameters { ... } takes"
                            + " 'P in [lo, hi] start x' and 'P = x', not " + word);
                    ok = false;
                    continue;
                }
            }
            if (!seen.add(name.id())) {
                checker.error(name.span(), "the parameter '" + name.id() + "' is given twice");
                ok = false;
            }
            names.add(name.id());
        }
        return ok ? List.copyOf(names) : null;
    }

    private boolean bounds(Clause.ParameterBounds bounds) {
        checker.needsNumber(bounds.lower(), checker.expression(bounds.lower()), "a lower bound");
        checker.needsNumber(bounds.upper(), checker.expression(bounds.upper()), "an upper bound");
        if (bounds.start() != null) {
            checker.needsNumber(bounds.start(), checker.expression(bounds.start()), "a start");
        }
        Double lo = Checker.constant(bounds.lower());
        Double hi = Checker.constant(bounds.upper());
        Double at = bounds.start() == null ? null : Checker.constant(bounds.start());
        if (lo != null && hi != null && lo > hi) {
            checker.error(bounds.span(), "the bounds of '" + bounds.parameter().id() + "' are empty: the lower "
                    + checker.sourceOf(bounds.lower()) + " is above the upper " + checker.sourceOf(bounds.upper()),
                    "write [lower, upper] with lower <= upper");
            return false;
        }
        if (at != null && ((lo != null && at < lo) || (hi != null && at > hi))) {
            checker.error(bounds.start().span(), "the start " + checker.sourceOf(bounds.start()) + " of '"
                    + bounds.parameter().id() + "' is outside its bounds");
            return false;
        }
        return true;
    }

    /** {@code cf js NAME}: NAME must be a function of a JavaScript script exported before, of (u, t, p). */
    private boolean characteristicFunction(Clause.ScriptFunction function) {
        if (!function.language().id().equals("js")) {
            checker.error(function.language().span(), "the characteristic function must be a script function,"
                    + " written cf js NAME, not cf " + function.language().id());
            return false;
        }
        Scripts.Exported exported = scripts.function(function.function().id());
        if (exported == null) {
            checker.error(function.function().span(), "no script exports a function '" + function.function().id()
                    + "'", "define it first: script js \"\"\"function " + function.function().id()
                    + "(u, t, p) { ... return [re, im]; }\"\"\" exports " + function.function().id());
            return false;
        }
        if (exported.function().arity() != CF_ARITY) {
            checker.error(function.function().span(), "a characteristic function takes (u, t, p), 3 parameters; "
                    + function.function().id() + " declares " + exported.function().arity(),
                    "function " + function.function().id() + "(u, t, p) returns [re, im] of E[exp(i u ln(F_T/F_0))]");
            return false;
        }
        scripts.characteristicFunctions().put(function, exported);
        return true;
    }
}
