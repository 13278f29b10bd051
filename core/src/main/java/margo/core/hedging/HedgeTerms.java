package margo.core.hedging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import margo.core.margin.PortfolioMarginParameters;
import margo.core.margin.Position;
import margo.core.margin.PositionPricer;
import margo.core.margin.ScenarioPnlMatrix;
import margo.core.margin.Scenario;
import margo.core.margin.Settlement;
import margo.core.market.InstrumentName;

/**
 * Everything about a {@link HedgeProblem} that is linear in the trade sizes, on primitive arrays: per candidate and
 * per side (buy, sell) its greeks, spread cost and premium, and, for a portfolio-margin objective, its scenario
 * P&amp;L, delta and roll move; per settlement currency the group's own scenario P&amp;L and delta. A trade of
 * {@code x} coin of candidate {@code j} is a purchase when {@code x > 0}, a sale when {@code x < 0}.
 *
 * <p>Buying an inverse option pays its premium in coin, which leaves the collateral: that coin's delta (its USD value
 * moves with the index) is part of the trade's greeks, so a purchase's {@code delta_usd} is Black's less the coin
 * paid times the index (Deribit's premium-adjusted delta, in USD). Linear premiums are paid in USDC, which has none.
 * Paid at the ask and received at the bid, the coin makes buying and selling one option at once shed coin delta
 * for the spread; {@link #atMark} counts the premium at the mark, where a purchase and a sale cancel.
 *
 * <p>The portfolio-margin IM of the group after a trade {@code x} is exact here ({@link #initialMargin}):
 * <pre>
 *   IM(x) = sum over currencies c of usd_c ( max(0, max_s -(P0_cs + sum_j p_js x_j))
 *                                           + maxDeltaShock max(0, |D0_c + sum_j d_j x_j| - threshold / usd_c) )
 *         + sum over instruments k usd_k roll_k |delta_k (Q_k + q_k x_k)|
 * </pre>
 * with {@code P0} and {@code D0} the group's scenario P&amp;L and net {@code dV/d ln F}, {@code Q_k} its net quantity
 * of instrument {@code k}, {@code q_k} the quantity one coin of trade adds (the USD notional {@code F} for an inverse
 * future, 1 otherwise), the same terms {@link margo.core.margin.PortfolioMarginRule} computes on the net book.
 */
final class HedgeTerms {

    final HedgeProblem problem;
    final int n;
    final double index;
    final Greeks before;
    /** The greeks of buying and of selling one coin of each candidate (the sale's include its sign). */
    final Greeks[] buy;
    final Greeks[] sell;
    /** The greeks of one coin traded with its premium counted at the mark: the same for a purchase and a sale. */
    final Greeks[] atMark;
    /** USD lost against the mark per coin bought, per coin sold: ask - mark, mark - bid, at least 0. */
    final double[] buyCost;
    final double[] sellCost;
    /** USD paid per coin bought, received per coin sold. */
    final double[] buyPrice;
    final double[] sellPrice;
    final double[] mark;
    final boolean[] canBuy;
    final boolean[] canSell;

    // ---- portfolio margin, when the objective is margin (null otherwise)
    final Margin margin;

    HedgeTerms(HedgeProblem problem) {
        this.problem = problem;
        PositionPricer pricer = problem.pricer();
        n = problem.candidates().size();
        index = pricer.indexPrice();
        before = BookGreeks.of(problem.group(), pricer);
        buy = new Greeks[n];
        sell = new Greeks[n];
        atMark = new Greeks[n];
        buyCost = new double[n];
        sellCost = new double[n];
        buyPrice = new double[n];
        sellPrice = new double[n];
        mark = new double[n];
        canBuy = new boolean[n];
        canSell = new boolean[n];
        for (int j = 0; j < n; j++) {
            HedgeCandidate candidate = problem.candidates().get(j);
            InstrumentName instrument = candidate.instrument();
            boolean option = instrument instanceof InstrumentName.Option;
            double usd = Settlement.of(instrument).usdPerUnit(index);
            mark[j] = option ? pricer.unitValue(instrument) : pricer.forward(instrument);
            boolean unquotedDeltaOne = !option && Double.isNaN(candidate.bid()) && Double.isNaN(candidate.ask());
            double ask = unquotedDeltaOne ? mark[j] : candidate.ask();
            double bid = unquotedDeltaOne ? mark[j] : candidate.bid();
            canBuy[j] = !Double.isNaN(ask);
            canSell[j] = !Double.isNaN(bid);
            Greeks one = BookGreeks.of(new Position(instrument, 1.0, mark[j]), pricer);
            // Premiums of inverse options move coin in or out of the collateral, whose USD value has delta.
            boolean coinPremium = option && Settlement.of(instrument) == Settlement.INVERSE;
            buy[j] = one.plus(coinCash(coinPremium && canBuy[j] ? -ask : 0));
            sell[j] = one.times(-1).plus(coinCash(coinPremium && canSell[j] ? bid : 0));
            atMark[j] = one.plus(coinCash(coinPremium ? -mark[j] : 0));
            buyCost[j] = canBuy[j] ? Math.max(0, ask - mark[j]) * usd : 0;
            sellCost[j] = canSell[j] ? Math.max(0, mark[j] - bid) * usd : 0;
            buyPrice[j] = option && canBuy[j] ? ask * usd : 0;
            sellPrice[j] = option && canSell[j] ? bid * usd : 0;
        }
        margin = problem.objective() instanceof HedgeObjective.Margin objective
                ? new Margin(problem, objective.rule().parameters()) : null;
    }

