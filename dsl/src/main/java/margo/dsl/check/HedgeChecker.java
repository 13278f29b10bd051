package margo.dsl.check;

import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import margo.core.hedging.Greek;
import margo.dsl.diagnostic.Suggestions;
import margo.dsl.registry.SettingSpec;
import margo.dsl.syntax.Block;
import margo.dsl.syntax.Clause;
import margo.dsl.syntax.Expr;

/**
 * The checker's seam for hedging: {@code plot greeks(book)}, and the block of a hedge,
 * {@code let h = hedge(desk, "account") { using [...]  target { net_delta 0 +/- 0.5 }  minimize margin pm  lot 0.1 }}.
 * Works through the {@link Checker}'s expressions, settings and diagnostics, so that its messages read like every
 * other.
 */
final class HedgeChecker {

    /** The statement whose settings a hedge's block takes, in the registry. */
    static final String HEDGE = "hedge";
    private static final List<String> GREEKS = java.util.Arrays.stream(Greek.values()).map(Greek::columnName).toList();

    private final Checker checker;
    /** The hedge calls written where a block can follow them: the value of a let or a show. */
    private final Set<Expr.Call> withBlock = Collections.newSetFromMap(new IdentityHashMap<>());

    HedgeChecker(Checker checker) {
        this.checker = checker;
    }

    /** Whether {@code plot E} draws E as a figure of the greeks table it returns: {@code plot greeks(desk)}. */
    static boolean plottable(Expr expr) {
        return expr instanceof Expr.Call call && call.callee().id().equals("greeks");
    }

    /** Whether {@code expr} is a call of {@code hedge}, whose block the hedge checker reads. */
    static boolean isHedge(Expr expr) {
        return expr instanceof Expr.Call call && call.callee().id().equals(HEDGE);
    }

    /** {@code let N = hedge(...) { block }} or {@code show hedge(...) { block }}: the call's type, then its block. */
    Type hedge(Expr.Call call, Block block) {
        withBlock.add(call);
        Type type = checker.expression(call);
        boolean ok = block(call, block);
        return type.isError() || !ok ? Type.ERROR : Type.HEDGE;
    }

    /** A hedge call anywhere else has no block to say what it trades: an error at the call. */
    boolean placed(Expr.Call call) {
        if (withBlock.contains(call)) {
            return true;
        }
        checker.error(call.span(), "a hedge is written with its block, as let N = hedge(BOOK, ACCOUNT) { using [...]"
                + "  target { ... } } or show hedge(...) { ... }", "bind it with let, then use the name");
        return false;
    }

    private boolean block(Expr.Call call, Block block) {
        boolean ok = true;
        Set<String> seen = new HashSet<>();
        List<String> known = checker.registry.settings(HEDGE).stream().map(SettingSpec::name).toList();
        for (Clause clause : block.clauses()) {
            String word = Checker.clauseWord(clause);
            if (clause instanceof Clause.Setting section && word.equals("target") && section.value() == section.name()) {
                // target { ... }: a named block, which the parser gives its name as its value
                ok &= once(seen, section.name()) & targets(section.block());
                continue;
            }
            if (!(clause instanceof Clause.Setting setting) || word.equals("target")) {
                checker.error(checker.keywordSpan(clause.span(), word), word.equals("target")
                        ? "target takes a block: target { net_delta 0 +/- 0.5  gamma in [-0.1, 0.1] }"
                        : word + " does not belong in the block of a hedge", "its settings: " + String.join(", ",
                        known));
                ok = false;
                continue;
            }
            SettingSpec spec = checker.registry.setting(HEDGE, word).orElse(null);
            if (spec == null) {
                String hint = Suggestions.didYouMean(word, known);
                checker.error(setting.name().span(), "a hedge has no setting '" + word + "'",
                        hint != null ? hint : "its settings: " + String.join(", ", known));
                ok = false;
                continue;
            }
            ok &= once(seen, setting.name());
            if (!setting.block().isEmpty()) {
                checker.error(setting.block().span(), "the setting '" + word + "' takes no block");
                ok = false;
            }
            ok &= switch (word) {
                case "using" -> using(setting.value());
                case "minimize" -> objective(setting.value());
                case "lot" -> number(spec, setting.value(), false);
                case "max_size" -> number(spec, setting.value(), true);
                default -> checker.settingValue(HEDGE, spec, setting.value());
            };
        }
        if (!seen.contains("using")) {
            checker.error(call.span(), "a hedge needs the instruments it may trade", "add using [\"BTC-PERPETUAL\","
                    + " ...] to its block");
            ok = false;
        }
        return ok;
    }

