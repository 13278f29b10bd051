package margo.core.margin;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Margins accounts under one {@link MarginRule}: equity, IM, MM, ratios, available balance, liquidation prices,
 * what-if trades, attribution and stress. Amounts are in USD: each settlement currency's margin is converted at the
 * index (coin) or at par (stablecoins), and collateral is valued the same way.
 *
 * <p>Within a group, positions in one instrument are netted before the rule sees them ({@link NetPositions}), as
 * the venue holds one position per instrument: every rule margins the net book, so how trades were booked (one
 * row of +5, or +8 and -3) never changes IM or MM; attribution reports each booked row's pro-rata share.
 *
 * <p>Each {@link MarginGroup} is margined on its own: the cross pool of an account against the account's
 * unallocated collateral, each isolated group against its own.
 *
 * <p>Liquidation price: the index level where equity meets MM, every price moved by the same factor and implied
 * volatilities held at their marks (sticky moneyness is not assumed; a rule that shocks volatilities does so inside
 * its own MM). The search steps outwards from the current index on a log grid (40 steps down to 1% of the index, 40
 * up to ten times it), then Commons Math's Brent solver pins the first crossing to 1e-12 in log price.
 */
public final class MarginCalculator implements Serializable {

    private static final int SEARCH_STEPS = 40;
    private static final double LOWEST_PRICE_RATIO = 0.01;
    private static final double HIGHEST_PRICE_RATIO = 10.0;

    private final MarginRule rule;

    /** A calculator applying {@code rule} to every group. */
    public MarginCalculator(MarginRule rule) {
        if (rule == null) {
            throw new IllegalArgumentException("rule must not be null");
        }
        this.rule = rule;
    }

    /** The rule. */
    public MarginRule rule() {
        return rule;
    }

    /** The state of every group of the account, in the account's order. */
    public List<MarginState> states(Account account, PositionPricer pricer) {
        return states(account, pricer, new SearchMarkets(pricer));
    }

    private List<MarginState> states(Account account, PositionPricer pricer, SearchMarkets markets) {
        List<MarginState> states = new ArrayList<>();
        for (MarginGroup group : account.groups()) {
            states.add(state(group, pricer, markets));
        }
        return states;
    }

    /**
     * The state of every group of every account as a table, one row per group: {@code account}, {@code group}
     * (empty for the cross pool), then USD amounts {@code equity}, {@code initial_equity}, {@code initial_margin},
     * {@code maintenance_margin}, {@code available}, the ratios {@code initial_ratio} and
     * {@code maintenance_ratio}, {@code liquidation_price_down} and {@code liquidation_price_up} (USD per coin, NaN
     * when none) and {@code distance_to_liquidation} (a fraction of the index). Every account's liquidation search
     * steps through the same moved markets, whose instrument values are computed once for the whole book.
     */
    public Table report(Book book, PositionPricer pricer) {
        StringColumn accounts = StringColumn.create("account");
        StringColumn groups = StringColumn.create("group");
        String[] names = {"equity", "initial_equity", "initial_margin", "maintenance_margin", "available",
                "initial_ratio", "maintenance_ratio", "liquidation_price_down", "liquidation_price_up",
                "distance_to_liquidation"};
        DoubleColumn[] numbers = new DoubleColumn[names.length];
        for (int i = 0; i < names.length; i++) {
            numbers[i] = DoubleColumn.create(names[i]);
        }
        SearchMarkets markets = new SearchMarkets(pricer);
        for (Account account : book.accounts()) {
            for (MarginState state : states(account, pricer, markets)) {
                accounts.append(account.name());
                groups.append(state.group());
                double[] values = {state.equity(), state.initialEquity(), state.initialMargin(),
                        state.maintenanceMargin(), state.available(), state.initialRatio(), state.maintenanceRatio(),
                        state.liquidationPriceDown(), state.liquidationPriceUp(), state.distanceToLiquidation()};
                for (int i = 0; i < names.length; i++) {
                    numbers[i].append(values[i]);
                }
            }
        }
        Table table = Table.create("margin", accounts, groups);
        table.addColumns(numbers);
        return table;
    }

    /** The group's equity, margins, ratios, available balance and liquidation prices. */
    public MarginState state(MarginGroup group, PositionPricer pricer) {
        return state(group, pricer, new SearchMarkets(pricer));
    }

