package margo.dsl.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import margo.core.margin.Account;
import margo.core.margin.Black76PositionPricer;
import margo.core.margin.Book;
import margo.core.margin.BookCsv;
import margo.core.margin.BookFormatException;
import margo.core.margin.BookLoad;
import margo.core.margin.Collateral;
import margo.core.margin.MarginCalculator;
import margo.core.margin.MarginContribution;
import margo.core.margin.MarginGroup;
import margo.core.margin.MarketSnapshot;
import margo.core.margin.ModelPositionPricer;
import margo.core.margin.Position;
import margo.core.margin.PositionPricer;
import margo.core.margin.StressResult;
import margo.core.margin.WhatIf;
import margo.core.market.InstrumentName;
import margo.core.market.OptionChain;
import margo.core.market.PriceHistory;
import margo.core.models.CosPricer;
import margo.dsl.check.CheckedProgram;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.engine.BookAdjustment;
import margo.dsl.engine.BookParts;
import margo.dsl.engine.BookTask;
import margo.dsl.engine.CsvExport;
import margo.dsl.engine.Engine;
import margo.dsl.engine.NotDistributable;
import margo.dsl.engine.PartitionedBook;
import margo.dsl.engine.TaskFailure;
import margo.dsl.registry.Decimals;
import margo.dsl.syntax.Block;
import margo.dsl.syntax.Clause;
import margo.dsl.syntax.Expr;
import margo.dsl.syntax.SourceFile;
import margo.dsl.syntax.Span;
import margo.dsl.plot.Figure;
import margo.dsl.plot.MarginPlot;
import margo.dsl.value.BookValue;
import margo.dsl.value.FigureValue;
import margo.dsl.value.FitValue;
import margo.dsl.value.HaircutValue;
import margo.dsl.value.ListValue;
import margo.dsl.value.NumberValue;
import margo.dsl.value.RulesValue;
import margo.dsl.value.SurfaceValue;
import margo.dsl.value.TableValue;
import margo.dsl.value.TextValue;
import margo.dsl.value.Value;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The margin built-ins: {@code positions} loads a book in a chain's market; {@code margin}, {@code what_if},
 * {@code stress} and {@code attribution} apply a rule set to it through core's {@link MarginCalculator}, and the
 * figures {@code scenarios} and {@code liquidation} draw it ({@link MarginPlot}). Amounts
 * are USD. A failure of core on the user's data is a {@link RunFailure} at the call.
 */
final class MarginBuiltins {

    /** How an option the market does not quote is valued; the warning's reason, for a book and a what-if alike. */
    /** How far a history's close may be from the market's index before it is taken for another coin's. */
    private static final double OTHER_COIN_RATIO = 3;
    private static final String UNQUOTED = "valued at a mark IV interpolated between the quoted strikes of its expiry"
            + " (held flat beyond them), or by the model with priced_by";

    private final CheckedProgram checked;
    private final SourceFile source;
    private final ChainLoader loader;
    private final Function<Expr, Value> evaluator;
    private final List<Diagnostic> warnings;
    private final MarginRules rules;
    private final Engine engine;

    /** @param engine the distributed engine books are held in, or null to read each book whole here */
    MarginBuiltins(CheckedProgram checked, ChainLoader loader, Function<Expr, Value> evaluator,
                   List<Diagnostic> warnings, MarginRules rules, Engine engine) {
        this.checked = checked;
        this.source = checked.program().source();
        this.loader = loader;
        this.evaluator = evaluator;
        this.warnings = warnings;
        this.rules = rules;
        this.engine = engine;
    }

    static boolean handles(String function) {
        return switch (function) {
            case "positions", "margin", "what_if", "stress", "attribution", "scenarios", "liquidation" -> true;
            default -> false;
        };
    }

    Value call(Expr.Call call) {
        List<Expr> arguments = checked.argumentsOf(call);
        return reportingRejection(call, () -> switch (call.callee().id()) {
            case "positions" -> positions(call, arguments);
            case "margin" -> table(margin(call, arguments));
            case "what_if" -> whatIf(call, arguments);
            case "stress" -> table(stress(call, arguments));
            case "attribution" -> table(attribution(call, arguments));
            case "scenarios" -> scenarios(arguments);
            case "liquidation" -> liquidation(call, arguments);
            default -> throw new IllegalStateException("not a margin built-in: " + call.callee().id());
        });
    }

