package margo.dsl.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.diagnostic.InternalFailure;
import margo.dsl.diagnostic.Suggestions;
import margo.dsl.registry.FunctionSpec;
import margo.dsl.registry.ModelFamily;
import margo.dsl.registry.ParameterSpec;
import margo.dsl.registry.ProofEntries;
import margo.dsl.registry.Registry;
import margo.dsl.registry.SettingSpec;
import margo.dsl.registry.TextEntries;
import margo.dsl.script.Scripts;
import margo.dsl.syntax.BinaryOperator;
import margo.dsl.syntax.Block;
import margo.dsl.syntax.Clause;
import margo.dsl.syntax.Expr;
import margo.dsl.syntax.Expr.Name;
import margo.dsl.syntax.NestingLimits;
import margo.dsl.syntax.NumberUnit;
import margo.dsl.syntax.Program;
import margo.dsl.syntax.SourceFile;
import margo.dsl.syntax.Span;
import margo.dsl.syntax.Stmt;
import margo.dsl.syntax.UnaryOperator;

/**
 * The checking phase, between the parser and the runner: resolves every name (bindings in statement order, the
 * columns of the table in scope inside {@code keep}, {@code set} and {@code show columns}, built-ins), checks
 * arity, named arguments, kinds, units and settings against the {@link Registry}, and reports every problem in
 * one pass, each at the span of its cause. Nothing is loaded or computed here.
 */
public final class Checker {

    private static final String DURATION_HINT = "durations are written with a unit: 8h 2d 3w 6mo 1y";

    final Registry registry;
    private final SourceFile source;
    private final boolean redefinitionAllowed;
    private final Map<String, Type> bindings;
    private final Map<String, Integer> definedOnLine = new HashMap<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final IdentityHashMap<Expr, Type> types = new IdentityHashMap<>();
    private final Set<Name> columnReferences = Collections.newSetFromMap(new IdentityHashMap<>());
    private final IdentityHashMap<Stmt, Type> boundTypes = new IdentityHashMap<>();
    private final IdentityHashMap<Expr.Call, List<Expr>> callArguments = new IdentityHashMap<>();
    /** The columns in scope while checking a row expression; null outside {@code keep}, {@code set}. */
    private TableSchema rowScope;
    /** What the names of {@link #rowScope} are, for messages: columns, or a model's parameters in require. */
    private String rowScopeNoun = "column";
    /** The statements and plots of price histories and the margin calibrated from them. */
    private final HistoryChecker histories = new HistoryChecker(this);
    /** The script statements and the calls of the functions they export. */
    private final ScriptChecker scripts;
    /** {@code model N = characteristic_function { ... }}: models defined by a script's characteristic function. */
    private final UserModelChecker userModels;
    /** The greeks plot and the block of a hedge. */
    private final HedgeChecker hedges = new HedgeChecker(this);
    /** Expressions being checked inside one another, bounded by {@link NestingLimits#MAX_DEPTH}. */
    private int depth;
    private Set<String> textChoices;
    /** Whether the statement being checked has reached the depth limit, which it is told once. */
    private boolean depthLimitReported;

    private Checker(Registry registry, SourceFile source, Map<String, Type> sessionBindings,
                    boolean redefinitionAllowed, Scripts scripts) {
        this.registry = registry;
        this.source = source;
        this.scripts = new ScriptChecker(this, source, scripts);
        this.userModels = new UserModelChecker(this, this.scripts);
        this.bindings = new LinkedHashMap<>(sessionBindings);
        this.redefinitionAllowed = redefinitionAllowed;
    }

    /**
     * Checks {@code program} as it would run after the bindings already made.
     *
     * @param sessionBindings     names bound by earlier cells or recipes of the session, with their types
     * @param redefinitionAllowed true in a notebook, where a second definition replaces the first; false in a
     *                            recipe file, where it is an error
     */
    public static CheckedProgram check(Registry registry, Program program, Map<String, Type> sessionBindings,
                                       boolean redefinitionAllowed) {
        return check(registry, program, sessionBindings, redefinitionAllowed, null);
    }

    /**
     * As {@link #check(Registry, Program, Map, boolean)}, loading the program's scripts into {@code scripts} (the
     * session's sandboxes and the functions earlier scripts exported); without it a script is an error.
     */
    public static CheckedProgram check(Registry registry, Program program, Map<String, Type> sessionBindings,
                                       boolean redefinitionAllowed, Scripts scripts) {
        Checker checker = new Checker(registry, program.source(), sessionBindings, redefinitionAllowed, scripts);
        for (Stmt statement : program.statements()) {
            try {
                checker.statement(statement);
            } catch (RuntimeException | StackOverflowError bug) {
                throw new InternalFailure(program.source(), statement.span(), "checking", bug);
            }
        }
        checker.diagnostics.addAll(checker.scripts.notes());
        return new CheckedProgram(program, checker.diagnostics, checker.types, checker.columnReferences,
                checker.boundTypes, checker.callArguments, checker.scripts.calls(), checker.scripts.loaded(),
                checker.scripts.characteristicFunctions());
    }

    // ---- statements

    private void statement(Stmt statement) {
        depthLimitReported = false;
        switch (statement) {
            case Stmt.Binding binding -> binding(binding);
            case Stmt.Show show -> show(show);
            case Stmt.ExpressionStatement bare -> expression(bare.value());
            case Stmt.Plot plot -> plot(plot);
            case Stmt.Export export -> export(export);
            case Stmt.FunctionDefinition function -> {
                unsupported(function.span(), "function");
                define(function.name(), Type.ERROR);
            }
            case Stmt.Script script -> scripts.script(script);
            case Stmt.Unparsed unparsed -> {
                if (unparsed.name() != null) {
                    define(unparsed.name(), Type.ERROR);
                }
            }
        }
    }

    private void binding(Stmt.Binding binding) {
        Type type;
        switch (binding.kind()) {
            case LET, DATA -> {
                if (binding.kind() == Stmt.BindingKind.LET && HedgeChecker.isHedge(binding.value())) {
                    type = hedges.hedge((Expr.Call) binding.value(), binding.block());
                    break;
                }
                if (binding.kind() == Stmt.BindingKind.LET && binding.value() instanceof Expr.Call call
                        && call.callee().id().equals(ProofEntries.PROVE)) {
                    // let p = prove_margin(book, account, rules) { level initial }: the block holds its settings
                    type = expression(call);
                    boolean ok = binding.block().isEmpty()
                            || familySettings("let", ProofEntries.PROVE, binding.block());
                    type = ok ? type : Type.ERROR;
                    break;
                }
                type = expression(binding.value());
                type = tableBlock(binding.kind().keyword(), type, binding.block());
                if (binding.kind() == Stmt.BindingKind.DATA && type.kind() != Kind.TABLE && !type.isError()) {
                    error(binding.value().span(), "data needs a table, not " + type.kind().withArticle(),
                            "load one with options(\"file.csv\"), or bind other values with let");
                    type = Type.ERROR;
                }
            }
            case RULES -> type = rules(binding);
            case BOOK -> type = book(binding);
            case SURFACE -> type = surface(binding);
            case MODEL -> type = model(binding);
            case FIT, REPLAY -> type = fit(binding);
            default -> {
                unsupported(binding.span(), binding.kind().keyword());
                type = Type.ERROR;
            }
        }
        boundTypes.put(binding, type);
        define(binding.name(), type);
    }

    /** The {@code keep} and {@code set} clauses of a {@code data} or {@code let} block, applied in order. */
    private Type tableBlock(String keyword, Type type, Block block) {
        TableSchema schema = type.schema();
        for (Clause clause : block.clauses()) {
            switch (clause) {
                case Clause.Keep keep -> {
                    if (needsTable(keyword, "keep", type, keep.span())) {
                        Type condition = rowExpression(schema, keep.condition());
                        if (condition.kind() != Kind.BOOLEAN && !condition.isError()) {
                            error(keep.condition().span(), "keep needs a condition (true or false), not "
                                    + condition.kind().withArticle());
                        }
                    }
                }
                case Clause.SetColumn set -> {
                    if (needsTable(keyword, "set", type, set.span())) {
                        Type value = rowExpression(schema, set.value());
                        if (value.kind() == Kind.TABLE || value.kind() == Kind.LIST || value.kind() == Kind.FIGURE) {
                            error(set.value().span(), "a column holds one number, text, boolean or instant per row, not "
                                    + value.kind().withArticle());
                            value = Type.ERROR;
                        }
                        schema = schema.withColumn(set.column().id(), value.kind());
                    }
                }
                case Clause.Setting setting -> error(setting.name().span(),
                        keyword + " has no setting '" + setting.name().id() + "'",
                        "the block of " + keyword + " takes keep CONDITION and set COLUMN = EXPR");
                default -> error(clause.span(), "this clause belongs in a model block, not in " + keyword);
            }
        }
        return schema == null ? type : Type.table(schema);
    }