    private MarginState state(MarginGroup group, PositionPricer pricer, SearchMarkets markets) {
        Revaluation revalued = new Revaluation(group, markets.slots);
        Levels now = revalued.at(pricer);
        double[] liquidation = liquidationPrices(revalued, markets, now);
        double index = pricer.indexPrice();
        return new MarginState(group.label(), index, now.equity, now.initialEquity, now.initial, now.maintenance,
                ratio(now.initial, now.initialEquity), ratio(now.maintenance, now.equity),
                now.initialEquity - now.initial, liquidation[0], liquidation[1]);
    }

    /**
     * The group's equity and MM at one market, USD, as {@code {equity, maintenance margin}}: the state without its
     * liquidation search, for drawing both against many prices.
     */
    public double[] equityAndMaintenance(MarginGroup group, PositionPricer pricer) {
        Levels at = new Revaluation(group, null).at(pricer);
        return new double[] {at.equity, at.maintenance};
    }

    /**
     * The group's IM and MM at one market, USD, as {@code {initial margin, maintenance margin}}: the state without
     * its liquidation search, for comparing many candidate books (hedges).
     */
    public double[] initialAndMaintenance(MarginGroup group, PositionPricer pricer) {
        Levels at = new Revaluation(group, null).at(pricer);
        return new double[] {at.initial, at.maintenance};
    }

    /** The group's margin before and after adding {@code trade}'s positions. */
    public WhatIf whatIf(MarginGroup group, List<Position> trade, PositionPricer pricer) {
        if (trade == null || trade.isEmpty()) {
            throw new IllegalArgumentException("trade must have at least one position");
        }
        return new WhatIf(state(group, pricer), state(group.plus(trade), pricer));
    }

    /**
     * Each booked position's contribution to its group's IM, in USD, in the group's order: the rule's own attribution
     * method (documented on each rule; the contributions sum to the group's IM) applied to the net positions, each
     * net position's share split among its rows in proportion to their signed size ({@link NetPositions}); with the
     * row's standalone IM for comparison.
     */
    public List<MarginContribution> attribution(MarginGroup group, PositionPricer pricer) {
        List<MarginContribution> out = new ArrayList<>();
        for (List<Position> rows : byCurrency(group.positions()).values()) {
            double usd = rows.get(0).settlement().usdPerUnit(pricer.indexPrice());
            NetPositions net = NetPositions.of(rows);
            double[] contributions = net.perRow(net.positions().isEmpty() ? new double[0]
                    : rule.initialMarginContributions(net.positions(), pricer));
            for (int i = 0; i < contributions.length; i++) {
                double standalone = rule.requirement(List.of(rows.get(i)), pricer).initial();
                out.add(new MarginContribution(rows.get(i), contributions[i] * usd, standalone * usd));
            }
        }
        return out;
    }

    /**
     * The group after every price moves by {@code priceMove} and every implied volatility by
     * {@code volatilityShift}: its P&amp;L and its new margin state.
     */
    public StressResult stress(MarginGroup group, double priceMove, double volatilityShift, PositionPricer pricer) {
        return stress(group, priceMove, volatilityShift, new SearchMarkets(pricer),
                new SearchMarkets(pricer.shifted(priceMove, volatilityShift)));
    }

    /**
     * Every group of every account after the same move, in the book's order: the {@link #stress(MarginGroup, double,
     * double, PositionPricer)} of each, with the liquidation searches before and after the move stepping through
     * moved markets shared by the whole book, as {@link #report} does.
     */
    public List<StressResult> stress(Book book, double priceMove, double volatilityShift, PositionPricer pricer) {
        SearchMarkets before = new SearchMarkets(pricer);
        SearchMarkets after = new SearchMarkets(pricer.shifted(priceMove, volatilityShift));
        List<StressResult> out = new ArrayList<>();
        for (Account account : book.accounts()) {
            for (MarginGroup group : account.groups()) {
                out.add(stress(group, priceMove, volatilityShift, before, after));
            }
        }
        return out;
    }

    private StressResult stress(MarginGroup group, double priceMove, double volatilityShift, SearchMarkets before,
            SearchMarkets after) {
        MarginState was = state(group, before.pricer, before);
        MarginState is = state(group, after.pricer, after);
        return new StressResult(priceMove, volatilityShift, is.equity() - was.equity(), was, is);
    }