    /** Core rejecting the user's data (an IllegalArgumentException naming the problem) as an error at the call. */
    static <T> T reportingRejection(Expr.Call call, Supplier<T> computation) {
        try {
            return computation.get();
        } catch (IllegalArgumentException coreRejected) {
            throw new RunFailure(call.span(), call.callee().id() + " cannot be computed: " + coreRejected.getMessage());
        }
    }

    /** {@code positions(path, market, index?, haircut?)}. */
    private BookValue positions(Expr.Call call, List<Expr> arguments) {
        String path = text(arguments.get(0));
        boolean parquet = path.endsWith(".parquet");
        if (parquet && engine == null) {
            throw new RunFailure(arguments.get(0).span(), "cannot read " + path + ": a Parquet book is read by the"
                    + " spark engine", "run with --engine spark (docs/scale-out.md), or write the book as CSV");
        }
        Path file = parquet ? loader.readableDataSet(path, call.span()) : loader.readable(path, call.span());
        Expr market = arguments.get(1);
        OptionChain chain = ChainValues.optionChain((TableValue) evaluator.apply(market), label(market), market.span());
        double index = arguments.get(2) == null ? ChainValues.impliedIndex(chain, market.span())
                : number(arguments.get(2));
        if (!(index > 0) || Double.isInfinite(index)) {
            throw new RunFailure(arguments.get(2).span(), "the index price must be positive, not " + index);
        }
        MarketSnapshot snapshot = MarketSnapshot.fromChain(chain, index);
        PositionPricer pricer = new Black76PositionPricer(snapshot);
        Expr haircutArgument = arguments.get(3);
        if (engine != null) {
            return partitioned(call, path, file, market, haircutArgument, chain, snapshot, pricer);
        }
        String coin = pricer.coin();
        BookLoad load = load(call, path, file, pricer);
        warnings.addAll(ChainLoader.rowWarnings(load.problems(), path, source, call.span()));
        warnings.addAll(ChainLoader.keptRowWarnings(load.warnings(), path, source, call.span()));
        Book book = load.book();
        if (haircutArgument != null) {
            double haircut = coinHaircut(haircutArgument, distinct(coinHaircuts(book, coin), "haircut"), snapshot, path);
            book = book.withHaircut(coin, haircut);
        }
        warnUnquoted(market, distinct(unquoted(book, snapshot), "instrument"));
        return new BookValue(book, snapshot, pricer, new TableValue(holdings(book, snapshot), null), chain);
    }

    /**
     * {@code positions} under a distributed engine: the engine reads and checks the file in parts, and the warnings
     * an in-process run gives (rows left out or doubtful, the haircut, unquoted options) come from jobs over them;
     * the book is gathered here only if a statement that does not run per account needs it.
     */
    private BookValue partitioned(Expr.Call call, String path, Path file, Expr market, Expr haircutArgument,
                                  OptionChain chain, MarketSnapshot snapshot, PositionPricer pricer) {
        PartitionedBook parts;
        try {
            parts = engine.book(file, pricer);
        } catch (BookFormatException unreadable) {
            throw new RunFailure(call.span(), "cannot read " + path + ": " + unreadable.getMessage());
        } catch (TaskFailure failed) {
            throw new RunFailure(call.span(), "cannot read " + path + ": " + failed.getMessage() + " (in "
                    + failed.where() + ")");
        }
        warnings.addAll(ChainLoader.rowWarnings(parts.problems(), path, source, call.span()));
        warnings.addAll(ChainLoader.keptRowWarnings(parts.warnings(), path, source, call.span()));
        BookParts book = new BookParts(parts, BookAdjustment.NONE);
        String coin = pricer.coin();
        if (haircutArgument != null) {
            double haircut = coinHaircut(haircutArgument,
                    distinct(rows(book, call, part -> coinHaircuts(part, coin)), "haircut"), snapshot, path);
            book = book.adjusted(part -> part.withHaircut(coin, haircut));
        }
        warnUnquoted(market, distinct(rows(book, call, part -> unquoted(part, snapshot)), "instrument"));
        BookParts held = book;
        Supplier<Book> whole = () -> collected(held, call);
        return new BookValue(whole, snapshot, pricer, () -> new TableValue(holdings(whole.get(), snapshot), null),
                chain, book);
    }