    /** Whether a row clause has a table to work on; reports it when not (and not already an error). */
    private boolean needsTable(String keyword, String clause, Type type, Span span) {
        if (type.kind() == Kind.TABLE) {
            return true;
        }
        if (!type.isError()) {
            error(keywordSpan(span, clause), clause + " works on the rows of a table, but this " + keyword
                    + " binds " + type.kind().withArticle());
        }
        return false;
    }

    private Type rowExpression(TableSchema schema, Expr expr) {
        TableSchema outer = rowScope;
        rowScope = schema;
        try {
            return expression(expr);
        } finally {
            rowScope = outer;
        }
    }

    /**
     * An expression over named numbers that are not a table's columns (a model's parameters, a custom rule's
     * scenario aggregates), compiled like a row expression over a frame of one row; {@code noun} names them in
     * messages.
     */
    private Type scalarsExpression(Map<String, Kind> names, String noun, Expr expr) {
        String outer = rowScopeNoun;
        rowScopeNoun = noun;
        try {
            return rowExpression(TableSchema.of(names, false), expr);
        } finally {
            rowScopeNoun = outer;
        }
    }

    private void show(Stmt.Show show) {
        if (HedgeChecker.isHedge(show.value())) {
            hedges.hedge((Expr.Call) show.value(), show.block());
            return;
        }
        Type type = expression(show.value());
        Set<String> seen = new HashSet<>();
        for (Clause clause : show.block().clauses()) {
            if (!(clause instanceof Clause.Setting setting)) {
                error(keywordSpan(clause.span(), clauseWord(clause)), clauseWord(clause)
                        + " belongs in a data or let block; show takes settings such as columns and rows");
                continue;
            }
            String name = setting.name().id();
            if (stressMove(show.value(), setting) && seen.add(name)) {
                continue;
            }
            List<SettingSpec> known = registry.settings("show");
            if (registry.setting("show", name).isEmpty()) {
                error(setting.name().span(), "show has no setting '" + name + "'",
                        Suggestions.didYouMean(name, known.stream().map(SettingSpec::name).toList()));
                continue;
            }
            if (!seen.add(name)) {
                error(setting.name().span(), "the setting '" + name + "' is given twice");
            }
            if (!setting.block().isEmpty()) {
                error(setting.block().span(), "the setting '" + name + "' takes no block");
            }
            switch (name) {
                case "columns" -> showColumns(type, setting.value());
                case "rows" -> {
                    showRows(setting.value());
                    if (type.kind() != Kind.TABLE && !type.isError()) {
                        error(setting.name().span(), "rows applies to a table, and this shows " + type.kind().withArticle());
                    }
                }
                default -> throw new IllegalStateException("show setting without a check: " + name);
            }
        }
    }

    /** {@code export E to PATH}: E a table, PATH text naming a CSV file or a Parquet data set. */
    private void export(Stmt.Export export) {
        Type type = expression(export.value());
        if (type.kind() != Kind.TABLE && !type.isError()) {
            error(export.value().span(), "export writes a table to a file, and this is " + type.kind().withArticle(),
                    "show displays values that are not tables");
        }
        Type path = expression(export.path());
        if (path.kind() != Kind.TEXT && !path.isError()) {
            error(export.path().span(), "export needs the file's path as text, not " + path.kind().withArticle(),
                    "as in export margin(desk, pm) to \"margins.csv\"");
        } else if (export.path() instanceof Expr.StringLiteral literal && !literal.value().endsWith(".csv")
                && !literal.value().endsWith(".parquet")) {
            error(export.path().span(), exportFormats(literal.value()));
        }
    }

    /** The error of an export to a path that names neither a CSV file nor a Parquet data set. */
    public static String exportFormats(String path) {
        return "export writes CSV or Parquet, so the path must end in .csv or .parquet: " + path;
    }

        /** {@code plot E}: E must be a figure; plot has no settings yet. */
    private void plot(Stmt.Plot plot) {
        Type type = expression(plot.value());
        if (type.kind() != Kind.FIGURE && !type.isError() && !HistoryChecker.plottable(plot.value())
                && !HedgeChecker.plottable(plot.value())) {
            error(plot.value().span(), "plot needs a figure, such as smile(chain); got " + type.kind().withArticle(),
                    type.kind() == Kind.TABLE
                            ? "to draw the smile of a chain write plot smile(" + sourceOf(plot.value()) + "); show displays the table"
                            : "show displays values that are not figures");
        }
        for (Clause clause : plot.block().clauses()) {
            error(clause.span(), "plot takes no settings", "settings of a figure go in its function, e.g. smile(chain, x \"strike\")");
        }
    }

    /** Records the arguments of a checked call in parameter order, for the compiler. */
    void recordArguments(Expr.Call call, List<Expr> inParameterOrder) {
        callArguments.put(call, java.util.Collections.unmodifiableList(new ArrayList<>(inParameterOrder)));
    }

    /** The type found for an expression checked already, or null. */
    Type checkedType(Expr expr) {
        return types.get(expr);
    }

    /** The arguments of a call checked without error, in parameter order (null where left out). */
    List<Expr> argumentsOf(Expr.Call call) {
        return callArguments.get(call);
    }

    String sourceOf(Expr expr) {
        return source.text().substring(expr.span().start(), expr.span().end());
    }

    /**
     * {@code show stress(desk, pm) { price -40%, vol +80% }}: the move of a stress written in the block of its
     * show, the same as the named arguments {@code price = -40%, vol = 80%}. Whether the setting is
     * one; its value is checked (reported when wrong).
     */
    private boolean stressMove(Expr shown, Clause.Setting setting) {
        String name = setting.name().id();
        if (!(shown instanceof Expr.Call call) || !call.callee().id().equals("stress")
                || !(name.equals("price") || name.equals("vol"))) {
            return false;
        }
        boolean asArgument = call.arguments().stream().anyMatch(argument -> argument.name() != null
                && argument.name().id().equals(name));
        if (asArgument) {
            error(setting.name().span(), "the " + name + " move is given twice, as an argument and in the block");
        }
        Type value = expression(setting.value());
        if (value.kind() != Kind.NUMBER && !value.isError()) {
            error(setting.value().span(), (value.kind() == Kind.DURATION ? "unit mismatch: " : "") + name
                    + " takes a number (" + (name.equals("price") ? "a relative move, e.g. -40%" : "vol points added,"
                    + " e.g. 20%") + "), not " + value.kind().withArticle());
        }
        return true;
    }

    private void showColumns(Type type, Expr value) {
        if (!(value instanceof Expr.ListLiteral list)) {
            error(value.span(), "columns takes a list of column names, e.g. [instrument, strike, mid_iv]");
            return;
        }
        if (type.kind() != Kind.TABLE) {
            if (!type.isError()) {
                error(value.span(), "columns applies to a table, and this shows " + type.kind().withArticle());
            }
            return;
        }
        types.put(value, Type.LIST);
        Set<String> listed = new HashSet<>();
        for (Expr element : list.elements()) {
            if (!(element instanceof Name column)) {
                error(element.span(), "columns takes column names, not expressions",
                        "add the column with set in a data block, then show it");
            } else if (!listed.add(column.id())) {
                error(column.span(), "the column '" + column.id() + "' is listed twice");
            } else if (type.schema().kindOf(column.id()) == null) {
                error(column.span(), "unknown column '" + column.id() + "'",
                        Suggestions.didYouMean(column.id(), type.schema().names()));
            } else {
                columnReferences.add(column);
                types.put(column, Type.of(type.schema().kindOf(column.id())));
            }
        }
    }

    private void showRows(Expr value) {
        Type type = expression(value);
        if (type.kind() != Kind.NUMBER && !type.isError()) {
            error(value.span(), "rows takes a number of rows, not " + type.kind().withArticle());
        } else if (value instanceof Expr.NumberLiteral literal
                && (literal.unit() != NumberUnit.NONE || literal.value() < 1 || literal.value() != Math.rint(literal.value()))) {
            error(value.span(), "rows must be a whole number of at least 1, not " + literal.text());
        }
    }

