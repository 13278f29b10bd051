package margo.dsl.check;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import margo.dsl.diagnostic.Suggestions;
import margo.dsl.registry.SettingSpec;
import margo.dsl.syntax.Block;
import margo.dsl.syntax.Clause;
import margo.dsl.syntax.Expr;
import margo.dsl.syntax.NumberUnit;
import margo.dsl.syntax.UnaryOperator;

/**
 * The checker's seam for price histories and the margin calibrated from them:
 * {@code rules N = calibrate RULES to HISTORY { settings }} and the reports that {@code plot} draws. Works through the
 * {@link Checker}'s expressions, settings and diagnostics, so that its messages read like every other.
 */
final class HistoryChecker {

    /** The statement whose settings a calibration takes, in the registry. */
    static final String CALIBRATE = "calibrate";
    /** The reports {@code plot} draws as figures. */
    private static final Set<String> PLOTTABLE = Set.of("shocks", "coverage", "fees");
    /** Settings that only some methods read: the setting, then the methods (and fhs filter) it applies to. */
    private static final Map<String, String> APPLIES_TO = Map.of(
            "lambda", "ewma, or fhs with filter ewma",
            "distribution", "ewma",
            "filter", "fhs",
            "scaling", "hs");

    private final Checker checker;

    HistoryChecker(Checker checker) {
        this.checker = checker;
    }

    /** Whether {@code plot E} draws E as a figure made from a report: {@code plot shocks(pm)}. */
    static boolean plottable(Expr expr) {
        return expr instanceof Expr.Call call && PLOTTABLE.contains(call.callee().id());
    }

    /** {@code rules N = calibrate RULES to HISTORY { settings }}: rules, when everything is right. */
    Type calibrate(Expr.Calibrate calibrate, Block block) {
        boolean ok = rulesOperand(calibrate.model());
        ok &= historyOperand(calibrate.data(), "calibrate");
        Map<String, Expr> written = new HashMap<>();
        List<String> known = checker.registry.settings(CALIBRATE).stream().map(SettingSpec::name).toList();
        for (Clause clause : block.clauses()) {
            if (!(clause instanceof Clause.Setting setting)) {
                String word = Checker.clauseWord(clause);
                checker.error(checker.keywordSpan(clause.span(), word), word + " does not belong in the block of"
                        + " calibrate", "it takes settings such as confidence 99%, horizon 1d, method hs");
                ok = false;
                continue;
            }
            String name = setting.name().id();
            SettingSpec spec = checker.registry.setting(CALIBRATE, name).orElse(null);
            if (spec == null) {
                String hint = Suggestions.didYouMean(name, known);
                checker.error(setting.name().span(), "calibrate has no setting '" + name + "'",
                        hint != null ? hint : "its settings: " + String.join(", ", known));
                ok = false;
                continue;
            }
            if (written.put(name, setting.value()) != null) {
                checker.error(setting.name().span(), "the setting '" + name + "' is given twice");
                ok = false;
            }
            if (!setting.block().isEmpty()) {
                checker.error(setting.block().span(), "the setting '" + name + "' takes no block");
                ok = false;
            }
            ok &= checker.settingValue(CALIBRATE, spec, setting.value()) && range(name, setting.value())
                    && (!name.equals("vol_history") || volHistoryOperand(setting.value()));
        }
        ok &= applicable(written);
        return ok ? Type.RULES : Type.ERROR;
    }

    /** The rules to calibrate: a family's defaults or a rules binding. */
    private boolean rulesOperand(Expr rules) {
        Type type = checker.expression(rules);
        if (type.kind() != Kind.RULES && !type.isError()) {
            checker.error(rules.span(), "calibrate RULES to HISTORY needs margin rules first, not "
                    + type.kind().withArticle(), type.kind() == Kind.MODEL
                    ? "a model is calibrated to a chain in a fit statement: fit f = calibrate MODEL to CHAIN"
                    : "e.g. rules pm = calibrate portfolio_margin to btc { confidence 99% }");
            return false;
        }
        return !type.isError();
    }

    /**
     * A price history: a table with a time and a close column, as {@code history(...)} returns.
     *
     * @param function what needs it, for the message
     */
    boolean historyOperand(Expr history, String function) {
        Type type = checker.checkedType(history);
        if (type == null) {
            type = checker.expression(history);
        }
        if (type.isError()) {
            return false;
        }
        boolean table = type.kind() == Kind.TABLE;
        if (!table || type.schema().kindOf("time") != Kind.INSTANT || type.schema().kindOf("close") != Kind.NUMBER) {
            checker.error(history.span(), function + " needs a price history (a table with the columns time and"
                    + " close), not " + (table ? type.schema().isChain() ? "an option chain" : "a table without them"
                    : type.kind().withArticle()), "load one with data btc = history(\"file.csv\")");
            return false;
        }
        return true;
    }