    private Greeks coinCash(double coin) {
        return new Greeks(0, coin * index, 0, 0, 0, 0, 0);
    }

    /** The group's greeks after trading {@code x} (coin per candidate). */
    Greeks greeksAfter(double[] x) {
        Greeks out = before;
        for (int j = 0; j < n; j++) {
            if (x[j] > 0) {
                out = out.plus(buy[j].times(x[j]));
            } else if (x[j] < 0) {
                out = out.plus(sell[j].times(-x[j]));
            }
        }
        return out;
    }

    /** USD lost to the spread trading {@code x}. */
    double cost(double[] x) {
        double total = 0;
        for (int j = 0; j < n; j++) {
            total += x[j] > 0 ? buyCost[j] * x[j] : -sellCost[j] * x[j];
        }
        return total;
    }

    /** Coins traded. */
    static double traded(double[] x) {
        double total = 0;
        for (double size : x) {
            total += Math.abs(size);
        }
        return total;
    }

    /** The value of the problem's objective at {@code x}: USD of cost or IM, or coins traded. */
    double objective(double[] x) {
        return switch (problem.objective()) {
            case HedgeObjective.Cost ignored -> cost(x);
            case HedgeObjective.Trades ignored -> traded(x);
            case HedgeObjective.Margin ignored -> margin.initialMargin(x);
        };
    }

    /** Whether every target holds at {@code x}, within {@code slack} of each target's scale. */
    boolean meetsTargets(double[] x, double relativeSlack) {
        Greeks greeks = greeksAfter(x);
        for (GreekTarget target : problem.targets()) {
            if (!target.holds(target.greek().of(greeks, index), relativeSlack * scale(target))) {
                return false;
            }
        }
        return true;
    }

    /** A target's size, for tolerances and for weighing violations: its width, or its magnitude when exact. */
    double scale(GreekTarget target) {
        double width = target.high() - target.low();
        if (width > 0 && Double.isFinite(width)) {
            return width;
        }
        double magnitude = Math.max(Math.abs(target.low()), Math.abs(target.high()));
        return Double.isFinite(magnitude) && magnitude > 0 ? magnitude
                : Math.max(1.0, Math.abs(target.greek().of(before, index)));
    }

    /** The portfolio-margin terms of {@link HedgeTerms}'s class comment, per currency and per candidate. */
    static final class Margin {
        final List<String> currencies = new ArrayList<>();
        /** Per currency: USD per unit, scenario P&amp;L of the group [scenario], net delta of the group. */
        final double[] usd;
        final double[][] groupPnl;
        final double[] groupDelta;
        /** Per candidate: its currency's index, scenario P&amp;L per coin [scenario], delta per coin, roll move. */
        final int[] currencyOf;
        final double[][] pnl;
        final double[] delta;
        final double[] rollMove;
        /** Per candidate: the group's net quantity of it and the quantity one coin adds. */
        final double[] held;
        final double[] quantityPerCoin;
        /** USD of roll shock on the group's instruments that are not candidates. */
        final double fixedRoll;
        final double maxDeltaShock;
        final double thresholdUsd;
        final int scenarios;