    /** The engine's parts of a book gathered here, a failure as the statement's error at its positions call. */
    private Book collected(BookParts parts, Expr.Call positions) {
        try {
            return parts.whole();
        } catch (TaskFailure failed) {
            throw new RunFailure(positions.span(), "the book cannot be gathered from the " + engine.name()
                    + " engine: " + failed.getMessage() + " (in " + failed.where() + ")");
        }
    }

    private BookLoad load(Expr.Call call, String path, Path file, PositionPricer pricer) {
        try {
            return BookCsv.load(file, pricer, loader.maxBytes());
        } catch (BookFormatException unreadable) {
            throw new RunFailure(call.span(), "cannot read " + path + ": " + unreadable.getMessage());
        }
    }

    private void warnUnquoted(Expr market, Set<String> unquoted) {
        if (!unquoted.isEmpty()) {
            warnings.add(Diagnostic.warning(source, market.span(), label(market) + " does not quote "
                    + String.join(", ", unquoted) + ": " + UNQUOTED));
        }
    }

    /** The options of the book the market does not quote, one row each per part of the book. */
    private static Table unquoted(Book book, MarketSnapshot snapshot) {
        Set<String> unquoted = new TreeSet<>();
        for (Account account : book.accounts()) {
            for (Position position : account.positions()) {
                if (position.instrument() instanceof InstrumentName.Option option && !snapshot.quotes(option)) {
                    unquoted.add(option.text());
                }
            }
        }
        return Table.create("unquoted", StringColumn.create("instrument", unquoted));
    }

    /** The haircuts the book's file wrote for its coin collateral, one row each per part of the book. */
    private static Table coinHaircuts(Book book, String coin) {
        Set<Double> written = new TreeSet<>();
        for (Account account : book.accounts()) {
            for (MarginGroup group : account.groups()) {
                for (Collateral holding : group.collateral()) {
                    if (holding.currency().equals(coin)) {
                        written.add(holding.haircut());
                    }
                }
            }
        }
        return Table.create("haircuts", DoubleColumn.create("haircut", written.stream().mapToDouble(h -> h)));
    }

    /** The distinct values of a column, sorted: what the parts of a book found, together. */
    private static <T extends Comparable<T>> Set<T> distinct(Table table, String column) {
        Set<T> values = new TreeSet<>();
        for (Object value : table.column(column).asList()) {
            @SuppressWarnings("unchecked")
            T typed = (T) value;
            values.add(typed);
        }
        return values;
    }

    /**
     * The haircut given for the book's coin collateral, a fraction or one calibrated by {@code haircut(...)}.
     * A book with none of the coin ({@code written} empty), or whose file wrote another non-zero haircut for it,
     * is told so; so is one calibrated on a history whose price is far from the market's index at the market's time.
     */
    private double coinHaircut(Expr argument, Set<Double> written, MarketSnapshot market, String path) {
        String coin = market.coin();
        Value value = evaluator.apply(argument);
        if (value instanceof HaircutValue calibrated) {
            warnIfAnotherCoin(argument, calibrated, market);
        }
        double haircut = value instanceof HaircutValue calibrated ? calibrated.haircut().haircut()
                : ((NumberValue) value).value();
        if (!(haircut >= 0 && haircut < 1)) {
            throw new RunFailure(argument.span(), "a collateral haircut must be a fraction from 0% to below 100%,"
                    + " not " + label(argument) + " = " + haircut, "write it as a percentage, such as 3%");
        }
        written = new TreeSet<>(written);
        if (written.isEmpty()) {
            warnings.add(Diagnostic.warning(source, argument.span(), path + " holds no " + coin + " collateral, so"
                    + " the haircut " + label(argument) + " changes nothing; it applies to the market's coin, "
                    + coin));
        }
        written.remove(0.0);
        written.remove(haircut);
        if (!written.isEmpty()) {
            warnings.add(Diagnostic.warning(source, argument.span(), path + " writes a " + coin + " haircut of "
                    + String.join(", ", written.stream().map(MarginBuiltins::percent).toList()) + ", replaced by "
                    + label(argument) + (argument instanceof Expr.NumberLiteral ? "" : " = " + percent(haircut))));
        }
        return haircut;
    }

