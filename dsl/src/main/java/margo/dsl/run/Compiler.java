package margo.dsl.run;

import java.util.List;
import java.util.Objects;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.PatternSyntaxException;
import margo.core.market.YearFraction;
import margo.core.pricing.Black76;
import margo.core.pricing.ImpliedVolatility;
import margo.core.pricing.OptionType;
import margo.core.smiles.SurfaceFit;
import margo.dsl.check.CheckedProgram;
import margo.dsl.check.Kind;
import margo.dsl.registry.FunctionSpec;
import margo.dsl.registry.FunctionSpec.Implementation;
import margo.dsl.registry.Registry;
import margo.dsl.registry.TextEntries;
import margo.dsl.script.Scripts;
import margo.dsl.syntax.BinaryOperator;
import margo.dsl.syntax.Expr;
import margo.dsl.syntax.NestingLimits;
import margo.dsl.syntax.Span;
import margo.dsl.syntax.UnaryOperator;
import margo.dsl.value.BooleanValue;
import margo.dsl.value.InstantValue;
import margo.dsl.value.NumberValue;
import margo.dsl.value.SurfaceValue;
import margo.dsl.value.TextValue;
import margo.dsl.value.Value;

/**
 * Compiles a checked expression once into a closure over the primitive column arrays of a {@link RowFrame}; the
 * runner then calls it once per row (or once, for a scalar). Numbers, durations (years) and instants (epoch
 * seconds) are doubles; conditions are booleans; nothing is boxed or looked up by name per row.
 */
final class Compiler {

    @FunctionalInterface
    interface DoubleCode {
        double at(int row);
    }

    @FunctionalInterface
    interface BooleanCode {
        boolean at(int row);
    }

    @FunctionalInterface
    interface TextCode {
        String at(int row);
    }

    @FunctionalInterface
    private interface TypeCode {
        OptionType at(int row);
    }

    private static final double SECONDS_PER_YEAR = YearFraction.SECONDS_PER_YEAR;

    private final CheckedProgram checked;
    private final Registry registry;
    private final RowFrame frame;
    private final Function<String, Value> bindings;
    private final UndefinedResults undefined;
    /** Expressions being compiled inside one another, bounded by {@link NestingLimits#MAX_DEPTH}. */
    private int depth;

    Compiler(CheckedProgram checked, Registry registry, RowFrame frame, Function<String, Value> bindings,
             UndefinedResults undefined) {
        this.checked = checked;
        this.registry = registry;
        this.frame = frame;
        this.bindings = bindings;
        this.undefined = undefined;
    }

    /**
     * One more expression compiled inside the others. The checker already bounds the depth, so this holds only
     * for a tree that bypassed it; the compiled closures call each other as deep as the tree, at every row.
     */
    private <C> C nested(Expr expr, Function<Expr, C> compile) {
        if (depth >= NestingLimits.MAX_DEPTH) {
            throw new RunFailure(expr.span(), NestingLimits.DEPTH_MESSAGE, NestingLimits.HINT);
        }
        depth++;
        try {
            return compile.apply(expr);
        } finally {
            depth--;
        }
    }

    private Kind kindOf(Expr expr) {
        return checked.typeOf(expr).kind();
    }

    private ScriptCalls scriptCalls() {
        return new ScriptCalls(this, checked.program().source(), frame.rows());
    }

    private List<Kind> argumentKinds(Expr.Call call) {
        return checked.argumentsOf(call).stream().map(this::kindOf).toList();
    }

    // ---- numbers, durations and instants

    DoubleCode number(Expr expr) {
        return nested(expr, this::numberCode);
    }

