package margo.zk;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import margo.core.margin.Collateral;
import margo.core.margin.MarginGroup;
import margo.core.margin.Position;
import margo.core.margin.PositionPricer;
import margo.core.margin.Settlement;
import margo.zk.ScenarioVectors.Column;

/**
 * The private side of a proof of margin: an account's net size in each instrument of the venue's slate, its cash
 * (equity apart from sizes times marks: collateral and the entry-price terms of futures), a salt, and the witnesses of
 * the circuit's maxima; with the circuit's own arithmetic on them in fixed point, which is the margin the proof is
 * about (docs/zk-margin.md, "Scaling").
 *
 * @param vectors         the venue's vectors the account proves against
 * @param sizes           per slot, the net size (4 decimals): options and linear futures in coin, inverse futures
 *                        in USD of notional, as {@link Position#scenarioQuantity()}
 * @param cashInitial     collateral after haircuts plus the futures' entry terms, in the vectors' currency (16 decimals)
 * @param cashMaintenance the same before haircuts
 * @param salt            a random field element that hides the sizes behind the commitment
 * @param exactSizes      per slot, the net size in double precision, for the rounding bound
 */
record AccountWitness(ScenarioVectors vectors, BigInteger[] sizes, BigInteger cashInitial, BigInteger cashMaintenance,
                      BigInteger salt, double[] exactSizes) {

    /** Half a unit of the last decimal of a per-unit value: the most its rounding moves it. */
    private static final double VALUE_ROUNDING = 0.5e-12;

    /**
     * The witness of the group's positions and collateral against the vectors.
     *
     * @throws IllegalArgumentException when the group holds an instrument the slate lacks, another settlement
     *                                  currency, or sizes or cash beyond the circuit's bounds
     */
    static AccountWitness of(String account, MarginGroup group, PositionPricer pricer, ScenarioVectors vectors,
                             BigInteger salt) {
        Map<String, Double> net = new LinkedHashMap<>();
        double entryTerms = 0;
        for (Position position : group.positions()) {
            String currency = Settlement.currency(position.instrument());
            if (!currency.equals(vectors.currency())) {
                throw new IllegalArgumentException("account " + account + " holds " + position.instrument().text()
                        + ", settled in " + currency + ", but the vectors are in " + vectors.currency());
            }
            if (vectors.slot(position.instrument().text()) < 0) {
                throw new IllegalArgumentException("account " + account + " holds " + position.instrument().text()
                        + ", which the published vectors do not cover (their slate has " + vectors.size()
                        + " instruments)");
            }
            net.merge(position.instrument().text(), position.scenarioQuantity(), Double::sum);
            double unit = pricer.unitValue(position.instrument());
            // What the position adds to equity beyond quantity x mark: an inverse future's size, a linear one's
            // -size x entry (Position.markValue).
            entryTerms += position.markValue(unit) - position.scenarioQuantity() * unit;
        }
        double usdPerUnit = usdPerUnit(vectors.currency(), pricer);
        double collateral = 0;
        double haircutCollateral = 0;
        for (Collateral holding : group.collateral()) {
            double value = holding.valueUsd(pricer) / usdPerUnit;
            collateral += value;
            haircutCollateral += value * (1 - holding.haircut());
        }
        int n = vectors.size();
        BigInteger[] sizes = new BigInteger[n];
        double[] exact = new double[n];
        for (int i = 0; i < n; i++) {
            exact[i] = net.getOrDefault(vectors.instruments().get(i), 0.0);
            sizes[i] = FixedPoint.scaled(exact[i], FixedPoint.SIZE_DECIMALS);
            if (!FixedPoint.fits(sizes[i], FixedPoint.SIZE_BITS)) {
                throw new IllegalArgumentException("account " + account + "'s size in " + vectors.instruments().get(i)
                        + " is beyond the circuit's bound of 2^44 at 4 decimals (1.7e9 units)");
            }
        }
        BigInteger cashInitial = FixedPoint.scaled(haircutCollateral + entryTerms, FixedPoint.AMOUNT_DECIMALS);
        BigInteger cashMaintenance = FixedPoint.scaled(collateral + entryTerms, FixedPoint.AMOUNT_DECIMALS);
        if (!FixedPoint.fits(cashInitial, FixedPoint.CASH_BITS) || !FixedPoint.fits(cashMaintenance, FixedPoint.CASH_BITS)) {
            throw new IllegalArgumentException("account " + account + "'s cash is beyond the circuit's bound of 2^96"
                    + " at 16 decimals");
        }
        return new AccountWitness(vectors, sizes, cashInitial, cashMaintenance, salt, exact);
    }

    /** USD per unit of a settlement currency: the index for the coin, 1 for a stablecoin. */
    static double usdPerUnit(String currency, PositionPricer pricer) {
        return currency.equals(pricer.coin()) ? pricer.indexPrice() : 1.0;
    }

    /** This witness with other cash (tests move it to the margin's edge). */
    AccountWitness withCash(BigInteger initial, BigInteger maintenance) {
        return new AccountWitness(vectors, sizes, initial, maintenance, salt, exactSizes);
    }

    // ---- the circuit's arithmetic

    private BigInteger longPart(int i) {
        return sizes[i].max(BigInteger.ZERO);
    }

    private BigInteger shortPart(int i) {
        return sizes[i].negate().max(BigInteger.ZERO);
    }

    /** The portfolio's P&amp;L in each scenario, 16 decimals. */
    BigInteger[] scenarioPnl() {
        BigInteger[] out = new BigInteger[vectors.scenarioCount()];
        for (int s = 0; s < out.length; s++) {
            BigInteger total = BigInteger.ZERO;
            for (int i = 0; i < sizes.length; i++) {
                total = total.add(sizes[i].multiply(vectors.pnl()[i][s]));
            }
            out[s] = total;
        }
        return out;
    }

    /** {@code max(0, -min over scenarios of the P&L)}, 16 decimals. */
    BigInteger worst() {
        BigInteger worst = BigInteger.ZERO;
        for (BigInteger pnl : scenarioPnl()) {
            worst = worst.max(pnl.negate());
        }
        return worst;
    }

    private BigInteger sum(Column column, boolean absolute) {
        BigInteger total = BigInteger.ZERO;
        for (int i = 0; i < sizes.length; i++) {
            total = total.add((absolute ? sizes[i].abs() : sizes[i]).multiply(vectors.value(column, i)));
        }
        return total;
    }

    /** {@code max(0, |net delta| - threshold)}, 16 decimals. */
    BigInteger deltaExcess() {
        return sum(Column.DELTA, false).abs().subtract(vectors.deltaThreshold()).max(BigInteger.ZERO);
    }

    /** The margin the circuit bounds, at 28 decimals. */
    BigInteger margin(boolean maintenance) {
        BigInteger e6 = FixedPoint.power(6);
        BigInteger e12 = FixedPoint.power(12);
        if (vectors.portfolio()) {
            BigInteger base = worst().add(sum(Column.ROLL, true)).multiply(e6)
                    .add(vectors.deltaShock().multiply(deltaExcess()));
            return base.multiply(maintenance ? vectors.mmFactor() : e6);
        }
        BigInteger linear = BigInteger.ZERO;
        BigInteger squared = BigInteger.ZERO;
        Column onLong = maintenance ? Column.MAINTENANCE_LONG : Column.INITIAL_LONG;
        Column onShort = maintenance ? Column.MAINTENANCE_SHORT : Column.INITIAL_SHORT;
        for (int i = 0; i < sizes.length; i++) {
            linear = linear.add(longPart(i).multiply(vectors.value(onLong, i)))
                    .add(shortPart(i).multiply(vectors.value(onShort, i)));
            squared = squared.add(sizes[i].pow(2).multiply(vectors.value(Column.QUADRATIC, i)));
        }
        return linear.multiply(e12).add(squared);
    }

    /** The equity the circuit compares, at 28 decimals: cash plus sizes times marks. */
    BigInteger equity(boolean maintenance) {
        return (maintenance ? cashMaintenance : cashInitial).add(sum(Column.MARK, false))
                .multiply(FixedPoint.power(12));
    }

    /**
     * The bound on |fixed-point margin - the margin at the exact sizes and double-precision vectors| in the
     * vectors' currency (docs/zk-margin.md, "Approximations"): each size moves by its rounding to 4 decimals
     * {@code dq} (at most half of 10^-4) and each per-unit value by at most half of 10^-12 ({@code dv}), so each
     * product {@code q v} moves by at most {@code dq |v| + |q| dv + dq dv}, and a maximum over scenarios by at most
     * the largest such sum.
     */
    double marginRoundingBound(boolean maintenance) {
        double total = 0;
        if (vectors.portfolio()) {
            double worst = 0;
            for (int s = 0; s < vectors.scenarioCount(); s++) {
                double scenario = 0;
                for (int i = 0; i < sizes.length; i++) {
                    scenario += productError(i, vectors.pnl()[i][s], FixedPoint.VALUE_DECIMALS);
                }
                worst = Math.max(worst, scenario);
            }
            double roll = 0;
            double delta = 0.5e-16;
            for (int i = 0; i < sizes.length; i++) {
                roll += productError(i, vectors.value(Column.ROLL, i), FixedPoint.VALUE_DECIMALS);
                delta += productError(i, vectors.value(Column.DELTA, i), FixedPoint.VALUE_DECIMALS);
            }
            double fraction = FixedPoint.unscaled(vectors.deltaShock(), FixedPoint.FRACTION_DECIMALS);
            total = worst + roll + fraction * delta;
            if (maintenance) {
                total *= FixedPoint.unscaled(vectors.mmFactor(), FixedPoint.FRACTION_DECIMALS);
            }
        } else {
            Column onLong = maintenance ? Column.MAINTENANCE_LONG : Column.INITIAL_LONG;
            Column onShort = maintenance ? Column.MAINTENANCE_SHORT : Column.INITIAL_SHORT;
            for (int i = 0; i < sizes.length; i++) {
                BigInteger larger = vectors.value(onLong, i).max(vectors.value(onShort, i));
                total += productError(i, larger, FixedPoint.VALUE_DECIMALS);
                double q = Math.abs(exactSizes[i]);
                double dq = sizeRounding(i);
                double quadratic = FixedPoint.unscaled(vectors.value(Column.QUADRATIC, i), FixedPoint.QUADRATIC_DECIMALS);
                total += (2 * q * dq + dq * dq) * (quadratic + 0.5e-20) + q * q * 0.5e-20;
            }
        }
        return total;
    }

    /** The same bound for the equity: the marks' products and the cash's last decimal. */
    double equityRoundingBound() {
        double total = 0.5e-16;
        for (int i = 0; i < sizes.length; i++) {
            total += productError(i, vectors.value(Column.MARK, i), FixedPoint.VALUE_DECIMALS);
        }
        return total;
    }

    private double productError(int i, BigInteger value, int decimals) {
        double v = Math.abs(FixedPoint.unscaled(value, decimals));
        double dq = sizeRounding(i);
        return dq * v + Math.abs(exactSizes[i]) * VALUE_ROUNDING + dq * VALUE_ROUNDING;
    }

    /** How far rounding to 4 decimals moved size {@code i}, with the double's own last bit. */
    private double sizeRounding(int i) {
        return Math.abs(FixedPoint.unscaled(sizes[i], FixedPoint.SIZE_DECIMALS) - exactSizes[i])
                + Math.ulp(exactSizes[i]);
    }

    // ---- the circuit's input

    /** The circuit's input: the public vectors, the rule, and the private account with its witnesses. */
    Map<String, Object> circuitInput(boolean maintenance) {
        Map<String, Object> input = new LinkedHashMap<>();
        for (Column column : Column.values()) {
            input.put(camelCase(column.key), fields(vectors.columnValues(column)));
        }
        BigInteger[][] pnl = vectors.pnl();
        List<List<String>> rows = new java.util.ArrayList<>();
        for (BigInteger[] row : pnl) {
            rows.add(fields(row));
        }
        input.put("pnl", rows);
        input.put("portfolio", vectors.portfolio() ? "1" : "0");
        input.put("maintenance", maintenance ? "1" : "0");
        input.put("mmFactor", FixedPoint.field(vectors.mmFactor()));
        input.put("deltaShock", FixedPoint.field(vectors.deltaShock()));
        input.put("deltaThreshold", FixedPoint.field(vectors.deltaThreshold()));
        input.put("size", fields(sizes));
        input.put("cashInitial", FixedPoint.field(cashInitial));
        input.put("cashMaintenance", FixedPoint.field(cashMaintenance));
        input.put("salt", FixedPoint.field(salt));
        BigInteger[] longs = new BigInteger[sizes.length];
        BigInteger[] shorts = new BigInteger[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            longs[i] = longPart(i);
            shorts[i] = shortPart(i);
        }
        input.put("long", fields(longs));
        input.put("short", fields(shorts));
        input.put("worst", FixedPoint.field(worst()));
        input.put("deltaExcess", FixedPoint.field(deltaExcess()));
        return input;
    }

    private static List<String> fields(BigInteger[] values) {
        return java.util.Arrays.stream(values).map(FixedPoint::field).toList();
    }

    private static String camelCase(String key) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : key.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