    // ---- rules, book and surface

    /** {@code rules N = FAMILY { settings }}: a rules family by name, its settings checked against the registry. */
    private Type rules(Stmt.Binding binding) {
        if (binding.value() instanceof Expr.Calibrate calibrate) {
            return histories.calibrate(calibrate, binding.block());
        }
        List<String> families = registry.families("rules").stream().map(family -> family.name()).toList();
        if (!(binding.value() instanceof Name family) || !families.contains(family.id())) {
            String written = binding.value() instanceof Name name ? name.id() : null;
            error(binding.value().span(), "rules needs a rules family: " + String.join(", ", families),
                    written == null ? "e.g. rules pm = portfolio_margin { price_range 16% }"
                            : Suggestions.didYouMean(written, families));
            return Type.ERROR;
        }
        types.put(family, Type.RULES);
        boolean settings = family.id().equals("custom") ? customRules(family.span(), binding.block())
                : familySettings("rules", family.id(), binding.block());
        return settings ? Type.RULES : Type.ERROR;
    }

    /** The formulas of a custom rule, written {@code NAME = E}. */
    private static final List<String> CUSTOM_FORMULAS = List.of("initial", "maintenance");
    private static final List<String> SCENARIO_MOVES = List.of("price", "vol", "weight");

    /**
     * {@code rules N = custom { price [...]  vol [...]  scenario NAME { ... }  initial = E  maintenance = E }}: the
     * plain settings are checked as any family's; the named scenarios and the formulas here. A rule needs
     * scenarios (a grid or a named one) and an initial formula.
     */
    private boolean customRules(Span family, Block block) {
        List<Clause> settings = new ArrayList<>();
        Set<String> formulas = new HashSet<>();
        Set<String> scenarioNames = new HashSet<>();
        boolean ok = true;
        boolean grid = false;
        for (Clause clause : block.clauses()) {
            switch (clause) {
                case Clause.ParameterFixed formula when CUSTOM_FORMULAS.contains(formula.parameter().id()) ->
                        ok &= customFormula(formula, formulas);
                case Clause.ParameterFixed formula when registry.setting("custom", formula.parameter().id()).isEmpty() -> {
                    String hint = Suggestions.didYouMean(formula.parameter().id(), CUSTOM_FORMULAS);
                    error(formula.parameter().span(), "custom has no formula '" + formula.parameter().id() + "'",
                            hint != null ? hint : "its formulas are initial = E and maintenance = E");
                    ok = false;
                }
                case Clause.Setting setting when CUSTOM_FORMULAS.contains(setting.name().id()) -> {
                    error(setting.name().span(), setting.name().id() + " is a formula, written with '='",
                            setting.name().id() + " = " + sourceOf(setting.value()));
                    formulas.add(setting.name().id());
                    ok = false;
                }
                case Clause.Setting setting when setting.name().id().equals("scenario") ->
                        ok &= namedScenario(setting, scenarioNames);
                default -> {
                    String word = clauseWord(clause);
                    boolean axis = word.equals("price") || word.equals("vol");
                    grid |= axis;
                    if (axis && clause instanceof Clause.Setting setting
                            && setting.value() instanceof Expr.ListLiteral moves) {
                        if (moves.elements().isEmpty()) {
                            String what = word.equals("price") ? "move" : "shift";
                            error(moves.span(), word + " needs at least one " + what, "leave " + word + " out for [0%]");
                            ok = false;
                        }
                        for (Expr move : word.equals("price") ? moves.elements() : List.<Expr>of()) {
                            ok &= priceMove("price", move);
                        }
                    }
                    settings.add(clause);
                }
            }
        }
        ok &= familySettings("rules", "custom", new Block(List.copyOf(settings), block.span()));
        if (!formulas.contains("initial")) {
            error(family, "a custom rule needs an initial margin formula", "write one in its block, e.g."
                    + " initial = worst_loss + 10% * mean_loss");
            ok = false;
        }
        if (!grid && scenarioNames.isEmpty()) {
            error(family, "a custom rule needs scenarios", "write price [-20%, 0%, 20%] (with vol [...] for a"
                    + " grid), or scenario crash { price -50%  vol 80% }");
            ok = false;
        }
        return ok;
    }

    /** {@code initial = E} or {@code maintenance = E}: a number over the scenario aggregates (and initial). */
    private boolean customFormula(Clause.ParameterFixed formula, Set<String> written) {
        Name name = formula.parameter();
        if (!written.add(name.id())) {
            error(name.span(), "the formula '" + name.id() + "' is given twice");
            return false;
        }
        Map<String, Kind> scope = new LinkedHashMap<>();
        registry.scenarioAggregates().forEach(aggregate -> scope.put(aggregate.name(), Kind.NUMBER));
        if (name.id().equals("maintenance")) {
            scope.put("initial", Kind.NUMBER);
        }
        Type type = scalarsExpression(scope, "name in a margin formula", formula.value());
        if (type.kind() != Kind.NUMBER && !type.isError()) {
            error(formula.value().span(), (type.kind() == Kind.DURATION ? "unit mismatch: " : "") + name.id()
                    + " must be an amount in the settlement currency, not " + type.kind().withArticle(),
                    "e.g. " + name.id() + " = " + (name.id().equals("initial") ? "worst_loss" : "80% * initial"));
            return false;
        }
        return !type.isError();
    }

    /** {@code scenario NAME { price M  vol S  weight W }}: a named scenario besides the grid. */
    private boolean namedScenario(Clause.Setting scenario, Set<String> names) {
        String label = scenario.value() instanceof Name name ? name.id()
                : scenario.value() instanceof Expr.StringLiteral text ? text.value() : null;
        if (label == null) {
            error(scenario.value().span(), "a scenario needs a name", "e.g. scenario crash { price -50%  vol 80% }");
            return false;
        }
        boolean ok = true;
        if (!names.add(label)) {
            error(scenario.value().span(), "the scenario '" + label + "' is given twice");
            ok = false;
        }
        Set<String> seen = new HashSet<>();
        for (Clause clause : scenario.block().clauses()) {
            String word = clauseWord(clause);
            if (!(clause instanceof Clause.Setting move) || !SCENARIO_MOVES.contains(word)) {
                String hint = Suggestions.didYouMean(word, SCENARIO_MOVES);
                error(keywordSpan(clause.span(), word), "a scenario takes price, vol and weight, not " + word,
                        hint != null ? hint : "e.g. scenario crash { price -50%  vol 80%  weight 33% }");
                ok = false;
                continue;
            }
            if (!seen.add(word)) {
                error(move.name().span(), "the scenario's " + word + " is given twice");
                ok = false;
            }
            Type type = expression(move.value());
            if (type.kind() != Kind.NUMBER && !type.isError()) {
                error(move.value().span(), (type.kind() == Kind.DURATION ? "unit mismatch: " : "") + word
                        + " takes a number (" + switch (word) {
                            case "price" -> "a relative move, e.g. -50%";
                            case "vol" -> "vol points added, e.g. 80%";
                            default -> "the fraction of the scenario's P&L counted, e.g. 33%";
                        } + "), not " + type.kind().withArticle());
                ok = false;
            } else if (word.equals("price")) {
                ok &= priceMove("price", move.value());
            } else if (word.equals("weight") && constant(move.value()) instanceof Double weight
                    && !(weight >= 0 && weight <= 1)) {
                error(move.value().span(), "weight must be between 0% and 100%, not " + sourceOf(move.value()));
                ok = false;
            }
        }
        return ok;
    }

    /** A price move written as a number must be above -100%; computed ones are checked when the rule is built. */
    private boolean priceMove(String setting, Expr move) {
        if (constant(move) instanceof Double value && !(value > -1)) {
            error(move.span(), setting + " moves must be above -100% (a price cannot fall below zero), not "
                    + sourceOf(move));
            return false;
        }
        return true;
    }

    /** {@code book N = positions(PATH, market CHAIN)}. */
    private Type book(Stmt.Binding binding) {
        Type type = expression(binding.value());
        if (type.kind() != Kind.BOOK && !type.isError()) {
            error(binding.value().span(), "book needs positions, not " + type.kind().withArticle(),
                    "book desk = positions(\"data/book.csv\", market chain)");
            type = Type.ERROR;
        }
        if (!binding.block().isEmpty()) {
            error(binding.block().span(), "book takes no block");
        }
        return type;
    }