    private DoubleCode numberCode(Expr expr) {
        return switch (expr) {
            case Expr.NumberLiteral literal -> constant(literal.value());
            case Expr.TimeLiteral literal -> constant(RowFrame.seconds(literal.value()));
            case Expr.Name name -> numberName(name);
            case Expr.Unary unary -> {
                DoubleCode operand = number(unary.operand());
                yield unary.operator() == UnaryOperator.NEGATE ? row -> -operand.at(row) : operand;
            }
            case Expr.Binary binary -> arithmetic(binary);
            case Expr.Call call -> numberCall(call);
            default -> throw new IllegalStateException("not a number: " + expr);
        };
    }

    private static DoubleCode constant(double value) {
        return row -> value;
    }

    private DoubleCode numberName(Expr.Name name) {
        if (checked.isColumn(name)) {
            double[] column = frame.doubles(name.id());
            return row -> column[row];
        }
        return switch (bindings.apply(name.id())) {
            case NumberValue number -> constant(number.value());
            case InstantValue instant -> constant(RowFrame.seconds(instant.value()));
            case Value other -> throw new IllegalStateException("not a number: " + other.kind());
        };
    }

    /** The units of {@code Checker.arithmetic}: instants move by durations in seconds; instant - instant is years. */
    private DoubleCode arithmetic(Expr.Binary binary) {
        Kind left = kindOf(binary.left());
        Kind right = kindOf(binary.right());
        DoubleCode a = number(binary.left());
        DoubleCode b = number(binary.right());
        return switch (binary.operator()) {
            case ADD -> left == Kind.INSTANT && right == Kind.DURATION ? row -> a.at(row) + b.at(row) * SECONDS_PER_YEAR
                    : left == Kind.DURATION && right == Kind.INSTANT ? row -> a.at(row) * SECONDS_PER_YEAR + b.at(row)
                    : row -> a.at(row) + b.at(row);
            case SUBTRACT -> left == Kind.INSTANT && right == Kind.INSTANT
                    ? row -> (a.at(row) - b.at(row)) / SECONDS_PER_YEAR
                    : left == Kind.INSTANT ? row -> a.at(row) - b.at(row) * SECONDS_PER_YEAR
                    : row -> a.at(row) - b.at(row);
            case MULTIPLY -> row -> a.at(row) * b.at(row);
            case DIVIDE -> row -> a.at(row) / b.at(row);
            case POWER -> row -> Math.pow(a.at(row), b.at(row));
            default -> throw new IllegalStateException("not arithmetic: " + binary.operator());
        };
    }

    private DoubleCode numberCall(Expr.Call call) {
        Scripts.Exported scripted = checked.scriptFunction(call);
        if (scripted != null) {
            return scriptCalls().number(call, scripted, checked.argumentsOf(call), argumentKinds(call));
        }
        FunctionSpec spec = registry.function(call.callee().id()).orElseThrow();
        List<Expr> arguments = checked.argumentsOf(call);
        return switch (spec.implementation()) {
            case Implementation.Unary(DoubleUnaryOperator function) -> {
                DoubleCode x = number(arguments.getFirst());
                yield row -> function.applyAsDouble(x.at(row));
            }
            case Implementation.Fold(DoubleBinaryOperator function) -> fold(function, arguments);
            case Implementation.TextTest ignored -> throw new IllegalStateException(spec.name() + " is no number");
            case Implementation.Core() -> switch (spec.name()) {
                case "black" -> black(call, arguments);
                case "implied_vol" -> impliedVol(call, arguments);
                case "vol_of" -> surfaceVol(call, arguments);
                default -> throw new IllegalStateException("no number from " + spec.name());
            };
        };
    }

    private DoubleCode fold(DoubleBinaryOperator function, List<Expr> arguments) {
        DoubleCode[] codes = new DoubleCode[arguments.size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = number(arguments.get(i));
        }
        if (codes.length == 2) {
            DoubleCode a = codes[0];
            DoubleCode b = codes[1];
            return row -> function.applyAsDouble(a.at(row), b.at(row));
        }
        return row -> {
            double result = codes[0].at(row);
            for (int i = 1; i < codes.length; i++) {
                result = function.applyAsDouble(result, codes[i].at(row));
            }
            return result;
        };
    }

