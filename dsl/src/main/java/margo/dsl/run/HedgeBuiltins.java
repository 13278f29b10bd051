package margo.dsl.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import margo.core.hedging.BookGreeks;
import margo.core.hedging.Greek;
import margo.core.hedging.GreekTarget;
import margo.core.hedging.Greeks;
import margo.core.hedging.HedgeCandidate;
import margo.core.hedging.HedgeObjective;
import margo.core.hedging.HedgeProblem;
import margo.core.hedging.HedgeResult;
import margo.core.hedging.HedgeSolver;
import margo.core.hedging.HedgeTrade;
import margo.core.margin.Account;
import margo.core.margin.Book;
import margo.core.margin.Collateral;
import margo.core.margin.MarginGroup;
import margo.core.margin.MarginRule;
import margo.core.margin.PortfolioMarginRule;
import margo.core.margin.Position;
import margo.core.margin.Settlement;
import margo.core.market.InstrumentName;
import margo.core.market.OptionChain;
import margo.dsl.check.CheckedProgram;
import margo.dsl.plot.Figure;
import margo.dsl.plot.GreeksPlot;
import margo.dsl.syntax.Block;
import margo.dsl.syntax.Clause;
import margo.dsl.syntax.Expr;
import margo.dsl.syntax.Span;
import margo.dsl.value.BookValue;
import margo.dsl.value.FigureValue;
import margo.dsl.value.HedgeValue;
import margo.dsl.value.ListValue;
import margo.dsl.value.NumberValue;
import margo.dsl.value.ReportValue;
import margo.dsl.value.RulesValue;
import margo.dsl.value.TableValue;
import margo.dsl.value.TextValue;
import margo.dsl.value.Value;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The hedging built-ins: {@code greeks} tabulates a book's greeks through core's {@link BookGreeks} and
 * {@code plot greeks(...)} draws them by expiry ({@link GreeksPlot}); {@code hedge(book, account) { ... }} builds a
 * {@link HedgeProblem} from its block and solves it with core's {@link HedgeSolver}; {@code hedged(h)} is the book
 * after it. Options are priced as the margin built-ins price them ({@link MarginBuiltins#pricer}).
 */
final class HedgeBuiltins {

    /** Deribit's smallest BTC and ETH option size, the default lot. */
    private static final double DEFAULT_LOT = 0.1;

    private final CheckedProgram checked;
    private final Function<Expr, Value> evaluator;
    private final MarginBuiltins margins;
    private final MarginRules rules;

    HedgeBuiltins(CheckedProgram checked, Function<Expr, Value> evaluator, MarginBuiltins margins, MarginRules rules) {
        this.checked = checked;
        this.evaluator = evaluator;
        this.margins = margins;
        this.rules = rules;
    }

    static boolean handles(String function) {
        return function.equals("greeks") || function.equals("hedged");
    }

    /** Whether {@code plot F(...)} draws the table F returns as a figure. */
    static boolean plots(String function) {
        return function.equals("greeks");
    }

    Value call(Expr.Call call) {
        List<Expr> arguments = checked.argumentsOf(call);
        return MarginBuiltins.reportingRejection(call, () -> switch (call.callee().id()) {
            case "greeks" -> {
                BookValue book = (BookValue) evaluator.apply(arguments.get(0));
                yield new TableValue(BookGreeks.report(book.book(), margins.pricer(book, arguments.get(1))), null);
            }
            case "hedged" -> ((HedgeValue) evaluator.apply(arguments.get(0))).hedged();
            default -> throw new IllegalStateException("not a hedging built-in: " + call.callee().id());
        });
    }

    /** {@code plot greeks(book, priced_by?)}. */
    FigureValue figure(Expr.Call call) {
        List<Expr> arguments = checked.argumentsOf(call);
        return (FigureValue) MarginBuiltins.reportingRejection(call, () -> {
            BookValue book = (BookValue) evaluator.apply(arguments.get(0));
            Figure figure = GreeksPlot.byExpiry("greeks of " + label(arguments.get(0)), book.book(),
                    margins.pricer(book, arguments.get(1)), book.market().valuationTime());
            if (figure == null) {
                throw new RunFailure(call.span(), "greeks has nothing to draw: no margin group holds positions or coin");
            }
            return new FigureValue(figure);
        });
    }

    /** {@code hedge(book, account) { using ...  target { ... }  minimize ...  lot ...  max_size ...  rules ... }}. */
    HedgeValue hedge(Expr.Call call, Block block) {
        List<Expr> arguments = checked.argumentsOf(call);
        return (HedgeValue) MarginBuiltins.reportingRejection(call, () -> {
            BookValue book = (BookValue) evaluator.apply(arguments.get(0));
            Account account = margins.accounts(book.book(), arguments.get(1)).getFirst();
            MarginGroup pool = account.groups().stream().filter(group -> !group.isolated()).findFirst()
                    .orElseThrow(() -> new RunFailure(arguments.get(1).span(), "account " + account.name()
                            + " has no cross-margin pool to hedge"));
            List<HedgeCandidate> candidates = List.of();
            List<GreekTarget> targets = new ArrayList<>();
            HedgeObjective objective = new HedgeObjective.Cost();
            String objectiveText = "cost";
            MarginRule reported = null;
            double lot = DEFAULT_LOT;
            double maxSize = Double.POSITIVE_INFINITY;
            for (Clause clause : block.clauses()) {
                switch (clause) {
                    case Clause.Setting section when section.name().id().equals("target") ->
                            targets(section.block(), targets);
                    case Clause.Setting setting -> {
                        Expr value = setting.value();
                        switch (setting.name().id()) {
                            case "using" -> candidates = candidates(book, value);
                            case "minimize" -> {
                                objective = objective(value);
                                objectiveText = label(value);
                            }
                            case "lot" -> lot = number(value);
                            case "max_size" -> maxSize = number(value);
                            case "rules" -> reported = ((RulesValue) evaluator.apply(value)).rule();
                            default -> throw new IllegalStateException("hedge setting without a meaning: "
                                    + setting.name().id());
                        }
                    }
                    default -> throw new IllegalStateException("the checker lets through settings and target: "
                            + clause);
                }
            }
            if (objective instanceof HedgeObjective.Margin margin) {
                reported = margin.rule();
            } else if (reported == null) {
                reported = rules.defaults("deribit_standard").rule();
            }
            HedgeResult result = HedgeSolver.solve(new HedgeProblem(pool, book.pricer(), candidates, targets,
                    objective, reported, lot, maxSize));
            if (!result.feasible()) {
                throw new RunFailure(call.span(), infeasible(result, targets, book.pricer().indexPrice()),
                        "widen the binding target, or add an instrument that moves it to using");
            }
            List<String> notes = new ArrayList<>(result.notes());
            BookValue hedged = hedged(book, account, pool, result, notes);
            return new HedgeValue(report(account, objectiveText, result, notes, book.pricer().indexPrice()), hedged);
        });
    }

    private static String infeasible(HedgeResult result, List<GreekTarget> targets, double index) {
        StringBuilder binding = new StringBuilder();
        for (GreekTarget target : result.binding()) {
            binding.append(binding.isEmpty() ? "" : "; ").append(target.greek().columnName()).append(" gets to ")
                    .append(decimal(target.greek().of(result.after(), index))).append(" at best (target ")
                    .append(target.range()).append(")");
        }
        StringBuilder best = new StringBuilder();
        for (GreekTarget target : targets) {
            best.append(best.isEmpty() ? "" : ", ").append(target.greek().columnName()).append(' ')
                    .append(decimal(target.greek().of(result.after(), index)));
        }
        String lots = result.notes().stream().filter(note -> note.startsWith("no whole number of lots")).findFirst()
                .map(note -> " (" + note + ")").orElse("");
        return (lots.isEmpty() ? "the targets cannot all be met by trading the instruments in using: "
                : "the targets cannot all be met in whole lots: ") + binding + "; the closest achievable: " + best
                + lots;
    }

    /** Candidates from instrument names (options at the book's chain's quotes) and chains (each row's quotes). */
    private List<HedgeCandidate> candidates(BookValue book, Expr using) {
        List<Expr> elements = using instanceof Expr.ListLiteral list ? list.elements() : List.of(using);
        Map<InstrumentName, HedgeCandidate> out = new LinkedHashMap<>();
        for (Expr element : elements) {
            Value value = evaluator.apply(element);
            if (value instanceof TextValue text) {
                InstrumentName instrument = instrument(text.value(), element.span());
                out.putIfAbsent(instrument, quoted(book, book.chain(), instrument, element.span(), "the book's market"));
                continue;
            }
            OptionChain chain = ChainValues.optionChain((TableValue) value, label(element), element.span());
            StringColumn names = chain.table().stringColumn("instrument");
            for (int row = 0; row < names.size(); row++) {
                InstrumentName instrument = instrument(names.get(row), element.span());
                out.putIfAbsent(instrument, quoted(book, chain, instrument, element.span(), label(element)));
            }
        }
        if (out.isEmpty()) {
            throw new RunFailure(using.span(), "using names no instrument: every chain in it is empty");
        }
        return List.copyOf(out.values());
    }

    private static InstrumentName instrument(String name, Span span) {
        try {
            return InstrumentName.parse(name);
        } catch (IllegalArgumentException malformed) {
            throw new RunFailure(span, malformed.getMessage());
        }
    }

    /** An option at the chain's bid and ask; a future or perpetual at its mark. */
    private static HedgeCandidate quoted(BookValue book, OptionChain chain, InstrumentName instrument, Span span,
            String chainName) {
        String unpriceable = book.pricer().whyNotPriceable(instrument);
        if (unpriceable != null) {
            throw new RunFailure(span, "cannot trade " + instrument.text() + ": " + unpriceable);
        }
        if (!(instrument instanceof InstrumentName.Option)) {
            return HedgeCandidate.atMark(instrument);
        }
        Table table = chain.table();
        int row = table.stringColumn("instrument").indexOf(instrument.text());
        if (row < 0) {
            throw new RunFailure(span, chainName + " does not quote " + instrument.text() + ": a hedge trades options"
                    + " at the chain's bid and ask");
        }
        return new HedgeCandidate(instrument, table.doubleColumn("bid").getDouble(row),
                table.doubleColumn("ask").getDouble(row));
    }

    private HedgeObjective objective(Expr value) {
        if (value instanceof Expr.Name word) {
            return word.id().equals("trades") ? new HedgeObjective.Trades() : new HedgeObjective.Cost();
        }
        Expr rulesExpr = ((Expr.Call) value).arguments().getFirst().value();
        MarginRule rule = ((RulesValue) evaluator.apply(rulesExpr)).rule();
        if (!(rule instanceof PortfolioMarginRule portfolio)) {
            throw new RunFailure(rulesExpr.span(), "minimize margin needs portfolio-margin rules, whose risk-matrix"
                    + " margin is linear in the trade sizes; " + label(rulesExpr) + " is not",
                    "e.g. minimize margin portfolio_margin, or a rules binding of that family");
        }
        return new HedgeObjective.Margin(portfolio);
    }

    private void targets(Block block, List<GreekTarget> out) {
        for (Clause clause : block.clauses()) {
            switch (clause) {
                case Clause.ParameterBounds bounds -> out.add(target(bounds.parameter(), number(bounds.lower()),
                        number(bounds.upper()), bounds.span()));
                case Clause.Setting exact -> {
                    double value = number(exact.value());
                    out.add(target(exact.name(), value, value, exact.span()));
                }
                default -> throw new IllegalStateException("the checker lets through bounds and settings: " + clause);
            }
        }
    }

    private static GreekTarget target(Expr.Name greek, double low, double high, Span span) {
        if (!(low <= high)) {
            throw new RunFailure(span, "the target of " + greek.id() + " is empty: " + decimal(low) + " is above "
                    + decimal(high));
        }
        return new GreekTarget(Greek.named(greek.id()), low, high);
    }

    private double number(Expr expr) {
        double value = ((NumberValue) evaluator.apply(expr)).value();
        if (!Double.isFinite(value)) {
            throw new RunFailure(expr.span(), "expected a finite number, not " + value);
        }
        return value;
    }

    /** The trades, the before and after table, and the notes. */
    private static ReportValue report(Account account, String objective, HedgeResult result, List<String> notes,
            double index) {
        StringColumn instruments = StringColumn.create("instrument");
        DoubleColumn sizes = DoubleColumn.create("size");
        DoubleColumn prices = DoubleColumn.create("price");
        DoubleColumn marks = DoubleColumn.create("mark");
        DoubleColumn premiums = DoubleColumn.create("premium_usd");
        DoubleColumn costs = DoubleColumn.create("cost_usd");
        for (HedgeTrade trade : result.trades()) {
            instruments.append(trade.instrument().text());
            sizes.append(trade.size());
            prices.append(trade.price());
            marks.append(trade.mark());
            premiums.append(trade.premiumUsd());
            costs.append(trade.costUsd());
        }
        Table trades = Table.create("trades", instruments, sizes, prices, marks, premiums, costs);
        StringColumn stages = StringColumn.create("stage");
        List<DoubleColumn> columns = new ArrayList<>();
        for (Greek greek : Greek.values()) {
            columns.add(DoubleColumn.create(greek.columnName()));
        }
        DoubleColumn initial = DoubleColumn.create("initial_margin");
        DoubleColumn maintenance = DoubleColumn.create("maintenance_margin");
        DoubleColumn cost = DoubleColumn.create("cost_usd");
        Greeks[] greeks = {result.before(), result.after()};
        for (int stage = 0; stage < 2; stage++) {
            stages.append(stage == 0 ? "before" : "after");
            for (int g = 0; g < Greek.values().length; g++) {
                columns.get(g).append(Greek.values()[g].of(greeks[stage], index));
            }
            initial.append(stage == 0 ? result.initialMarginBefore() : result.initialMarginAfter());
            maintenance.append(stage == 0 ? result.maintenanceMarginBefore() : result.maintenanceMarginAfter());
            cost.append(stage == 0 ? 0 : result.costUsd());
        }
        Table beforeAfter = Table.create("before_after", stages);
        columns.forEach(beforeAfter::addColumns);
        beforeAfter.addColumns(initial, maintenance, cost);
        if (result.trades().isEmpty()) {
            notes.addFirst("the account already meets its targets: no trade");
        }
        return new ReportValue("hedge of " + account.name() + ": minimize " + objective,
                List.of(new ReportValue.Section("trades", new TableValue(trades, null)),
                        new ReportValue.Section("before and after (USD amounts; greeks in the units of greeks())",
                                new TableValue(beforeAfter, null))), notes, null);
    }

    /**
     * The book with the trades in the account's cross pool, at the prices they traded, and their premiums paid from
     * (or received into) the pool's collateral of the premium's currency: coin for inverse options, USDC for linear
     * ones. A pool without enough of it keeps its collateral, with a note on the hedge.
     */
    private static BookValue hedged(BookValue book, Account account, MarginGroup pool, HedgeResult result,
            List<String> notes) {
        List<Position> trades = new ArrayList<>();
        Map<String, Double> paid = new LinkedHashMap<>();
        for (HedgeTrade trade : result.trades()) {
            trades.add(new Position(trade.instrument(), trade.size(), trade.price()));
            if (trade.instrument() instanceof InstrumentName.Option) {
                paid.merge(Settlement.currency(trade.instrument()), trade.size() * trade.price(), Double::sum);
            }
        }
        if (trades.isEmpty()) {
            return book;
        }
        List<Collateral> collateral = new ArrayList<>(pool.collateral());
        paid.forEach((currency, amount) -> {
            int at = -1;
            for (int i = 0; i < collateral.size(); i++) {
                at = collateral.get(i).currency().equals(currency) ? i : at;
            }
            double held = at < 0 ? 0 : collateral.get(at).amount();
            if (!(held - amount > 0)) {
                notes.add(String.format(Locale.ROOT, "hedged(...) keeps the pool's collateral: it holds %s %s, the"
                        + " premiums cost %s", decimal(held), currency, decimal(amount)));
            } else if (at < 0) {
                collateral.add(new Collateral(currency, -amount, 0));
            } else {
                collateral.set(at, new Collateral(currency, held - amount, collateral.get(at).haircut()));
            }
        });
        List<Account> accounts = new ArrayList<>();
        for (Account each : book.book().accounts()) {
            List<MarginGroup> groups = new ArrayList<>();
            for (MarginGroup group : each.groups()) {
                groups.add(group == pool ? new MarginGroup(group.label(), group.plus(trades).positions(), collateral)
                        : group);
            }
            accounts.add(each == account ? new Account(each.name(), groups) : each);
        }
        Book hedged = new Book(accounts);
        return new BookValue(hedged, book.market(), book.pricer(),
                new TableValue(MarginBuiltins.holdings(hedged), null), book.chain());
    }

    private String label(Expr expr) {
        return checked.program().source().text().substring(expr.span().start(), expr.span().end());
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }
}