    /** An implied-vol history: a table with a time and a vol column, as {@code vol_history(...)} returns. */
    private boolean volHistoryOperand(Expr vols) {
        Type type = checker.checkedType(vols);
        if (type == null || type.isError()) {
            return type != null;
        }
        if (type.kind() != Kind.TABLE || type.schema().kindOf("time") != Kind.INSTANT
                || type.schema().kindOf("vol") != Kind.NUMBER) {
            checker.error(vols.span(), "vol_history needs an implied-vol history (a table with the columns time and"
                    + " vol), not " + (type.kind() != Kind.TABLE ? type.kind().withArticle()
                    : type.schema().isChain() ? "an option chain" : "a table without them"),
                    "load one with data vols = vol_history(\"file.csv\")");
            return false;
        }
        return true;
    }

    /** The built-ins whose first argument is a price history. */
    static boolean takesHistory(String function) {
        return Set.of("returns", "rolling", "coverage", "haircut", "fees").contains(function);
    }

    /** The first argument of a built-in that {@link #takesHistory takes a history}, once its kind has been checked. */
    boolean historyArgument(Expr.Call call) {
        return historyOperand(checker.argumentsOf(call).getFirst(), call.callee().id());
    }

    /** The ranges a setting written as a number must lie in (computed values are checked when it runs). */
    private boolean range(String name, Expr value) {
        String problem = switch (name) {
            case "confidence" -> Checker.constant(value) instanceof Double c && !(c >= 0.5 && c < 1)
                    ? "confidence must be at least 50% and below 100%" : null;
            case "lambda" -> Checker.constant(value) instanceof Double l && !(l > 0 && l < 1)
                    ? "lambda must lie strictly between 0 and 1, such as 0.94" : null;
            case "buffer" -> Checker.constant(value) instanceof Double b && !(b == 0 || b >= 0.25)
                    ? "an EMIR art. 28(a) buffer is 0% (none) or at least 25%" : null;
            case "stressed_weight" -> Checker.constant(value) instanceof Double w && !(w == 0 || (w >= 0.25 && w <= 1))
                    ? "an EMIR art. 28(b) stressed weight is 0% (none) or from 25% to 100%" : null;
            case "horizon", "lookback", "refit", "floor" -> notPositive(value)
                    ? name + " must be a positive duration, such as 1d" : null;
            default -> null;
        };
        if (problem != null) {
            checker.error(value.span(), problem + ", not " + checker.sourceOf(value));
            return false;
        }
        return true;
    }

    private static boolean notPositive(Expr value) {
        return (value instanceof Expr.NumberLiteral literal && literal.unit() == NumberUnit.DURATION
                && !(literal.value() > 0))
                || (value instanceof Expr.Unary unary && unary.operator() == UnaryOperator.NEGATE);
    }

    /** A setting only some methods read, written for another, is a mistake: it would be silently ignored. */
    private boolean applicable(Map<String, Expr> written) {
        String method = word(written.get("method"), "hs");
        String filter = word(written.get("filter"), "ewma");
        if (!checker.registry.settingChoices(CALIBRATE, "method").contains(method)) {
            return true;  // the method itself is reported
        }
        boolean ok = true;
        for (Map.Entry<String, String> entry : APPLIES_TO.entrySet()) {
            Expr value = written.get(entry.getKey());
            if (value == null) {
                continue;
            }
            boolean applies = switch (entry.getKey()) {
                case "lambda" -> method.equals("ewma") || (method.equals("fhs") && filter.equals("ewma"));
                case "distribution" -> method.equals("ewma");
                case "filter" -> method.equals("fhs");
                default -> method.equals("hs");
            };
            if (!applies) {
                checker.error(value.span(), entry.getKey() + " applies to method " + entry.getValue()
                        + ", and this calibration's method is " + method, "leave it out, or choose a method that"
                        + " reads it");
                ok = false;
            }
        }
        return ok;
    }

    private static String word(Expr value, String otherwise) {
        return value instanceof Expr.Name name ? name.id() : value instanceof Expr.StringLiteral text ? text.value()
                : otherwise;
    }
}