    /** {@code surface N = FAMILY(CHAIN) { settings }}. */
    private Type surface(Stmt.Binding binding) {
        List<String> families = registry.families("surface").stream().map(family -> family.name()).toList();
        if (!(binding.value() instanceof Expr.Call call) || !families.contains(call.callee().id())) {
            String written = binding.value() instanceof Expr.Call call ? call.callee().id()
                    : binding.value() instanceof Name name ? name.id() : null;
            String hint = written == null ? null : Suggestions.didYouMean(written, families);
            error(binding.value().span(), "surface needs a smile family applied to a chain: "
                    + String.join(", ", families.stream().map(family -> family + "(chain)").toList()),
                    hint != null ? hint : "e.g. surface sv = svi(chain) { arbitrage_free true }");
            return Type.ERROR;
        }
        Type type = expression(call);
        boolean settings = familySettings("surface", call.callee().id(), binding.block());
        return settings ? type : Type.ERROR;
    }

    /** The settings of a rules or surface family's block; whether all are right (the wrong ones are reported). */
    private boolean familySettings(String statement, String family, Block block) {
        boolean ok = true;
        Set<String> seen = new HashSet<>();
        List<String> known = registry.settings(family).stream().map(SettingSpec::name).toList();
        for (Clause clause : block.clauses()) {
            if (clause instanceof Clause.ParameterFixed fixed && known.contains(fixed.parameter().id())) {
                error(fixed.parameter().span(), fixed.parameter().id() + " is a setting, written without '='",
                        fixed.parameter().id() + " " + sourceOf(fixed.value()));
                ok = false;
                continue;
            }
            if (!(clause instanceof Clause.Setting setting)) {
                error(keywordSpan(clause.span(), clauseWord(clause)), clauseWord(clause) + " belongs in a data or"
                        + " let block; " + statement + " takes settings of " + family + ", e.g. " + known.getFirst());
                ok = false;
                continue;
            }
            String name = setting.name().id();
            SettingSpec spec = registry.setting(family, name).orElse(null);
            if (spec == null) {
                String hint = Suggestions.didYouMean(name, known);
                error(setting.name().span(), family + " has no setting '" + name + "'", hint != null ? hint
                        : "its settings: " + String.join(", ", known));
                ok = false;
                continue;
            }
            if (!seen.add(name)) {
                error(setting.name().span(), "the setting '" + name + "' is given twice");
                ok = false;
            }
            if (!setting.block().isEmpty()) {
                error(setting.block().span(), "the setting '" + name + "' takes no block");
                ok = false;
            }
            ok &= settingValue(family, spec, setting.value());
        }
        return ok;
    }

    /** One setting's value against its kind and unit; whether it is right (reported when not). */
    boolean settingValue(String family, SettingSpec spec, Expr value) {
        String name = spec.name();
        List<String> choices = registry.settingChoices(family, name);
        if (!choices.isEmpty()) {
            String word = value instanceof Name bare ? bare.id() : value instanceof Expr.StringLiteral text ? text.value() : null;
            if (word == null || !choices.contains(word.toLowerCase(Locale.ROOT))) {
                error(value.span(), name + " takes one of " + String.join(", ", choices),
                        word == null ? null : Suggestions.didYouMean(word.toLowerCase(Locale.ROOT), choices));
                return false;
            }
            types.put(value, Type.TEXT);
            return true;
        }
        if (spec.unit().equals("short / long") && value instanceof Expr.Binary pair
                && pair.operator() == BinaryOperator.DIVIDE) {
            return settingValue(family, spec, pair.left()) & settingValue(family, spec, pair.right());
        }
        Type type = expression(value);
        if (type.isError()) {
            return false;
        }
        if (spec.accepts() == Kind.LIST && value instanceof Expr.ListLiteral list) {
            boolean ok = true;
            for (Expr element : list.elements()) {
                Kind kind = types.get(element).kind();
                if (kind != Kind.NUMBER && kind != Kind.ERROR) {
                    error(element.span(), (kind == Kind.DURATION ? "unit mismatch: " : "") + name
                            + " takes numbers (" + (name.equals("vol") ? "vol shifts such as -10% or 30%"
                            : "price moves such as -33% or 100%") + "), not " + kind.withArticle());
                    ok = false;
                }
            }
            return ok;
        }
        if (type.kind() != spec.accepts()) {
            boolean units = isNumberAndDuration(type.kind(), spec.accepts());
            error(value.span(), (units ? "unit mismatch: " : "") + name + " takes " + spec.accepts().withArticle()
                    + " (" + spec.unit() + "), not " + type.kind().withArticle(), units
                    ? (spec.accepts() == Kind.DURATION ? DURATION_HINT : name + " is not a time; write e.g. "
                    + spec.defaultValue()) : "e.g. " + name + " " + spec.defaultValue());
            return false;
        }
        return true;
    }


    // ---- models and fits

    /** The columns of a chain that a fit reads; mid_usd only for the price target. */
    private static final List<String> FIT_COLUMNS = List.of("expiry", "type", "forward", "strike", "time_to_expiry");

    /**
     * {@code model N = FAMILY { P in [lo, hi] start x; P = x; require E [penalty w] }}. Bounds written as numbers
     * are checked here (lower above upper, start outside the bounds); computed ones when the statement runs.
     */
    private Type model(Stmt.Binding binding) {
        if (binding.value() instanceof Name name && name.id().equals(UserModelChecker.FAMILY)) {
            return userModels.model(binding);
        }
        ModelFamily family = modelFamily(binding.value());
        Set<String> seen = new HashSet<>();
        for (Clause clause : binding.block().clauses()) {
            switch (clause) {
                case Clause.ParameterBounds bounds -> {
                    Type lower = expression(bounds.lower());
                    Type upper = expression(bounds.upper());
                    Type start = bounds.start() == null ? Type.NUMBER : expression(bounds.start());
                    if (!modelParameter(family, bounds.parameter(), seen)) {
                        continue;
                    }
                    needsNumber(bounds.lower(), lower, "a lower bound");
                    needsNumber(bounds.upper(), upper, "an upper bound");
                    if (bounds.start() != null) {
                        needsNumber(bounds.start(), start, "a start");
                    }
                    Double lo = constant(bounds.lower());
                    Double hi = constant(bounds.upper());
                    Double at = bounds.start() == null ? null : constant(bounds.start());
                    ModelFamily.Parameter parameter = family.parameter(bounds.parameter().id()).orElseThrow();
                    outsideDomain(parameter, "lower bound", true, bounds.lower(), lo);
                    outsideDomain(parameter, "upper bound", true, bounds.upper(), hi);
                    if (at != null && (lo == null || at >= lo) && (hi == null || at <= hi)) {
                        outsideDomain(parameter, "start", false, bounds.start(), at); // v0 in [0, 4] start 0
                    }
                    if (lo != null && hi != null && lo > hi) {
                        error(bounds.span(), "the bounds of '" + bounds.parameter().id() + "' are empty: the lower "
                                + sourceOf(bounds.lower()) + " is above the upper " + sourceOf(bounds.upper()),
                                "write [lower, upper] with lower <= upper");
                    } else if (at != null && ((lo != null && at < lo) || (hi != null && at > hi))) {
                        error(bounds.start().span(), "the start " + sourceOf(bounds.start()) + " of '"
                                + bounds.parameter().id() + "' is outside its bounds [" + sourceOf(bounds.lower())
                                + ", " + sourceOf(bounds.upper()) + "]");
                    }
                }
                case Clause.ParameterFixed fixed -> {
                    Type value = expression(fixed.value());
                    if (modelParameter(family, fixed.parameter(), seen)) {
                        needsNumber(fixed.value(), value, "a value");
                        outsideDomain(family.parameter(fixed.parameter().id()).orElseThrow(), "value", false,
                                fixed.value(), constant(fixed.value()));
                    }
                }
                case Clause.Require require -> require(family == null ? null : family.parameterNames(),
                        family == null ? null : family.name(), require);
                default -> error(keywordSpan(clause.span(), clauseWord(clause)), "a model block takes"
                        + " 'P in [lo, hi] start x', 'P = x' and 'require E', not " + clauseWord(clause));
            }
        }
        return family == null ? Type.ERROR : Type.MODEL;
    }