    /** vol_of(surface, time, log_moneyness): the surface's implied volatility, read once per row; NaN with a warning. */
    private DoubleCode surfaceVol(Expr.Call call, List<Expr> arguments) {
        if (!(arguments.getFirst() instanceof Expr.Name name)) {
            throw new RunFailure(arguments.getFirst().span(), "vol_of needs a surface bound by name",
                    "bind it first: surface sv = svi(chain)");
        }
        SurfaceFit fit = ((SurfaceValue) bindings.apply(name.id())).fit();
        DoubleCode time = number(arguments.get(1));
        DoubleCode logMoneyness = number(arguments.get(2));
        Span span = call.span();
        return row -> {
            double t = time.at(row);
            double k = logMoneyness.at(row);
            double vol = fit.impliedVolatility(t, k);
            if (Double.isNaN(vol)) {
                undefined.record(span, "vol_of", () -> surfaceDomain(fit, t, k));
            }
            return vol;
        };
    }

    /** Why a surface has no finite implied vol: time and log-moneyness finite, time positive, total variance not negative. */
    private static String surfaceDomain(SurfaceFit fit, double time, double logMoneyness) {
        if (!Double.isFinite(time) || !Double.isFinite(logMoneyness)) {
            return "an argument is not a finite number: time " + time + " years, log-moneyness " + logMoneyness;
        }
        if (!(time > 0)) {
            return "time to expiry " + time + " years must be positive";
        }
        return "the surface's total implied variance at time " + time + " years and log-moneyness " + logMoneyness
                + " is " + fit.totalVariance(time, logMoneyness) + ", below zero";
    }

    /** black(forward, strike, time, vol, type): Black-76, undiscounted, NaN outside its domain (with a warning). */
    private DoubleCode black(Expr.Call call, List<Expr> arguments) {
        PricingArguments in = pricingArguments(arguments);
        Span span = call.span();
        return row -> {
            double forward = in.numbers[0].at(row);
            double strike = in.numbers[1].at(row);
            double time = in.numbers[2].at(row);
            double vol = in.numbers[3].at(row);
            double price = Black76.price(in.type.at(row), forward, strike, time, vol);
            if (Double.isNaN(price)) {
                undefined.record(span, "black", () -> blackDomain(forward, strike, time, vol));
            }
            return price;
        };
    }

    /** The four numbers and the option type that black and implied_vol take, in their order. */
    private record PricingArguments(DoubleCode[] numbers, TypeCode type) {}