    /** The scenario P&amp;L matrix of the group's net positions, one per settlement currency. */
    public Map<String, ScenarioPnlMatrix> scenarioMatrices(MarginGroup group, List<Scenario> scenarios,
            PositionPricer pricer) {
        Map<String, ScenarioPnlMatrix> out = new LinkedHashMap<>();
        netByCurrency(group).forEach((currency, positions) ->
                out.put(currency, ScenarioPnlMatrix.of(positions, scenarios, pricer)));
        return out;
    }

    /** Equity, haircut equity, IM and MM of a group at one market, USD. */
    private record Levels(double equity, double initialEquity, double initial, double maintenance) {
    }

    /**
     * A group as each market revalues it: its booked rows for equity and, per settlement currency, its net positions
     * as the rule margins them at any market ({@link MarginRule#atMarkets}), so that the liquidation search's dozens
     * of markets do not repeat the netting and the rule's market-free work.
     *
     * <p>At the search's own markets ({@link SearchMarkets}, each a {@link CachingPricer}) the rows' values and, under
     * {@link PortfolioMarginRule}, the requirements are asked by the instruments' slots in the search's numbering
     * ({@link InstrumentSlots}), resolved here once: the same answers, read from arrays instead of looked up in maps.
     */
    private final class Revaluation {
        private final MarginGroup group;
        private final Settlement[] rowSettlements;
        private final int[] rowSlots;
        private final Settlement[] netSettlements;
        private final List<Function<PositionPricer, MarginRequirement>> requirements = new ArrayList<>();
        private final PortfolioMarginRule.BySlot[] bySlot;

        /** The group, its instruments numbered by {@code slots} for a search, or null when there is none. */
        Revaluation(MarginGroup group, InstrumentSlots slots) {
            this.group = group;
            List<Position> rows = group.positions();
            rowSettlements = new Settlement[rows.size()];
            rowSlots = new int[rows.size()];
            for (int i = 0; i < rowSettlements.length; i++) {
                rowSettlements[i] = rows.get(i).settlement();
                rowSlots[i] = slots == null ? -1 : slots.of(rows.get(i).instrument());
            }
            Map<String, List<Position>> net = netByCurrency(group);
            netSettlements = new Settlement[net.size()];
            bySlot = new PortfolioMarginRule.BySlot[net.size()];
            for (List<Position> positions : net.values()) {
                int c = requirements.size();
                netSettlements[c] = positions.get(0).settlement();
                requirements.add(rule.atMarkets(positions));
                if (slots != null && requirements.get(c) instanceof PortfolioMarginRule.AtMarkets laidOut) {
                    bySlot[c] = laidOut.bySlot(slots);
                }
            }
        }

        boolean hasPositions() {
            return !requirements.isEmpty();
        }

        /** Equity, haircut equity, IM and MM at the pricer's market. */
        Levels at(PositionPricer pricer) {
            return at(pricer, null);
        }

        /** {@link #at(PositionPricer)} at a market of the search whose slots this group resolved. */
        Levels at(CachingPricer market) {
            return at(market, market);
        }

        /** The levels at the pricer's market, asked by slot when {@code searched}, the same market, is not null. */
        private Levels at(PositionPricer pricer, CachingPricer searched) {
            double index = pricer.indexPrice();
            double collateral = 0;
            double haircutCollateral = 0;
            for (Collateral holding : group.collateral()) {
                double value = holding.valueUsd(pricer);
                collateral += value;
                haircutCollateral += value * (1 - holding.haircut());
            }
            double positionsValue = 0;
            List<Position> rows = group.positions();
            for (int i = 0; i < rowSettlements.length; i++) {
                Position row = rows.get(i);
                double unitValue = searched == null ? pricer.unitValue(row.instrument())
                        : searched.unitValue(rowSlots[i], row.instrument());
                positionsValue += row.markValue(unitValue) * rowSettlements[i].usdPerUnit(index);
            }
            double initial = 0;
            double maintenance = 0;
            for (int c = 0; c < netSettlements.length; c++) {
                double usd = netSettlements[c].usdPerUnit(index);
                MarginRequirement requirement = searched != null && bySlot[c] != null
                        ? bySlot[c].requirement(searched) : requirements.get(c).apply(pricer);
                initial += requirement.initial() * usd;
                maintenance += requirement.maintenance() * usd;
            }
            return new Levels(collateral + positionsValue, haircutCollateral + positionsValue, initial, maintenance);
        }
    }