    /**
     * {@code require E [penalty w]} over a model's parameters ({@code names}, of the model {@code model}); only the
     * penalty is checked when the names are unknown (null).
     */
    void require(List<String> names, String model, Clause.Require require) {
        if (names != null) {
            Map<String, Kind> parameters = new LinkedHashMap<>();
            names.forEach(name -> parameters.put(name, Kind.NUMBER));
            Type condition = scalarsExpression(parameters, "parameter of " + model, require.condition());
            if (condition.kind() != Kind.BOOLEAN && !condition.isError()) {
                error(require.condition().span(), "require needs a condition over the parameters,"
                        + " such as 2 * kappa * theta >= xi^2, not " + condition.kind().withArticle());
            } else if (!condition.isError()) {
                constraintForm(require.condition());
            }
        }
        if (require.penalty() != null) {
            Type penalty = expression(require.penalty());
            needsNumber(require.penalty(), penalty, "a penalty");
            Double weight = constant(require.penalty());
            if (weight != null && !(weight > 0)) {
                error(require.penalty().span(), "the penalty must be a positive number, not "
                        + sourceOf(require.penalty()), "leave the penalty out for a hard constraint");
            }
        }
    }

    /** A bound, start or value written as a number outside the parameter's domain, as rho in [-5, 5]. */
    private void outsideDomain(ModelFamily.Parameter parameter, String role, boolean bound, Expr written,
            Double value) {
        String problem = value == null ? null : parameter.outsideDomain(role, bound, sourceOf(written), value);
        if (problem != null) {
            error(written.span(), problem, parameter.domainHint());
        }
    }

    /**
     * A constraint is an ordering ({@code <, <=, >, >=}) of two numbers, or {@code and} / {@code or} of such: its
     * size of violation is what a penalty weighs, which {@code ==}, {@code not} or a boolean name do not have.
     */
    private void constraintForm(Expr condition) {
        if (condition instanceof Expr.Binary binary && binary.operator().isLogical()) {
            constraintForm(binary.left());
            constraintForm(binary.right());
        } else if (!(condition instanceof Expr.Binary binary && binary.operator().isComparison()
                && binary.operator() != BinaryOperator.EQUAL && binary.operator() != BinaryOperator.NOT_EQUAL)) {
            error(condition.span(), "require takes inequalities (<, <=, >, >=) joined by and / or",
                    "write the constraint as lhs >= rhs, e.g. 2 * kappa * theta >= xi^2");
        }
    }

    private ModelFamily modelFamily(Expr value) {
        List<String> families = registry.modelFamilies().stream().map(ModelFamily::name).toList();
        if (!(value instanceof Name name)) {
            error(value.span(), "model needs a model family: " + String.join(", ", families));
            return null;
        }
        ModelFamily family = registry.modelFamily(name.id()).orElse(null);
        if (family == null) {
            error(name.span(), "unknown model family '" + name.id() + "'", Suggestions.didYouMean(name.id(), families)
                    != null ? Suggestions.didYouMean(name.id(), families) : "the families are " + String.join(", ", families));
        }
        return family;
    }

    /** Whether {@code parameter} belongs to the family and is mentioned once; reports it when not. */
    private boolean modelParameter(ModelFamily family, Name parameter, Set<String> seen) {
        if (family == null) {
            return false;
        }
        if (family.parameter(parameter.id()).isEmpty()) {
            String hint = Suggestions.didYouMean(parameter.id(), family.parameterNames());
            error(parameter.span(), family.name() + " has no parameter '" + parameter.id() + "'",
                    hint != null ? hint : "its parameters are " + String.join(", ", family.parameterNames()));
            return false;
        }
        if (!seen.add(parameter.id())) {
            error(parameter.span(), "the parameter '" + parameter.id() + "' is given twice");
            return false;
        }
        return true;
    }

    void needsNumber(Expr expr, Type type, String what) {
        if (type.kind() != Kind.NUMBER && !type.isError()) {
            error(expr.span(), what + " must be a number, not " + type.kind().withArticle(),
                    type.kind() == Kind.DURATION ? DURATION_HINT : null);
        }
    }

    /** The value of a number written as a literal, or the negation of one; null for anything computed. */
    static Double constant(Expr expr) {
        return switch (expr) {
            case Expr.NumberLiteral literal when literal.unit() != NumberUnit.DURATION -> literal.value();
            case Expr.Unary unary when unary.operator() == UnaryOperator.NEGATE -> {
                Double operand = constant(unary.operand());
                yield operand == null ? null : -operand;
            }
            default -> null;
        };
    }

    /**
     * {@code fit N = calibrate MODEL to DATA { target ...  weight E  method M { ... }  starts n  seed n ... }}, and
     * {@code replay N = calibrate MODEL to SERIES { budget d ... }}, which takes a fit's settings but warm_start.
     */
    private Type fit(Stmt.Binding binding) {
        String statement = binding.kind().keyword();
        if (!(binding.value() instanceof Expr.Calibrate calibrate)) {
            expression(binding.value());
            error(binding.value().span(), statement + " needs a calibration: calibrate MODEL to DATA",
                    statement + " hf = calibrate hs to chain { starts 4 }");
            return Type.ERROR;
        }
        Type model = expression(calibrate.model());
        Type data = expression(calibrate.data());
        boolean ok = !model.isError() && !data.isError();
        if (model.kind() != Kind.MODEL && !model.isError()) {
            error(calibrate.model().span(), "calibrate needs a model, not " + model.kind().withArticle(),
                    "define one first: model hs = heston");
            ok = false;
        }
        String target = "implied_vol";
        boolean series = data.kind() == Kind.TABLE && data.schema().kindOf("snapshot") == Kind.INSTANT;
        Set<String> seen = new HashSet<>();
        for (Clause clause : binding.block().clauses()) {
            if (!(clause instanceof Clause.Setting setting)) {
                error(keywordSpan(clause.span(), clauseWord(clause)), clauseWord(clause) + " does not belong in a"
                        + " " + statement + " block", "a " + statement + " takes settings: " + registry
                                .settings(statement).stream().map(SettingSpec::name).collect(Collectors.joining(", ")));
                continue;
            }
            String name = setting.name().id();
            if (registry.setting(statement, name).isEmpty()) {
                error(setting.name().span(), statement + " has no setting '" + name + "'", Suggestions.didYouMean(
                        name, registry.settings(statement).stream().map(SettingSpec::name).toList()));
                continue;
            }
            if (!seen.add(name)) {
                error(setting.name().span(), "the setting '" + name + "' is given twice");
            }
            if (!setting.block().isEmpty() && !name.equals("method")) {
                error(setting.block().span(), "the setting '" + name + "' takes no block");
            }
            switch (name) {
                case "target" -> {
                    if (choice(setting.value(), "target", Registry.TARGETS)) {
                        target = ((Name) setting.value()).id();
                    }
                }
                case "weight" -> {
                    if (data.kind() == Kind.TABLE) {
                        Type weight = rowExpression(data.schema(), setting.value());
                        needsNumber(setting.value(), weight, "a weight");
                    } else {
                        expression(setting.value());
                    }
                }
                case "method" -> {
                    if (choice(setting.value(), "method", Registry.SOLVERS)) {
                        solverSettings(((Name) setting.value()).id(), setting.block());
                    }
                }
                case "starts", "seed" -> wholeNumber(setting.value(), name, name.equals("starts") ? 1 : 0);
                case "expiries" -> {
                    Type list = expression(setting.value());
                    boolean instants = setting.value() instanceof Expr.ListLiteral literal
                            && !literal.elements().isEmpty() && literal.elements().stream()
                                    .allMatch(element -> types.get(element).kind() == Kind.INSTANT);
                    if (!instants && !list.isError()) {
                        error(setting.value().span(), "expiries takes a list of expiry dates or instants,"
                                + " e.g. [2024-03-29, 2024-04-26]");
                    }
                }
                case "warm_start" -> {
                    Type warm = expression(setting.value());
                    if (warm.kind() != Kind.BOOLEAN && !warm.isError()) {
                        error(setting.value().span(), "warm_start takes true or false, not " + warm.kind()
                                .withArticle());
                    }
                    if (!series && data.kind() == Kind.TABLE) {
                        error(setting.name().span(), "warm_start is for a fit to a series of snapshots; "
                                + sourceOf(calibrate.data()) + " is one chain",
                                "load a series with data week = snapshots(\"folder\")");
                    }
                }
                case "time_limit", "budget" -> {
                    Type limit = expression(setting.value());
                    if (limit.kind() != Kind.DURATION && !limit.isError()) {
                        error(setting.value().span(), name + " takes a duration such as "
                                + (name.equals("budget") ? "10ms or 1s" : "1h or 1d") + ", not "
                                + limit.kind().withArticle(), DURATION_HINT);
                    }
                }
                default -> throw new IllegalStateException("fit setting without a check: " + name);
            }
        }
        if (data.kind() != Kind.TABLE) {
            if (!data.isError()) {
                error(calibrate.data().span(), "calibrate needs an option chain (a table), not "
                        + data.kind().withArticle(), "load one with data chain = options(\"file.csv\")");
            }
            return Type.ERROR;
        }
        if (binding.kind() == Stmt.BindingKind.REPLAY && !series) {
            error(calibrate.data().span(), "replay needs a stream of snapshots; " + sourceOf(calibrate.data())
                    + " is one chain", "load one with data stream = snapshots(\"tardis.csv\", every 1m)");
            ok = false;
        }
        List<String> needed = new ArrayList<>(FIT_COLUMNS);
        needed.add(target.equals("price") ? "mid_usd" : "mid_iv");
        for (String column : needed) {
            if (data.schema().kindOf(column) == null) {
                error(calibrate.data().span(), "calibrate needs the column '" + column + "' in "
                        + sourceOf(calibrate.data()), "calibrate to a chain loaded with options(...)");
                ok = false;
            }
        }
        return !ok ? Type.ERROR : series ? Type.FIT_SERIES : Type.FIT;
    }