    /**
     * A warning when the history a haircut was calibrated on closed, at the bar nearest the market's time, at more
     * than {@value #OTHER_COIN_RATIO} times the market's index or less than its inverse: a history of another coin
     * (ETH closes around a thirtieth of BTC's). A history has no coin name, so its price level is the evidence.
     */
    private void warnIfAnotherCoin(Expr argument, HaircutValue calibrated, MarketSnapshot market) {
        PriceHistory prices = calibrated.prices();
        int nearest = prices.nearest(market.valuationTime());
        double ratio = prices.close(nearest) / market.indexPrice();
        if (ratio > OTHER_COIN_RATIO || ratio < 1 / OTHER_COIN_RATIO) {
            warnings.add(Diagnostic.warning(source, argument.span(), label(argument) + " was calibrated on "
                    + calibrated.history() + ", which closed at " + price(prices.close(nearest)) + " on "
                    + LocalDate.ofInstant(prices.time(nearest), ZoneOffset.UTC) + ", while the market's "
                    + market.coin() + " index is " + price(market.indexPrice()) + " on "
                    + LocalDate.ofInstant(market.valuationTime(), ZoneOffset.UTC) + ": is " + calibrated.history()
                    + " a history of " + market.coin() + "? a haircut is the fall of the collateral's own coin"));
        }
    }

    private static String price(double usd) {
        return Decimals.plain(Math.round(usd * 100) / 100.0);
    }

    /** A fraction as a percentage to two decimals: {@code 15.88%}. */
    private static String percent(double fraction) {
        return Decimals.percent(Math.round(fraction * 1e4) / 1e4);
    }

    /**
     * One row per holding; {@code valued_at} says what an option is worth in the current market: the data's
     * {@code mark price}, else Black-76 at its {@code mark IV} (an {@code interpolated mark IV} for a strike the chain
     * does not quote). The mark IV always moves an option in scenarios and stresses.
     */
    static Table holdings(Book book, MarketSnapshot market) {
        StringColumn accounts = StringColumn.create("account");
        StringColumn groups = StringColumn.create("group");
        StringColumn holdings = StringColumn.create("holding");
        DoubleColumn sizes = DoubleColumn.create("size");
        DoubleColumn prices = DoubleColumn.create("average_price");
        DoubleColumn haircuts = DoubleColumn.create("haircut");
        StringColumn valuedAt = StringColumn.create("valued_at");
        for (Account account : book.accounts()) {
            for (MarginGroup group : account.groups()) {
                for (Collateral collateral : group.collateral()) {
                    accounts.append(account.name());
                    groups.append(group.label());
                    holdings.append(collateral.currency());
                    sizes.append(collateral.amount());
                    prices.appendMissing();
                    haircuts.append(collateral.haircut());
                    valuedAt.append("");
                }
                for (Position position : group.positions()) {
                    accounts.append(account.name());
                    groups.append(group.label());
                    holdings.append(position.instrument().text());
                    sizes.append(position.size());
                    prices.append(position.averagePrice());
                    haircuts.appendMissing();
                    valuedAt.append(position.instrument() instanceof InstrumentName.Option option
                            ? !Double.isNaN(market.markPrice(option)) ? "mark price"
                            : market.quotes(option) ? "mark IV" : "interpolated mark IV" : "");
                }
            }
        }
        return Table.create("book", accounts, groups, holdings, sizes, prices, haircuts, valuedAt);
    }

    /** {@code margin(book, rules, priced_by?)}: core's report, one row per account and margin group. */
    private BookRows margin(Expr.Call call, List<Expr> arguments) {
        BookValue book = book(arguments.get(0));
        MarginCalculator calculator = calculator(arguments.get(1));
        PositionPricer pricer = pricer(book, arguments.get(2));
        return new BookRows(book, call, part -> calculator.report(part, pricer));
    }

    /** The rows of a per-account statement: a task and the book it runs over. */
    private record BookRows(BookValue book, Expr.Call call, BookTask task) {
    }

    private TableValue table(BookRows job) {
        return new TableValue(rows(job.book(), job.call(), job.task()), null);
    }