    /** Liquidation prices down and up (NaN where none), or the index twice when already liquidatable. */
    private double[] liquidationPrices(Revaluation group, SearchMarkets markets, Levels now) {
        double index = markets.pricer.indexPrice();
        if (!group.hasPositions()) {
            return new double[] {Double.NaN, Double.NaN};
        }
        if (now.equity - now.maintenance <= 0) {
            return new double[] {index, index};
        }
        return new double[] {
                firstCrossing(group, markets, Math.log(LOWEST_PRICE_RATIO)),
                firstCrossing(group, markets, Math.log(HIGHEST_PRICE_RATIO))};
    }

    /** The index price of the first zero of equity - MM from log-move 0 towards {@code farLogMove}, or NaN. */
    private double firstCrossing(Revaluation group, SearchMarkets markets, double farLogMove) {
        DoubleUnaryOperator excess = logMove -> {
            Levels at = group.at(markets.at(logMove));
            return at.equity - at.maintenance;
        };
        double previous = 0.0;
        for (int k = 1; k <= SEARCH_STEPS; k++) {
            double logMove = farLogMove * k / SEARCH_STEPS;
            Levels step = group.at(markets.step(logMove));
            if (step.equity - step.maintenance <= 0) {
                double root = new BrentSolver(1e-12).solve(200, excess::applyAsDouble,
                        Math.min(previous, logMove), Math.max(previous, logMove));
                return markets.pricer.indexPrice() * Math.exp(root);
            }
            previous = logMove;
        }
        return Double.NaN;
    }

    /**
     * The markets of the liquidation search, each the index moved by {@code exp(logMove)}. The search's steps are the
     * same for every group, so each step's market is one {@link CachingPricer} shared by all the groups searched with
     * these markets; the solver's points between steps depend on the group and get a market of their own. All of
     * them are asked by the slots of one numbering of the instruments.
     */
    private static final class SearchMarkets {
        private final PositionPricer pricer;
        private final Map<Long, CachingPricer> steps = new HashMap<>();
        private final InstrumentSlots slots = new InstrumentSlots();
        private final CachingPricer unmoved;

        SearchMarkets(PositionPricer pricer) {
            this.pricer = pricer;
            this.unmoved = new CachingPricer(pricer);
        }

        /** The market of a step of the search, kept for the next group. */
        CachingPricer step(double logMove) {
            return steps.computeIfAbsent(Double.doubleToRawLongBits(logMove), bits -> moved(logMove));
        }

        /** The market at any log move: a step's when it is one (the solver starts from two), else a new one. */
        CachingPricer at(double logMove) {
            CachingPricer step = steps.get(Double.doubleToRawLongBits(logMove));
            return step != null ? step : moved(logMove);
        }

        /**
         * The market moved by {@code exp(logMove)}, {@code pricer.shifted}. A move the interface's default makes, a
         * {@link PositionPricer.ShiftedPricer}, moves each instrument's valuer at the current market, which is the
         * same at every move: it is asked of {@code unmoved}, which binds it once per instrument for all the markets
         * rather than once per instrument and market (a solver's point binds every instrument of its group afresh).
         */
        private CachingPricer moved(double logMove) {
            PositionPricer moved = pricer.shifted(Math.expm1(logMove), 0.0);
            if (moved instanceof PositionPricer.ShiftedPricer shifted && shifted.base() == pricer) {
                moved = new PositionPricer.ShiftedPricer(unmoved, shifted.move(), shifted.shift());
            }
            return new CachingPricer(moved);
        }
    }

    /**
     * The group's positions netted per instrument ({@link NetPositions}), by settlement currency; rules margin these.
     * Equity still adds every booked row's value, since each row's entry price sets its own P&amp;L.
     */
    private static Map<String, List<Position>> netByCurrency(MarginGroup group) {
        return byCurrency(NetPositions.of(group.positions()).positions());
    }

    private static Map<String, List<Position>> byCurrency(List<Position> positions) {
        Map<String, List<Position>> out = new LinkedHashMap<>();
        for (Position position : positions) {
            out.computeIfAbsent(Settlement.currency(position.instrument()), c -> new ArrayList<>()).add(position);
        }
        return out;
    }

    private static double ratio(double margin, double equity) {
        return equity > 0 ? margin / equity : margin > 0 ? Double.POSITIVE_INFINITY : 0.0;
    }
}