    private boolean once(Set<String> seen, Expr.Name name) {
        if (!seen.add(name.id())) {
            checker.error(name.span(), "the setting '" + name.id() + "' is given twice");
            return false;
        }
        return true;
    }

    /** Instrument names and chains, alone or in a list. */
    private boolean using(Expr value) {
        List<Expr> elements = value instanceof Expr.ListLiteral list ? list.elements() : List.of(value);
        boolean ok = !elements.isEmpty();
        if (!ok) {
            checker.error(value.span(), "using needs at least one instrument");
        }
        for (Expr element : elements) {
            Type type = checker.expression(element);
            if (type.isError()) {
                ok = false;
            } else if (type.kind() != Kind.TEXT && !(type.kind() == Kind.TABLE && type.schema().isChain())) {
                checker.error(element.span(), "using takes instrument names and option chains, not "
                        + type.kind().withArticle(), "e.g. using [\"BTC-PERPETUAL\", near_calls]");
                ok = false;
            }
        }
        return ok;
    }

    /** {@code cost}, {@code trades} or {@code margin RULES}. */
    private boolean objective(Expr value) {
        if (value instanceof Expr.Name word && (word.id().equals("cost") || word.id().equals("trades"))) {
            return true;
        }
        if (value instanceof Expr.Call call && call.callee().id().equals("margin") && call.arguments().size() == 1
                && call.arguments().getFirst().name() == null) {
            Expr rules = call.arguments().getFirst().value();
            Type type = checker.expression(rules);
            if (type.kind() != Kind.RULES && !type.isError()) {
                checker.error(rules.span(), "minimize margin takes margin rules, not " + type.kind().withArticle(),
                        "e.g. minimize margin portfolio_margin, or a rules binding");
                return false;
            }
            return !type.isError();
        }
        checker.error(value.span(), "minimize takes cost, trades or margin RULES", "e.g. minimize margin pm");
        return false;
    }

    /** A number, at least 0 ({@code lot}) or above 0 ({@code max_size}) when written as one. */
    private boolean number(SettingSpec spec, Expr value, boolean positive) {
        if (!checker.settingValue(HEDGE, spec, value)) {
            return false;
        }
        Double constant = Checker.constant(value);
        if (constant != null && (positive ? !(constant > 0) : !(constant >= 0))) {
            checker.error(value.span(), spec.name() + " must be " + (positive ? "positive" : "at least 0") + ", not "
                    + checker.sourceOf(value));
            return false;
        }
        return true;
    }

    /** {@code GREEK c +/- w}, {@code GREEK in [lo, hi]} or {@code GREEK c}, each greek once. */
    private boolean targets(Block block) {
        boolean ok = true;
        Set<String> seen = new HashSet<>();
        for (Clause clause : block.clauses()) {
            String word = Checker.clauseWord(clause);
            Expr.Name name = switch (clause) {
                case Clause.ParameterBounds bounds -> bounds.parameter();
                case Clause.Setting setting -> setting.name();
                default -> null;
            };
            if (name == null || !GREEKS.contains(word)) {
                String hint = Suggestions.didYouMean(word, GREEKS);
                checker.error(checker.keywordSpan(clause.span(), word), name == null
                        ? "a target is written GREEK c +/- w or GREEK in [lo, hi]" : "unknown greek '" + word + "'",
                        hint != null ? hint : "the greeks: " + String.join(", ", GREEKS));
                ok = false;
                continue;
            }
            ok &= once(seen, name);
            switch (clause) {
                case Clause.ParameterBounds bounds -> {
                    if (bounds.start() != null) {
                        checker.error(bounds.start().span(), "a target has no start");
                        ok = false;
                    }
                    ok &= bound(word, bounds.lower()) & bound(word, bounds.upper());
                }
                case Clause.Setting setting -> {
                    if (!setting.block().isEmpty()) {
                        checker.error(setting.block().span(), "a target takes no block");
                        ok = false;
                    }
                    ok &= bound(word, setting.value());
                }
                default -> throw new IllegalStateException("only bounds and settings reach here: " + clause);
            }
        }
        return ok;
    }

    private boolean bound(String greek, Expr value) {
        Type type = checker.expression(value);
        if (type.kind() != Kind.NUMBER && !type.isError()) {
            checker.error(value.span(), "the target of " + greek + " takes numbers, in "
                    + Greek.named(greek).unit() + ", not " + type.kind().withArticle());
            return false;
        }
        return !type.isError();
    }
}