    /** Whether {@code export E to PATH} of this call writes the book's rows part by part ({@link #export}). */
    static boolean exportsPerAccount(Expr.Call call) {
        return Set.of("margin", "stress", "attribution").contains(call.callee().id());
    }

    /**
     * {@code export margin(...) to "PATH.csv"} (or {@code .parquet}; or stress, attribution): the rows written by the
     * engine's parts when it holds the book, never gathered in the driver, else written here; the same rows either way.
     *
     * @return the number of rows written
     * @throws UncheckedIOException when the file cannot be written; it is then left as it was
     */
    long export(Expr.Call call, Path target) {
        List<Expr> arguments = checked.argumentsOf(call);
        BookRows job = reportingRejection(call, () -> switch (call.callee().id()) {
            case "margin" -> margin(call, arguments);
            case "stress" -> stress(call, arguments);
            case "attribution" -> attribution(call, arguments);
            default -> throw new IllegalStateException("not a per-account statement: " + call.callee().id());
        });
        BookTask task = job.task();
        boolean parquet = parquet(target);
        return reportingRejection(call, () -> job.book().parts() == null
                ? write(target, task.rows(job.book().book()))
                : onParts(job.book().parts(), call, job.book()::book, parts -> {
                    try {
                        return parquet ? parts.exportParquet(task, target) : parts.exportCsv(task, target);
                    } catch (IOException failed) {
                        throw new UncheckedIOException(failed);
                    }
                }, whole -> write(target, task.rows(whole))));
    }