        Margin(HedgeProblem problem, PortfolioMarginParameters parameters) {
            PositionPricer pricer = problem.pricer();
            double index = pricer.indexPrice();
            List<Scenario> grid = parameters.scenarios();
            scenarios = grid.size();
            maxDeltaShock = parameters.maxDeltaShock();
            thresholdUsd = parameters.deltaShockThresholdUsd();
            Map<String, List<Position>> byCurrency = new LinkedHashMap<>();
            for (Position position : problem.group().positions()) {
                byCurrency.computeIfAbsent(Settlement.currency(position.instrument()), c -> new ArrayList<>())
                        .add(position);
            }
            for (HedgeCandidate candidate : problem.candidates()) {
                byCurrency.computeIfAbsent(Settlement.currency(candidate.instrument()), c -> new ArrayList<>());
            }
            currencies.addAll(byCurrency.keySet());
            int currencyCount = currencies.size();
            usd = new double[currencyCount];
            groupPnl = new double[currencyCount][scenarios];
            groupDelta = new double[currencyCount];
            int n = problem.candidates().size();
            currencyOf = new int[n];
            pnl = new double[n][];
            delta = new double[n];
            rollMove = new double[n];
            held = new double[n];
            quantityPerCoin = new double[n];
            Map<InstrumentName, Double> heldQuantity = new LinkedHashMap<>();
            for (int c = 0; c < currencyCount; c++) {
                List<Position> positions = byCurrency.get(currencies.get(c));
                for (Position position : positions) {
                    usd[c] = position.settlement().usdPerUnit(index);
                    groupDelta[c] += position.scenarioQuantity() * pricer.moveDelta(position.instrument());
                    heldQuantity.merge(position.instrument(), position.scenarioQuantity(), Double::sum);
                }
                if (!positions.isEmpty()) {
                    groupPnl[c] = ScenarioPnlMatrix.of(positions, grid, pricer).portfolioPnl();
                }
            }
            List<InstrumentName> instruments = new ArrayList<>();
            for (HedgeCandidate candidate : problem.candidates()) {
                instruments.add(candidate.instrument());
            }
            double[] unit = ScenarioPnlMatrix.unitPnl(instruments, grid, pricer);
            for (int j = 0; j < n; j++) {
                InstrumentName instrument = instruments.get(j);
                currencyOf[j] = currencies.indexOf(Settlement.currency(instrument));
                usd[currencyOf[j]] = Settlement.of(instrument).usdPerUnit(index);
                boolean inverseFuture = !(instrument instanceof InstrumentName.Option)
                        && Settlement.of(instrument) == Settlement.INVERSE;
                quantityPerCoin[j] = inverseFuture ? pricer.forward(instrument) : 1.0;
                pnl[j] = new double[scenarios];
                for (int s = 0; s < scenarios; s++) {
                    pnl[j][s] = quantityPerCoin[j] * unit[j * scenarios + s];
                }
                delta[j] = pricer.moveDelta(instrument);
                rollMove[j] = parameters.rollMove(pricer.timeToExpiry(instrument));
                Double quantity = heldQuantity.remove(instrument);
                held[j] = quantity == null ? 0.0 : quantity;
            }
            double roll = 0;
            for (Map.Entry<InstrumentName, Double> rest : heldQuantity.entrySet()) {
                InstrumentName instrument = rest.getKey();
                roll += Settlement.of(instrument).usdPerUnit(index) * parameters.rollMove(pricer.timeToExpiry(instrument))
                        * Math.abs(rest.getValue() * pricer.moveDelta(instrument));
            }
            fixedRoll = roll;
        }

        /** The group's portfolio-margin IM after trading {@code x}, USD. */
        double initialMargin(double[] x) {
            double total = fixedRoll;
            for (int c = 0; c < currencies.size(); c++) {
                double worst = 0;
                for (int s = 0; s < scenarios; s++) {
                    double value = groupPnl[c][s];
                    for (int j = 0; j < x.length; j++) {
                        if (currencyOf[j] == c) {
                            value += pnl[j][s] * x[j];
                        }
                    }
                    worst = Math.max(worst, -value);
                }
                double netDelta = groupDelta[c];
                for (int j = 0; j < x.length; j++) {
                    if (currencyOf[j] == c) {
                        netDelta += delta[j] * quantityPerCoin[j] * x[j];
                    }
                }
                double shock = maxDeltaShock * Math.max(0.0, Math.abs(netDelta) - thresholdUsd / usd[c]);
                total += usd[c] * (worst + shock);
            }
            for (int j = 0; j < x.length; j++) {
                total += usd[currencyOf[j]] * rollMove[j] * Math.abs(delta[j] * (held[j] + quantityPerCoin[j] * x[j]));
            }
            return total;
        }
    }
}
