package margo.core.risk;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import margo.core.margin.Account;
import margo.core.margin.Book;
import margo.core.margin.MarginCalculator;
import margo.core.margin.MarginGroup;
import margo.core.margin.MarginRule;
import margo.core.margin.PositionPricer;

/**
 * A backtest of a book's margin against history, holding the book fixed (the hypothetical-portfolio test of CCP
 * margin models, e.g. BME Clearing's: IM at day D against the positions' P&amp;L from D to D + N). For each realised,
 * non-overlapping horizon of a {@link ShockSeries}, every margin group's positions are revalued at today's market moved
 * by the historical price move, options by the book's pricer (Black-76 at the market's mark vols, for
 * {@link margo.core.margin.Black76PositionPricer}) with vols shifted by the stated {@link VolatilityResponse}; the
 * loss is compared with the initial margin the rule required before the move, the rule being built from the shock
 * known then (or fixed). A loss above the margin is an exception; each group's exceptions are backtested like a shock
 * series.
 *
 * <p>Only positions count: collateral is left out on both sides, since its risk is the haircut's
 * ({@link CollateralHaircut}). Amounts are USD, as {@link MarginCalculator} reports them.
 */
public final class BookBacktest {

    private BookBacktest() {
    }

    /**
     * How implied vols move with the price in the revaluation: every option's IV shifts by
     * {@code slope x ln(1 + move)} (vol points per unit log move; negative for crypto's spot-vol correlation, so a
     * fall raises vols), IVs floored at zero by the pricer. {@link #UNCHANGED} keeps the market's vols.
     *
     * @param slope the IV shift per unit log price move, decimal
     */
    public record VolatilityResponse(double slope) implements Serializable {

        /** Vols as marked today in every scenario. */
        public static final VolatilityResponse UNCHANGED = new VolatilityResponse(0);

        public VolatilityResponse {
            if (!Double.isFinite(slope)) {
                throw new IllegalArgumentException("the vol response slope must be finite, not " + slope);
            }
        }

        /** The IV shift after a horizon log return {@code logMove}. */
        public double shift(double logMove) {
            return slope * logMove;
        }

        /** E.g. "vols unchanged" or "vols shifted by -0.50 x ln(1 + move)". */
        public String describe() {
            return slope == 0 ? "vols unchanged" : String.format(Locale.ROOT, "vols shifted by %+.2f x ln(1 + move)",
                    slope);
        }
    }

    /**
     * One margin group's record.
     *
     * @param account    the account's name
     * @param group      the group's label, empty for the cross pool
     * @param origins    the origin bar of each checked horizon
     * @param losses     the positions' loss over each horizon, USD (negative for a gain)
     * @param margins    the initial margin required before it, USD
     * @param exceptions whether each loss exceeded its margin
     * @param backtest   the exceptions' backtest at the series' confidence
     */
    public record GroupResult(String account, String group, int[] origins, double[] losses, double[] margins,
                              boolean[] exceptions, Backtest backtest) {

        public GroupResult {
            origins = origins.clone();
            losses = losses.clone();
            margins = margins.clone();
            exceptions = exceptions.clone();
        }

        @Override
        public int[] origins() {
            return origins.clone();
        }

        @Override
        public double[] losses() {
            return losses.clone();
        }

        @Override
        public double[] margins() {
            return margins.clone();
        }

        @Override
        public boolean[] exceptions() {
            return exceptions.clone();
        }
    }

    /**
     * The result: one record per margin group with positions, and the revaluation rule as a sentence for reports.
     *
     * @param groups      per group
     * @param revaluation how positions were revalued
     */
    public record Result(List<GroupResult> groups, String revaluation) {
        public Result {
            groups = List.copyOf(groups);
        }
    }

    /**
     * Backtests every margin group of {@code book}.
     *
     * @param pricer   today's market: the book is revalued at it moved by each historical move
     * @param shocks   the shock series whose realised horizons are replayed (every {@code N}-th, non-overlapping)
     * @param ruleAt   the rule in force given the shock known before a horizon, e.g. a portfolio-margin rule with
     *                 that price range; a fixed rule ignores its argument
     * @param response how vols move with the price
     */
    public static Result run(Book book, PositionPricer pricer, ShockSeries shocks, Function<Shock, MarginRule> ruleAt,
                             VolatilityResponse response) {
        if (book == null || pricer == null || shocks == null || ruleAt == null || response == null) {
            throw new IllegalArgumentException("book, pricer, shocks, rule and vol response must not be null");
        }
        int step = shocks.spec().horizonBars();
        int count = (shocks.realisedCount() + step - 1) / step;
        if (count < 2) {
            throw new IllegalArgumentException("the shock series has " + shocks.realisedCount()
                    + " realised horizons: too few to backtest a book");
        }
        Map<Shock, MarginCalculator> calculators = new HashMap<>();
        List<GroupResult> out = new ArrayList<>();
        for (Account account : book.accounts()) {
            for (MarginGroup group : account.groups()) {
                if (group.positions().isEmpty()) {
                    continue;
                }
                out.add(group(account.name(), new MarginGroup(group.label(), group.positions(), List.of()), pricer,
                        shocks, step, count, ruleAt, calculators, response));
            }
        }
        return new Result(out, "positions revalued at today's market moved by each historical " + step
                + "-bar move, " + response.describe() + "; loss against the initial margin required before the move");
    }

    private static GroupResult group(String account, MarginGroup positions, PositionPricer pricer, ShockSeries shocks,
                                     int step, int count, Function<Shock, MarginRule> ruleAt,
                                     Map<Shock, MarginCalculator> calculators, VolatilityResponse response) {
        int[] origins = new int[count];
        double[] losses = new double[count];
        double[] margins = new double[count];
        boolean[] exceptions = new boolean[count];
        Map<Shock, Double> marginByShock = new HashMap<>();
        // Equity of positions only (no collateral), so its change is the positions' P&L in USD.
        MarginCalculator valuation = new MarginCalculator(ruleAt.apply(shocks.shock(0)));
        double equityNow = valuation.equityAndMaintenance(positions, pricer)[0];
        for (int k = 0; k < count; k++) {
            int i = k * step;
            Shock shock = shocks.shock(i);
            MarginCalculator calculator = calculators.computeIfAbsent(shock, s -> new MarginCalculator(ruleAt.apply(s)));
            margins[k] = marginByShock.computeIfAbsent(shock, s -> calculator.state(positions, pricer).initialMargin());
            double logMove = shocks.realised(i);
            PositionPricer moved = pricer.shifted(Math.expm1(logMove), response.shift(logMove));
            losses[k] = equityNow - valuation.equityAndMaintenance(positions, moved)[0];
            exceptions[k] = losses[k] > margins[k];
            origins[k] = shocks.origin(i);
        }
        return new GroupResult(account, positions.label(), origins, losses, margins, exceptions,
                Backtest.of(exceptions, shocks.spec().confidence()));
    }
}