    /**
     * The table written to {@code target}: as {@link CsvExport} writes it, or by the engine as a Parquet data set when
     * the target's name ends in {@code .parquet} (the runner refuses that without an engine); its row count.
     */
    long write(Path target, Table table) {
        try {
            if (parquet(target)) {
                return engine.exportParquet(table, target);
            }
            CsvExport.write(target, table);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return table.rowCount();
    }

    private static boolean parquet(Path target) {
        return target.getFileName().toString().endsWith(".parquet");
    }

    /**
     * The task's rows of the book: run by the engine over its parts when it holds the book, else over the whole
     * book here. A task the engine cannot send to its workers runs here, with a warning; core rejecting an account's
     * data in a part is the in-process run's error, naming the part.
     */
    Table rows(BookValue book, Expr.Call call, BookTask task) {
        return book.parts() == null ? task.rows(book.book()) : rows(book.parts(), call, task, book::book);
    }

    private Table rows(BookParts parts, Expr.Call call, BookTask task) {
        return rows(parts, call, task, null);
    }

    private Table rows(BookParts parts, Expr.Call call, BookTask task, Supplier<Book> whole) {
        return onParts(parts, call, whole, distributed -> distributed.rows(task), task::rows);
    }

    /**
     * A job over the engine's parts. A task the engine cannot send to its workers runs here instead, on the book
     * gathered whole, with a warning; a part that fails is an error at the call, naming the part.
     */
    private <T> T onParts(BookParts parts, Expr.Call call, Supplier<Book> whole, Function<BookParts, T> distributed,
                          Function<Book, T> here) {
        String statement = call.callee().id();
        try {
            return distributed.apply(parts);
        } catch (NotDistributable local) {
            if (whole == null) {
                throw new IllegalStateException("a task of " + statement + " holds no value of the recipe", local);
            }
            warnings.add(Diagnostic.warning(source, call.span(), statement + " runs in the driver on the book"
                    + " gathered whole, not on the " + engine.name() + " engine: " + local.getMessage()));
            return here.apply(whole.get());
        } catch (TaskFailure failed) {
            throw new RunFailure(call.span(), statement + (failed.rejected() ? " cannot be computed: " : " failed: ")
                    + failed.getMessage() + " (in " + failed.where() + ")");
        }
    }

    /**
     * {@code what_if(book, instrument, size, rules, account?, priced_by?)}: the trade at the market's mark (the
     * model's price with priced_by), in the cross pool.
     */
    private TableValue whatIf(Expr.Call call, List<Expr> arguments) {
        BookValue book = book(arguments.get(0));
        PositionPricer pricer = pricer(book, arguments.get(5));
        Expr instrumentArgument = arguments.get(1);
        InstrumentName instrument;
        try {
            instrument = InstrumentName.parse(text(instrumentArgument));
        } catch (IllegalArgumentException malformed) {
            throw new RunFailure(instrumentArgument.span(), malformed.getMessage());
        }
        String unpriceable = pricer.whyNotPriceable(instrument);
        if (unpriceable != null) {
            throw new RunFailure(instrumentArgument.span(), "cannot trade " + instrument.text() + ": " + unpriceable);
        }
        if (instrument instanceof InstrumentName.Option option && !book.market().quotes(option)) {
            warnings.add(Diagnostic.warning(source, instrumentArgument.span(), "the book's market does not quote "
                    + option.text() + ": " + UNQUOTED));
        }
        double size = number(arguments.get(2));
        if (size == 0 || !Double.isFinite(size)) {
            throw new RunFailure(arguments.get(2).span(), "the size traded must be a non-zero number of coins");
        }
        double mark = instrument instanceof InstrumentName.Option ? pricer.unitValue(instrument)
                : pricer.forward(instrument);
        List<Position> trade = List.of(new Position(instrument, size, mark));
        MarginCalculator calculator = calculator(arguments.get(3));
        List<Account> accounts = accounts(book.book(), arguments.get(4));
        Columns columns = new Columns("what_if", List.of("initial_margin_before", "initial_margin_after",
                "initial_margin_change", "maintenance_margin_before", "maintenance_margin_after",
                "maintenance_margin_change", "available_after"));
        BooleanColumn accepted = BooleanColumn.create("accepted");
        for (Account account : accounts) {
            MarginGroup pool = account.groups().stream().filter(group -> !group.isolated()).findFirst()
                    .orElseThrow(() -> new RunFailure(call.span(), "account " + account.name()
                            + " has no cross-margin pool to take the trade"));
            WhatIf result = calculator.whatIf(pool, trade, pricer);
            columns.row(account.name(), pool.label(), result.before().initialMargin(), result.after().initialMargin(),
                    result.initialMarginChange(), result.before().maintenanceMargin(),
                    result.after().maintenanceMargin(), result.maintenanceMarginChange(), result.after().available());
            accepted.append(result.accepted());
        }
        Table table = columns.table();
        table.addColumns(accepted);
        return new TableValue(table, null);
    }

    /** {@code show stress(book, rules?) { price -40%, vol 80% }}: the moves of the show block as the named arguments. */
    Value stress(Expr.Call call, Block block) {
        List<Expr> arguments = new ArrayList<>(checked.argumentsOf(call));
        for (Clause clause : block.clauses()) {
            if (clause instanceof Clause.Setting setting && List.of("price", "vol").contains(setting.name().id())) {
                arguments.set(setting.name().id().equals("price") ? 2 : 3, setting.value());
            }
        }
        return reportingRejection(call, () -> table(stress(call, arguments)));
    }

    /**
     * {@code stress(book, rules?, price?, vol?, priced_by?)}: every group after the move, P&L and margin before and
     * after.
     */
    private BookRows stress(Expr.Call call, List<Expr> arguments) {
        BookValue book = book(arguments.get(0));
        PositionPricer pricer = pricer(book, arguments.get(4));
        MarginCalculator calculator = arguments.get(1) == null
                ? new MarginCalculator(rules.defaults("deribit_standard").rule()) : calculator(arguments.get(1));
        double price = arguments.get(2) == null ? 0 : number(arguments.get(2));
        double vol = arguments.get(3) == null ? 0 : number(arguments.get(3));
        if (!(price > -1) || Double.isInfinite(price)) {
            throw new RunFailure(arguments.get(2).span(), "the price move must be above -100%");
        }
        return new BookRows(book, call, part -> stressRows(part, calculator, price, vol, pricer));
    }

    private static Table stressRows(Book book, MarginCalculator calculator, double price, double vol,
                                    PositionPricer pricer) {
        Columns columns = new Columns("stress", List.of("price_move", "vol_shift", "pnl", "equity_before",
                "equity_after", "initial_margin_after", "maintenance_margin_after", "maintenance_ratio_after"));
        Iterator<StressResult> results = calculator.stress(book, price, vol, pricer).iterator();
        for (Account account : book.accounts()) {
            for (MarginGroup group : account.groups()) {
                StressResult result = results.next();
                columns.row(account.name(), group.label(), price, vol, result.pnl(), result.before().equity(),
                        result.after().equity(), result.after().initialMargin(), result.after().maintenanceMargin(),
                        result.after().maintenanceRatio());
            }
        }
        return columns.table();
    }

    /** {@code attribution(book, rules, priced_by?)}: each position's share of its group's IM. */
    private BookRows attribution(Expr.Call call, List<Expr> arguments) {
        BookValue book = book(arguments.get(0));
        PositionPricer pricer = pricer(book, arguments.get(2));
        MarginCalculator calculator = calculator(arguments.get(1));
        return new BookRows(book, call, part -> attributionRows(part, calculator, pricer));
    }

    private static Table attributionRows(Book book, MarginCalculator calculator, PositionPricer pricer) {
        StringColumn instruments = StringColumn.create("instrument");
        Columns columns = new Columns("attribution", List.of("size", "initial_margin", "standalone_margin"));
        for (Account account : book.accounts()) {
            for (MarginGroup group : account.groups()) {
                for (MarginContribution contribution : calculator.attribution(group, pricer)) {
                    instruments.append(contribution.position().instrument().text());
                    columns.row(account.name(), group.label(), contribution.position().size(),
                            contribution.initialMargin(), contribution.standaloneMargin());
                }
            }
        }
        Table table = columns.table();
        table.insertColumn(2, instruments);
        return table;
    }

    /**
     * {@code scenarios(book, rules, price?, vol?, priced_by?)}: each account's P&L by price move and vol shock, a
     * heat map.
     */
    private FigureValue scenarios(List<Expr> arguments) {
        BookValue book = book(arguments.get(0));
        List<Double> prices = arguments.get(2) == null ? MarginPlot.DEFAULT_PRICE_MOVES : moves(arguments.get(2));
        for (double price : prices) {
            if (!(price > -1)) {
                throw new RunFailure(arguments.get(2).span(), "every price move must be above -100%, not "
                        + price * 100 + "%");
            }
        }
        List<Double> vols = arguments.get(3) == null ? MarginPlot.DEFAULT_VOL_SHOCKS : moves(arguments.get(3));
        List<Account> accounts = book.book().accounts();
        if (accounts.isEmpty()) {
            throw new RunFailure(arguments.get(0).span(), "scenarios has nothing to draw: the book has no account");
        }
        return new FigureValue(MarginPlot.scenarios("scenarios of " + label(arguments.get(0)), accounts,
                calculator(arguments.get(1)), pricer(book, arguments.get(4)), prices, vols));
    }

    /**
     * {@code liquidation(book, rules, account?, priced_by?)}: equity and MM against the index, one panel per margin
     * group.
     */
    private FigureValue liquidation(Expr.Call call, List<Expr> arguments) {
        BookValue book = book(arguments.get(0));
        Figure figure = MarginPlot.liquidation("liquidation of " + label(arguments.get(0)),
                accounts(book.book(), arguments.get(2)), calculator(arguments.get(1)), pricer(book, arguments.get(3)));
        if (figure == null) {
            throw new RunFailure(call.span(), "liquidation has nothing to draw: no margin group has positions");
        }
        return new FigureValue(figure);
    }

    /** A list of numbers, increasing with no repeat, as the axis of a heat map needs. */
    private List<Double> moves(Expr list) {
        List<Double> out = new ArrayList<>();
        for (Value element : ((ListValue) evaluator.apply(list)).elements()) {
            if (!(element instanceof NumberValue number) || !Double.isFinite(number.value())) {
                throw new RunFailure(list.span(), "the moves must be a list of numbers, e.g. [-20%, 0%, 20%]");
            }
            if (!out.isEmpty() && number.value() <= out.getLast()) {
                throw new RunFailure(list.span(), "the moves must increase, each larger than the one before");
            }
            out.add(number.value());
        }
        if (out.isEmpty()) {
            throw new RunFailure(list.span(), "the moves must be a list of at least one number");
        }
        return out;
    }

    /**
     * The book's pricer, or with {@code priced_by} the fit's calibrated model (by COS) or the surface over the book's
     * market. The model must be of the book's coin and fitted at its valuation time, and must price every option of
     * the book; otherwise a failure at the argument naming what differs or the first option it cannot price.
     */
    PositionPricer pricer(BookValue book, Expr pricedBy) {
        if (pricedBy == null) {
            return book.pricer();
        }
        String name = label(pricedBy);
        ModelPositionPricer pricer;
        TableValue fittedTo;
        switch (evaluator.apply(pricedBy)) {
            case FitValue fit -> {
                fittedTo = fit.data();
                pricer = ModelPositionPricer.calibrated(book.pricer(), fit.calibrated(), CosPricer.DEFAULT,
                        "the " + fit.model().family() + " fit " + name);
            }
            case SurfaceValue surface -> {
                fittedTo = surface.chain();
                pricer = ModelPositionPricer.surface(book.pricer(), surface.fit(),
                        "the " + surface.fit().family().name().toLowerCase(Locale.ROOT) + " surface " + name);
            }
            case Value other -> throw new IllegalStateException("priced_by checked as a fit or surface, not " + other);
        }
        requireBookMarket(book, ChainValues.optionChain(fittedTo, name + "'s chain", pricedBy.span()), name,
                pricedBy.span());
        for (Account account : book.book().accounts()) {
            for (MarginGroup group : account.groups()) {
                for (Position position : group.positions()) {
                    String unpriceable = pricer.whyNotPriceable(position.instrument());
                    if (unpriceable != null) {
                        throw new RunFailure(pricedBy.span(), "cannot price " + position.instrument().text()
                                + " of account " + account.name() + ": " + unpriceable);
                    }
                }
            }
        }
        return pricer;
    }

    /** A model fitted to another coin or at another time than the book's market cannot price the book. */
    private static void requireBookMarket(BookValue book, OptionChain fittedTo, String name, Span span) {
        String coin = book.pricer().coin();
        if (!fittedTo.underlying().equals(coin)) {
            throw new RunFailure(span, name + " was fitted to " + fittedTo.underlying() + " options, the book holds "
                    + coin + " ones", "fit the model to a chain of " + coin);
        }
        Instant bookTime = book.market().valuationTime();
        if (!fittedTo.valuationTime().equals(bookTime)) {
            throw new RunFailure(span, name + " was fitted to a chain valued at " + fittedTo.valuationTime()
                    + ", the book's market is at " + bookTime, "fit the model to the chain the book is valued in,"
                    + " or a chain with the same valuation time");
        }
    }

    // ---- helpers

    List<Account> accounts(Book book, Expr account) {
        if (account == null) {
            return book.accounts();
        }
        String name = text(account);
        try {
            return List.of(book.account(name));
        } catch (IllegalArgumentException unknown) {
            throw new RunFailure(account.span(), unknown.getMessage(), margo.dsl.diagnostic.Suggestions.didYouMean(
                    name, book.accounts().stream().map(Account::name).toList()));
        }
    }

    private MarginCalculator calculator(Expr rulesArgument) {
        return new MarginCalculator(((RulesValue) evaluator.apply(rulesArgument)).rule());
    }

    private BookValue book(Expr argument) {
        return (BookValue) evaluator.apply(argument);
    }

    private String text(Expr expr) {
        return ((TextValue) evaluator.apply(expr)).value();
    }

    private double number(Expr expr) {
        return ((NumberValue) evaluator.apply(expr)).value();
    }

    private String label(Expr expr) {
        return source.text().substring(expr.span().start(), expr.span().end());
    }

    /** A result table's account and group columns followed by number columns, filled a row at a time. */
    private static final class Columns {

        private final String name;
        private final StringColumn accounts = StringColumn.create("account");
        private final StringColumn groups = StringColumn.create("group");
        private final DoubleColumn[] numbers;

        Columns(String name, List<String> numberNames) {
            this.name = name;
            numbers = numberNames.stream().map(DoubleColumn::create).toArray(DoubleColumn[]::new);
        }

        void row(String account, String group, double... values) {
            accounts.append(account);
            groups.append(group);
            for (int i = 0; i < numbers.length; i++) {
                numbers[i].append(values[i]);
            }
        }

        Table table() {
            Table table = Table.create(name, accounts, groups);
            table.addColumns(numbers);
            return table;
        }
    }
}