    /** A bare word from {@code choices} ({@code target price}); reports anything else. */
    private boolean choice(Expr value, String setting, List<String> choices) {
        if (value instanceof Name word && choices.contains(word.id())) {
            types.put(value, Type.TEXT);
            return true;
        }
        String written = value instanceof Name word ? word.id()
                : value instanceof Expr.StringLiteral text ? text.value() : sourceOf(value);
        error(value.span(), setting + " must be one of " + String.join(", ", choices) + ", not " + written,
                Suggestions.didYouMean(written, choices));
        return false;
    }

    /** The block of {@code method NAME { ... }}: the solver's own settings, each a number. */
    private void solverSettings(String method, Block block) {
        Set<String> seen = new HashSet<>();
        for (Clause clause : block.clauses()) {
            if (!(clause instanceof Clause.Setting setting)) {
                error(keywordSpan(clause.span(), clauseWord(clause)), clauseWord(clause) + " does not belong in the"
                        + " block of " + method);
                continue;
            }
            String name = setting.name().id();
            if (registry.setting(method, name).isEmpty()) {
                error(setting.name().span(), method + " has no setting '" + name + "'", Suggestions.didYouMean(name,
                        registry.settings(method).stream().map(SettingSpec::name).toList()));
                continue;
            }
            if (!seen.add(name)) {
                error(setting.name().span(), "the setting '" + name + "' is given twice");
            }
            if (name.startsWith("max_") || name.equals("population")) {
                wholeNumber(setting.value(), name, name.equals("population") ? 0 : 1);
            } else {
                Type type = expression(setting.value());
                needsNumber(setting.value(), type, name);
                Double value = constant(setting.value());
                if (value != null && !(value > 0)) {
                    error(setting.value().span(), name + " must be positive, not " + sourceOf(setting.value()));
                }
            }
        }
    }

    /** A setting that takes a whole number of at least {@code least}. */
    private void wholeNumber(Expr value, String setting, int least) {
        Type type = expression(value);
        needsNumber(value, type, setting);
        Double number = constant(value);
        if (number != null && (number < least || number != Math.rint(number) || number > Integer.MAX_VALUE)) {
            error(value.span(), setting + " must be a whole number of at least " + least + ", not " + sourceOf(value));
        }
    }

    private void define(Name name, Type type) {
        Integer line = definedOnLine.get(name.id());
        if (!redefinitionAllowed && (line != null || bindings.containsKey(name.id()))) {
            error(name.span(), "'" + name.id() + "' is already defined" + (line != null ? " on line " + line : ""),
                    "in a recipe each name is defined once; choose another name");
        }
        definedOnLine.put(name.id(), name.span().line());
        bindings.put(name.id(), type);
    }

    private void unsupported(Span span, String keyword) {
        error(keywordSpan(span, keyword), keyword + " statements are not supported yet",
                "this version runs data, let, show and plot statements and bare expressions");
    }

    // ---- expressions

    /** The type of {@code expr}, recorded for the compiler; an error past {@link NestingLimits#MAX_DEPTH}. */
    Type expression(Expr expr) {
        if (depth >= NestingLimits.MAX_DEPTH) {
            if (!depthLimitReported) {
                error(expr.span(), NestingLimits.DEPTH_MESSAGE, NestingLimits.HINT);
                depthLimitReported = true;
            }
            types.put(expr, Type.ERROR);
            return Type.ERROR;
        }
        depth++;
        try {
            Type type = typeOf(expr);
            types.put(expr, type);
            return type;
        } finally {
            depth--;
        }
    }

    private Type typeOf(Expr expr) {
        return switch (expr) {
            case Expr.NumberLiteral number -> number.unit() == NumberUnit.DURATION ? Type.DURATION : Type.NUMBER;
            case Expr.StringLiteral ignored -> Type.TEXT;
            case Expr.BooleanLiteral ignored -> Type.BOOLEAN;
            case Expr.TimeLiteral ignored -> Type.INSTANT;
            case Name name -> name(name);
            case Expr.Unary unary -> unary(unary);
            case Expr.Binary binary -> binary(binary);
            case Expr.Call call -> call(call);
            case Expr.ListLiteral list -> {
                list.elements().forEach(this::expression);
                yield Type.LIST;
            }
            case Expr.Range range -> {
                error(range.span(), "ranges (a .. b step c) are not supported yet");
                yield Type.ERROR;
            }
            case Expr.Calibrate calibrate -> {
                error(calibrate.span(), "calibrate belongs in a fit or rules statement",
                        "fit hf = calibrate MODEL to CHAIN, or rules pm = calibrate RULES to HISTORY");
                yield Type.ERROR;
            }
        };
    }

    private Type name(Name name) {
        String id = name.id();
        if (rowScope != null && rowScope.kindOf(id) != null) {
            columnReferences.add(name);
            Kind kind = rowScope.kindOf(id);
            return kind == Kind.ERROR ? Type.ERROR : Type.of(kind);
        }
        Type bound = bindings.get(id);
        if (bound != null) {
            if (rowScope != null && (bound.kind() == Kind.TABLE || bound.kind() == Kind.LIST
                    || bound.kind() == Kind.FIGURE || bound.kind() == Kind.MODEL || bound.kind() == Kind.FIT
                    || bound.kind() == Kind.FIT_SERIES)) {
                error(name.span(), "'" + id + "' is " + bound.kind().withArticle()
                        + "; inside keep and set only columns and single values can be used");
                return Type.ERROR;
            }
            return bound;
        }
        if (id.equals("custom")) {
            error(name.span(), "custom rules have no defaults to use by name: their scenarios and formulas are written"
                    + " in a rules statement", "rules house = custom { price [-20%, 0%, 20%]  initial = worst_loss }");
            return Type.ERROR;
        }
        if (registry.family(id).filter(family -> family.statement().equals("rules")).isPresent()) {
            return Type.RULES;
        }
        if (registry.function(id).isPresent()) {
            error(name.span(), "'" + id + "' is a function", "call it: " + registry.function(id).get().signature());
            return Type.ERROR;
        }
        List<String> candidates = new ArrayList<>(bindings.keySet());
        if (rowScope != null) {
            candidates.addAll(0, rowScope.names());
        }
        String hint = Suggestions.didYouMean(id, candidates);
        if (hint == null && textChoices().contains(id)) {
            hint = "text is written in quotes: \"" + id + "\"";
        }
        error(name.span(), (rowScope != null ? "unknown " + rowScopeNoun + " '" : "unknown name '") + id + "'", hint);
        return Type.ERROR;
    }

    /** The registry's text choices, gathered once per check: a file of unknown names asks for each. */
    private Set<String> textChoices() {
        if (textChoices == null) {
            textChoices = registry.textChoices();
        }
        return textChoices;
    }