    private PricingArguments pricingArguments(List<Expr> arguments) {
        DoubleCode[] numbers = new DoubleCode[4];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = number(arguments.get(i));
        }
        return new PricingArguments(numbers, optionType(arguments.get(4)));
    }

    /** Why Black-76 is NaN: its documented domain is F, K > 0, T >= 0, sigma >= 0, all finite. */
    private static String blackDomain(double forward, double strike, double time, double vol) {
        if (!Double.isFinite(forward) || !Double.isFinite(strike) || !Double.isFinite(time) || !Double.isFinite(vol)) {
            return "an argument is not a finite number: forward " + forward + ", strike " + strike + ", time "
                    + time + " years, vol " + vol;
        }
        if (forward <= 0 || strike <= 0) {
            return "forward " + forward + " and strike " + strike + " must both be positive";
        }
        if (time < 0) {
            return "time to expiry " + time + " years must not be negative";
        }
        return "vol " + vol + " must not be negative";
    }

    /** implied_vol(price, forward, strike, time, type): NaN where none exists, with the reason in a warning. */
    private DoubleCode impliedVol(Expr.Call call, List<Expr> arguments) {
        PricingArguments in = pricingArguments(arguments);
        Span span = call.span();
        return row -> {
            OptionType type = in.type.at(row);
            double price = in.numbers[0].at(row);
            double forward = in.numbers[1].at(row);
            double strike = in.numbers[2].at(row);
            double time = in.numbers[3].at(row);
            double vol = ImpliedVolatility.impliedVolatility(type, price, forward, strike, time);
            if (Double.isNaN(vol)) {
                undefined.record(span, "implied_vol", () -> {
                    ImpliedVolatility.Undefined reason = ImpliedVolatility.whyUndefined(type, price, forward, strike, time);
                    return reason == null ? "no volatility reproduces the price"
                            : reason.explain(type, price, forward, strike, time);
                });
            }
            return vol;
        };
    }

    /**
     * The option type argument: a literal is read once (the checker has vetted it); a column once per column;
     * any other text per row, failing at its span on a value that is neither call nor put.
     */
    private TypeCode optionType(Expr expr) {
        if (expr instanceof Expr.StringLiteral literal) {
            OptionType type = OptionType.parse(literal.value());
            return row -> type;
        }
        TextCode text = text(expr);
        if (expr instanceof Expr.Name name && checked.isColumn(name)) {
            String[] column = frame.texts(name.id());
            OptionType[] types = new OptionType[column.length];
            for (int row = 0; row < column.length; row++) {
                types[row] = parseType(column[row], expr.span(), row);
            }
            return row -> types[row];
        }
        Span span = expr.span();
        return row -> parseType(text.at(row), span, row);
    }

    private OptionType parseType(String text, Span span, int row) {
        try {
            return OptionType.parse(text);
        } catch (IllegalArgumentException notAType) {
            throw new RunFailure(span, "the option type must be call or put (or C, P), not \"" + text + "\""
                    + (frame.rows() > 1 ? " (row " + (row + 1) + " of the table)" : ""));
        }
    }

    // ---- conditions

    BooleanCode condition(Expr expr) {
        return nested(expr, this::conditionCode);
    }

    private BooleanCode conditionCode(Expr expr) {
        return switch (expr) {
            case Expr.BooleanLiteral literal -> {
                boolean value = literal.value();
                yield row -> value;
            }
            case Expr.Name name -> {
                if (checked.isColumn(name)) {
                    boolean[] column = frame.booleans(name.id());
                    yield row -> column[row];
                }
                boolean value = ((BooleanValue) bindings.apply(name.id())).value();
                yield row -> value;
            }
            case Expr.Unary unary -> {
                BooleanCode operand = condition(unary.operand());
                yield row -> !operand.at(row);
            }
            case Expr.Binary binary when binary.operator().isLogical() -> {
                BooleanCode a = condition(binary.left());
                BooleanCode b = condition(binary.right());
                yield binary.operator() == BinaryOperator.AND ? row -> a.at(row) && b.at(row)
                        : row -> a.at(row) || b.at(row);
            }
            case Expr.Binary binary -> comparison(binary);
            case Expr.Call call when registry.function(call.callee().id()).orElseThrow().implementation()
                    instanceof Implementation.TextTest(Function<String, Predicate<String>> test) -> textTest(call, test);
            default -> throw new IllegalStateException("not a condition: " + expr);
        };
    }

    private BooleanCode comparison(Expr.Binary binary) {
        Kind left = kindOf(binary.left());
        Kind right = kindOf(binary.right());
        boolean equal = binary.operator() == BinaryOperator.EQUAL;
        if (left == Kind.TEXT) {
            TextCode a = text(binary.left());
            TextCode b = text(binary.right());
            return equal ? row -> Objects.equals(a.at(row), b.at(row)) : row -> !Objects.equals(a.at(row), b.at(row));
        }
        if (left == Kind.BOOLEAN) {
            BooleanCode a = condition(binary.left());
            BooleanCode b = condition(binary.right());
            return equal ? row -> a.at(row) == b.at(row) : row -> a.at(row) != b.at(row);
        }
        DoubleCode a = number(binary.left());
        DoubleCode b = number(binary.right());
        if (left == Kind.INSTANT && right == Kind.DURATION) {
            a = timeRemaining(a);
        } else if (left == Kind.DURATION && right == Kind.INSTANT) {
            b = timeRemaining(b);
        }
        return order(binary.operator(), a, b);
    }

    /**
     * An instant as the years (ACT/365) from the chain's valuation time to it, so that {@code expiry >= 2d} holds
     * when expiry is at least two days after the valuation time (docs/language.md, "Units"); in a series of
     * snapshots, after the row's snapshot.
     */
    private DoubleCode timeRemaining(DoubleCode instant) {
        if (frame.has(Calibration.SNAPSHOT)) {
            // A series of snapshots: each row's time remaining counts from its own snapshot.
            double[] snapshots = frame.doubles(Calibration.SNAPSHOT);
            return row -> (instant.at(row) - snapshots[row]) / SECONDS_PER_YEAR;
        }
        double valuation = RowFrame.seconds(frame.valuationTime());
        return row -> (instant.at(row) - valuation) / SECONDS_PER_YEAR;
    }

    /** IEEE comparisons: anything compared with NaN is false, so a row with an undefined value is not kept. */
    private static BooleanCode order(BinaryOperator operator, DoubleCode a, DoubleCode b) {
        return switch (operator) {
            case EQUAL -> row -> a.at(row) == b.at(row);
            case NOT_EQUAL -> row -> a.at(row) != b.at(row);
            case LESS -> row -> a.at(row) < b.at(row);
            case LESS_EQUAL -> row -> a.at(row) <= b.at(row);
            case GREATER -> row -> a.at(row) > b.at(row);
            case GREATER_EQUAL -> row -> a.at(row) >= b.at(row);
            default -> throw new IllegalStateException("not a comparison: " + operator);
        };
    }

    /**
     * {@code starts_with(text, prefix)} and the other text tests: the test is built once from a second argument that
     * is the same in every row (a literal or a bound name), else once per row from that row's column value.
     */
    private BooleanCode textTest(Expr.Call call, Function<String, Predicate<String>> test) {
        List<Expr> arguments = checked.argumentsOf(call);
        TextCode text = text(arguments.get(0));
        Expr second = arguments.get(1);
        TextCode argument = text(second);
        String name = call.callee().id();
        if (second instanceof Expr.Name column && checked.isColumn(column)) {
            return row -> built(test, argument.at(row), name, second.span(), row).test(text.at(row));
        }
        Predicate<String> once = built(test, argument.at(0), name, second.span(), -1);
        return row -> once.test(text.at(row));
    }

    /** The test for one value of its second argument; a pattern that is no regular expression fails at its span. */
    private Predicate<String> built(Function<String, Predicate<String>> test, String argument, String name, Span span,
                                    int row) {
        try {
            return test.apply(argument);
        } catch (PatternSyntaxException notARegex) {
            throw new RunFailure(span, "the pattern of " + name + " is not a regular expression: "
                    + TextEntries.PatternProblem.of(notARegex).sentence() + " of \"" + argument + "\"" + (row >= 0 && frame.rows() > 1 ? " (row " + (row + 1) + " of the table)" : ""));
        }
    }

    // ---- text

    TextCode text(Expr expr) {
        return nested(expr, this::textCode);
    }

    private TextCode textCode(Expr expr) {
        return switch (expr) {
            case Expr.StringLiteral literal -> {
                String value = literal.value();
                yield row -> value;
            }
            case Expr.Name name -> {
                if (checked.isColumn(name)) {
                    String[] column = frame.texts(name.id());
                    yield row -> column[row];
                }
                String value = ((TextValue) bindings.apply(name.id())).value();
                yield row -> value;
            }
            case Expr.Call call when checked.scriptFunction(call) != null ->
                    scriptCalls().text(call, checked.scriptFunction(call), checked.argumentsOf(call), argumentKinds(call));
            default -> throw new IllegalStateException("not text: " + expr);
        };
    }
}