    private Type unary(Expr.Unary unary) {
        Type operand = expression(unary.operand());
        if (operand.isError()) {
            return unary.operator() == UnaryOperator.NOT ? Type.BOOLEAN : Type.ERROR;
        }
        if (unary.operator() == UnaryOperator.NOT) {
            if (operand.kind() != Kind.BOOLEAN) {
                error(unary.operand().span(), "'not' needs true or false, not " + operand.kind().withArticle());
            }
            return Type.BOOLEAN;
        }
        if (operand.kind() != Kind.NUMBER && operand.kind() != Kind.DURATION) {
            error(unary.span(), "cannot apply '" + unary.operator().symbol() + "' to " + operand.kind().withArticle());
            return Type.ERROR;
        }
        return operand;
    }

    private Type binary(Expr.Binary binary) {
        Type left = expression(binary.left());
        Type right = expression(binary.right());
        BinaryOperator operator = binary.operator();
        if (operator.isLogical()) {
            needsBoolean(operator, binary.left(), left);
            needsBoolean(operator, binary.right(), right);
            return Type.BOOLEAN;
        }
        if (left.isError() || right.isError()) {
            return operator.isComparison() ? Type.BOOLEAN : Type.ERROR;
        }
        return operator.isComparison() ? comparison(binary, left.kind(), right.kind())
                : arithmetic(binary, left.kind(), right.kind());
    }

    private void needsBoolean(BinaryOperator operator, Expr operand, Type type) {
        if (type.kind() != Kind.BOOLEAN && !type.isError()) {
            error(operand.span(), "'" + operator.symbol() + "' needs true or false on both sides, not "
                    + type.kind().withArticle());
        }
    }

    private Type comparison(Expr.Binary binary, Kind left, Kind right) {
        boolean ordering = binary.operator() != BinaryOperator.EQUAL && binary.operator() != BinaryOperator.NOT_EQUAL;
        if (left == right) {
            if (ordering && (left == Kind.TEXT || left == Kind.BOOLEAN || left == Kind.TABLE || left == Kind.LIST)) {
                error(binary.span(), "cannot order " + left.word() + " with '" + binary.operator().symbol() + "'");
            } else if (left == Kind.TABLE || left == Kind.LIST) {
                error(binary.span(), "cannot compare " + left.word() + "s");
            }
            return Type.BOOLEAN;
        }
        if (isInstantAndDuration(left, right)) {
            if (rowScope == null || !rowScope.isChain()) {
                error(binary.span(), "comparing an instant with a duration means time remaining after a chain's"
                        + " valuation time, so it works only inside keep and set of an option chain",
                        "to compare two instants write the difference: expiry - 2024-03-29T08:00Z >= 2d");
            }
            return Type.BOOLEAN;
        }
        boolean units = isNumberAndDuration(left, right);
        error(binary.span(), (units ? "unit mismatch: " : "") + "cannot compare " + left.withArticle() + " with "
                + right.withArticle(), units ? DURATION_HINT : null);
        return Type.BOOLEAN;
    }

    /**
     * The units of arithmetic: numbers with numbers, durations with durations, an instant moved by a duration,
     * the duration between two instants, and durations scaled by numbers.
     */
    private Type arithmetic(Expr.Binary binary, Kind left, Kind right) {
        Kind result = switch (binary.operator()) {
            case ADD -> left == right && (left == Kind.NUMBER || left == Kind.DURATION) ? left
                    : isInstantAndDuration(left, right) ? Kind.INSTANT : null;
            case SUBTRACT -> left == right && (left == Kind.NUMBER || left == Kind.DURATION) ? left
                    : left == Kind.INSTANT && right == Kind.INSTANT ? Kind.DURATION
                    : left == Kind.INSTANT && right == Kind.DURATION ? Kind.INSTANT : null;
            case MULTIPLY -> left == Kind.NUMBER && right == Kind.NUMBER ? Kind.NUMBER
                    : isNumberAndDuration(left, right) ? Kind.DURATION : null;
            case DIVIDE -> left == Kind.NUMBER && right == Kind.NUMBER ? Kind.NUMBER
                    : left == Kind.DURATION && right == Kind.NUMBER ? Kind.DURATION
                    : left == Kind.DURATION && right == Kind.DURATION ? Kind.NUMBER : null;
            case POWER -> left == Kind.NUMBER && right == Kind.NUMBER ? Kind.NUMBER : null;
            default -> throw new IllegalStateException("not arithmetic: " + binary.operator());
        };
        if (result == null) {
            boolean units = isNumberAndDuration(left, right) || isInstantAndDuration(left, right)
                    || (left == Kind.INSTANT && right == Kind.NUMBER) || (left == Kind.NUMBER && right == Kind.INSTANT);
            error(binary.span(), (units ? "unit mismatch: " : "") + "cannot apply '" + binary.operator().symbol()
                    + "' to " + left.withArticle() + " and " + right.withArticle(),
                    units ? DURATION_HINT : null);
            return Type.ERROR;
        }
        return Type.of(result);
    }

    private static boolean isInstantAndDuration(Kind a, Kind b) {
        return (a == Kind.INSTANT && b == Kind.DURATION) || (a == Kind.DURATION && b == Kind.INSTANT);
    }

    private static boolean isNumberAndDuration(Kind a, Kind b) {
        return (a == Kind.NUMBER && b == Kind.DURATION) || (a == Kind.DURATION && b == Kind.NUMBER);
    }

    private Type call(Expr.Call call) {
        String id = call.callee().id();
        FunctionSpec spec = registry.function(id).orElse(null);
        Scripts.Exported scripted = spec == null ? scripts.function(id) : null;
        if (scripted != null) {
            return scripts.call(call, scripted);
        }
        if (spec == null) {
            error(call.callee().span(), "unknown function '" + id + "'", Suggestions.didYouMean(id,
                    registry.functions().stream().map(FunctionSpec::name).toList()));
            call.arguments().forEach(argument -> expression(argument.value()));
            return Type.ERROR;
        }
        if (rowScope != null && !spec.inRows()) {
            error(call.span(), id + "(...) cannot be used inside keep or set", "bind it first: data chain = "
                    + spec.signature());
            return Type.ERROR;
        }
        List<Kind> argumentKinds = arguments(call, spec);
        if (argumentKinds == null) {
            return Type.ERROR;
        }
        if (id.equals("price")) {
            return priced(call);
        }
        if (id.equals("matches")) {
            regularExpression(callArguments.get(call).get(1));
        }
        if (HistoryChecker.takesHistory(id) && !histories.historyArgument(call)) {
            return Type.ERROR;
        }
        if (id.equals(HedgeChecker.HEDGE) && !hedges.placed(call)) {
            return Type.ERROR;
        }
        if (spec.returns() == Kind.TABLE) {
            return Type.table(registry.resultSchema(id).orElse(registry.chainSchema()));
        }
        if (spec.returns() != null) {
            return Type.of(spec.returns());
        }
        Kind first = argumentKinds.getFirst();
        for (int i = 1; i < argumentKinds.size(); i++) {
            if (argumentKinds.get(i) != first) {
                error(call.span(), "unit mismatch: " + id + " needs arguments of one kind, not "
                        + first.withArticle() + " and " + argumentKinds.get(i).withArticle(), DURATION_HINT);
                return Type.ERROR;
            }
        }
        return Type.of(first);
    }

    /**
     * A pattern written as a literal is compiled now, and one that is no regular expression is an error at the
     * character where it goes wrong (the whole literal when escapes in it move the characters).
     */
    private void regularExpression(Expr pattern) {
        if (!(pattern instanceof Expr.StringLiteral literal)) {
            return;
        }
        TextEntries.PatternProblem problem = TextEntries.patternProblem(literal.value());
        if (problem == null) {
            return;
        }
        Span span = literal.span();
        boolean plain = span.line() == span.endLine() && span.end() - span.start() == literal.value().length() + 2;
        if (plain && problem.index() >= 0) {
            int at = problem.index() + 1;
            span = new Span(span.line(), span.column() + at, span.line(), span.column() + at + 1, span.start() + at,
                    span.start() + at + 1);
        }
        error(span, "this pattern is not a regular expression: " + problem.sentence(),
                "matches takes a java.util.regex pattern, e.g. \"^BTC-\" or \"-(C|P)$\"");
    }

    /** {@code price(model, data)}: the data's columns and the model's price, price in coin and implied vol. */
    private Type priced(Expr.Call call) {
        Expr data = callArguments.get(call).get(1);
        TableSchema schema = types.get(data).schema();
        boolean ok = true;
        for (String column : List.of("type", "forward", "strike", "time_to_expiry")) {
            if (schema.kindOf(column) == null) {
                error(data.span(), "price needs the column '" + column + "' in " + sourceOf(data),
                        "price a chain loaded with options(...)");
                ok = false;
            }
        }
        return ok ? Type.table(schema.withColumn("model_price", Kind.NUMBER).withColumn("model_price_coin", Kind.NUMBER)
                .withColumn("model_iv", Kind.NUMBER)) : Type.ERROR;
    }

    /**
     * Binds and checks the arguments of a call to a known built-in; returns the kinds of the arguments in
     * parameter order, or null when any is wrong (already reported).
     */
    private List<Kind> arguments(Expr.Call call, FunctionSpec spec) {
        String id = spec.name();
        List<Expr.Argument> arguments = call.arguments();
        Map<String, Expr.Argument> byParameter = new LinkedHashMap<>();
        List<Expr.Argument> extra = new ArrayList<>();
        boolean ok = true;
        int positional = 0;
        int reportedAlone = 0;  // arguments reported on their own, not counted for arity
        boolean sawNamed = false;
        for (Expr.Argument argument : arguments) {
            if (argument.name() == null && negativeNamedArgument(spec, argument.value()) instanceof Name parameter) {
                error(argument.span(), "'" + source.text().substring(argument.span().start(), argument.span().end())
                        + "' reads as " + parameter.id() + " minus a number", "a negative named argument needs '=': "
                        + parameter.id() + " = -" + source.text().substring(((Expr.Binary) argument.value()).right()
                        .span().start(), argument.span().end()));
                reportedAlone++;
                ok = false;
            } else if (argument.name() == null) {
                if (sawNamed) {
                    error(argument.span(), "positional arguments come before named ones");
                    ok = false;
                }
                if (positional < spec.parameters().size()) {
                    byParameter.put(spec.parameters().get(positional).name(), argument);
                } else {
                    extra.add(argument);
                }
                positional++;
            } else {
                sawNamed = true;
                String name = argument.name().id();
                boolean known = spec.parameters().stream().anyMatch(parameter -> parameter.name().equals(name));
                if (!known) {
                    error(argument.name().span(), id + " has no parameter '" + name + "'", Suggestions.didYouMean(name,
                            spec.parameters().stream().map(ParameterSpec::name).toList()));
                    ok = false;
                } else if (byParameter.putIfAbsent(name, argument) != null) {
                    error(argument.name().span(), "the argument '" + name + "' is given twice");
                    ok = false;
                }
            }
        }
        int count = arguments.size() - reportedAlone;
        if (count < spec.minimumArguments() || count > spec.maximumArguments()) {
            List<String> missing = spec.parameters().stream().filter(parameter -> !parameter.optional()
                    && !byParameter.containsKey(parameter.name())).map(ParameterSpec::name).toList();
            error(count > spec.maximumArguments() ? arguments.get(spec.maximumArguments()).span() : call.span(),
                    id + " takes " + arity(spec) + ", not " + count, spec.signature()
                            + (count < spec.minimumArguments() && !missing.isEmpty()
                            ? "; missing: " + String.join(", ", missing) : ""));
            ok = false;
        } else {
            for (ParameterSpec parameter : spec.parameters()) {
                if (!parameter.optional() && !byParameter.containsKey(parameter.name())) {
                    error(call.span(), "missing argument '" + parameter.name() + "' of " + id, spec.signature());
                    ok = false;
                }
            }
        }
        List<Kind> kinds = new ArrayList<>();
        List<Expr> inParameterOrder = new ArrayList<>();
        for (ParameterSpec parameter : spec.parameters()) {
            Expr.Argument argument = byParameter.get(parameter.name());
            inParameterOrder.add(argument == null ? null : argument.value());
            if (argument != null) {
                Kind kind = argument(spec, parameter, argument);
                ok &= kind != null;
                kinds.add(kind);
            }
        }
        for (Expr.Argument argument : extra) {
            inParameterOrder.add(argument.value());
            if (spec.variadic()) {
                Kind kind = argument(spec, spec.parameterAt(spec.parameters().size()), argument);
                ok &= kind != null;
                kinds.add(kind);
            } else {
                expression(argument.value());
            }
        }
        if (ok) {
            callArguments.put(call, java.util.Collections.unmodifiableList(inParameterOrder));
        }
        return ok ? kinds : null;
    }

    /**
     * The parameter name of {@code price -40%} written as a named argument without '=', which parses as a
     * subtraction from an unbound name; null for any other argument.
     */
    private Name negativeNamedArgument(FunctionSpec spec, Expr value) {
        if (value instanceof Expr.Binary binary && binary.operator() == BinaryOperator.SUBTRACT
                && binary.left() instanceof Name name && !bindings.containsKey(name.id())
                && spec.parameters().stream().anyMatch(parameter -> parameter.name().equals(name.id()))) {
            return name;
        }
        return null;
    }

    /** Checks one argument against its parameter; its kind, or null when it is wrong (reported) or has an error. */
    private Kind argument(FunctionSpec spec, ParameterSpec parameter, Expr.Argument argument) {
        Type type = expression(argument.value());
        if (type.isError()) {
            return null;
        }
        if (!parameter.accepts().contains(type.kind())) {
            error(argument.value().span(), "argument '" + parameter.name() + "' of " + spec.name() + " must be "
                    + parameter.acceptsInWords() + ", not " + type.kind().withArticle(), kindHint(parameter, type.kind(),
                            argument.value()));
            return null;
        }
        if (!parameter.choices().isEmpty() && argument.value() instanceof Expr.StringLiteral text
                && !parameter.choices().contains(text.value().toLowerCase(Locale.ROOT))) {
            error(argument.value().span(), "'" + parameter.name() + "' must be one of "
                            + String.join(", ", parameter.choices()) + "; not \"" + text.value() + "\"",
                    Suggestions.didYouMean(text.value().toLowerCase(Locale.ROOT), parameter.choices()));
            return null;
        }
        return type.kind();
    }

    /** A hint for a value of the wrong kind: the unit mix-up, or how to get a model that prices. */
    private String kindHint(ParameterSpec parameter, Kind given, Expr value) {
        if (isNumberAndDuration(given, parameter.accepts().iterator().next())) {
            return DURATION_HINT;
        }
        if (given == Kind.MODEL && parameter.accepts().contains(Kind.FIT)) {
            return "calibrate it first: fit f = calibrate " + sourceOf(value) + " to CHAIN";
        }
        if (parameter.name().equals("priced_by")) {
            return "priced_by takes a fit (fit f = calibrate MODEL to CHAIN) or a surface (surface s = svi(CHAIN))";
        }
        return null;
    }

    private static String arity(FunctionSpec spec) {
        int min = spec.minimumArguments();
        int max = spec.maximumArguments();
        String noun = (max == 1 && min == 1) ? " argument" : " arguments";
        if (max == Integer.MAX_VALUE) {
            return "at least " + min + noun;
        }
        return (min == max ? Integer.toString(min) : min + " to " + max) + noun;
    }

    // ---- helpers

    static String clauseWord(Clause clause) {
        return switch (clause) {
            case Clause.Keep ignored -> "keep";
            case Clause.SetColumn ignored -> "set";
            case Clause.Setting setting -> setting.name().id();
            case Clause.Require ignored -> "require";
            case Clause.ParameterBounds bounds -> bounds.parameter().id();
            case Clause.ParameterFixed fixed -> fixed.parameter().id();
            case Clause.ScriptFunction function -> function.keyword().id();
        };
    }

    /** The span of the first {@code keyword.length()} characters of {@code span}: the keyword a statement starts with. */
    Span keywordSpan(Span span, String keyword) {
        if (source.text().startsWith(keyword, span.start())) {
            return new Span(span.line(), span.column(), span.line(), span.column() + keyword.length(), span.start(),
                    span.start() + keyword.length());
        }
        return span.line() == span.endLine() ? span
                : new Span(span.line(), span.column(), span.line(), span.column() + 1, span.start(), span.start() + 1);
    }

    void error(Span span, String message) {
        error(span, message, null);
    }

    void error(Span span, String message, String hint) {
        diagnostics.add(Diagnostic.error(source, span, message, hint));
    }
}
