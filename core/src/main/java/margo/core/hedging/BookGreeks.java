package margo.core.hedging;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import margo.core.margin.Account;
import margo.core.margin.Book;
import margo.core.margin.Collateral;
import margo.core.margin.MarginGroup;
import margo.core.margin.Position;
import margo.core.margin.PositionPricer;
import margo.core.margin.Settlement;
import margo.core.market.InstrumentName;
import margo.core.pricing.Black76;
import margo.core.pricing.OptionType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The greeks of a book: each position's and each coin collateral holding's share of its margin group's USD equity
 * differentiated analytically ({@link Greeks}), added up by expiry and in total.
 *
 * <p>Options are Black-76 at the implied volatility the pricer gives them: the mark IV, or with a model pricer the
 * model's implied vol at the current forward, held as the forward moves (sticky strike, the convention of venue
 * greeks). A linear option is worth {@code V} USD; an inverse one {@code V/F} coin, which is {@code V S/F} USD, so
 * its USD greeks are Black's times {@code S/F}. An inverse future of {@code N} USD at average price {@code a} is worth
 * {@code N (1/a - 1/F)} coin, {@code (N/a) S - N S/F} USD when every price moves together: its USD delta is
 * {@code size x S}. A linear future is worth {@code size (F - a)} USD. Coin collateral is worth {@code amount x S}.
 */
public final class BookGreeks {

    /** The bucket of perpetuals in {@link #byExpiry}. */
    public static final String PERPETUAL = "perpetual";
    /** The bucket of coin collateral in {@link #byExpiry}. */
    public static final String COLLATERAL = "collateral";
    /** The label of a group's total row in {@link #report}. */
    public static final String TOTAL = "total";

    private BookGreeks() {
    }

    /** The greeks of one position, its share of its group's USD equity. */
    public static Greeks of(Position position, PositionPricer pricer) {
        InstrumentName instrument = position.instrument();
        double index = pricer.indexPrice();
        double forward = pricer.forward(instrument);
        boolean inverse = position.settlement() == Settlement.INVERSE;
        double size = position.size();
        if (instrument instanceof InstrumentName.Option option) {
            OptionType type = option.type();
            double strike = option.strike();
            double time = pricer.timeToExpiry(option);
            double vol = pricer.markVolatility(option);
            double usd = size * (inverse ? index / forward : 1.0);
            double blackDelta = Black76.delta(type, forward, strike, time, vol);
            return new Greeks(
                    size * (inverse ? Black76.deltaInCoin(type, forward, strike, time, vol) : blackDelta),
                    usd * forward * blackDelta,
                    usd * forward * forward * Black76.gamma(type, forward, strike, time, vol) * 0.01,
                    usd * Black76.vega(type, forward, strike, time, vol) * 0.01,
                    usd * Black76.theta(type, forward, strike, time, vol) / 365.0,
                    usd * forward * Black76.vanna(type, forward, strike, time, vol) * 0.01,
                    usd * Black76.volga(type, forward, strike, time, vol) * 1e-4);
        }
        if (inverse) {
            return new Greeks(position.scenarioQuantity() / forward, size * index, 0, 0, 0, 0, 0);
        }
        return new Greeks(size, size * forward, 0, 0, 0, 0, 0);
    }

    /** The greeks of a collateral holding: {@code amount x S} of USD delta for the coin, none for USD and stablecoins. */
    public static Greeks of(Collateral collateral, PositionPricer pricer) {
        if (Collateral.USD_CURRENCIES.contains(collateral.currency())) {
            return Greeks.ZERO;
        }
        return new Greeks(0, collateral.amount() * Collateral.usdPrice(collateral.currency(), pricer), 0, 0, 0, 0, 0);
    }

    /** The group's greeks: every position's and collateral holding's added up. */
    public static Greeks of(MarginGroup group, PositionPricer pricer) {
        Greeks total = Greeks.ZERO;
        for (Greeks bucket : byExpiry(group, pricer).values()) {
            total = total.plus(bucket);
        }
        return total;
    }

    /**
     * The group's greeks by bucket, in order: each expiry date ({@code 2024-03-29}) of its options and futures, then
     * {@value #PERPETUAL}, then {@value #COLLATERAL} (coin collateral; none for a group holding only stablecoins).
     */
    public static Map<String, Greeks> byExpiry(MarginGroup group, PositionPricer pricer) {
        Map<String, Greeks> dated = new TreeMap<>();
        Greeks perpetual = null;
        for (Position position : group.positions()) {
            Greeks greeks = of(position, pricer);
            LocalDate expiry = switch (position.instrument()) {
                case InstrumentName.Option option -> option.expiryDate();
                case InstrumentName.Future future -> future.expiryDate();
                case InstrumentName.Perpetual ignored -> null;
            };
            if (expiry == null) {
                perpetual = perpetual == null ? greeks : perpetual.plus(greeks);
            } else {
                dated.merge(expiry.toString(), greeks, Greeks::plus);
            }
        }
        Map<String, Greeks> out = new LinkedHashMap<>(dated);
        if (perpetual != null) {
            out.put(PERPETUAL, perpetual);
        }
        Greeks collateral = null;
        for (Collateral holding : group.collateral()) {
            if (!Collateral.USD_CURRENCIES.contains(holding.currency())) {
                Greeks greeks = of(holding, pricer);
                collateral = collateral == null ? greeks : collateral.plus(greeks);
            }
        }
        if (collateral != null) {
            out.put(COLLATERAL, collateral);
        }
        return out;
    }

    /**
     * Every group's greeks as a table: {@code account}, {@code group} (empty for the cross pool), {@code expiry}
     * (a bucket of {@link #byExpiry}, or {@value #TOTAL}), then one column per {@link Greek}.
     */
    public static Table report(Book book, PositionPricer pricer) {
        StringColumn accounts = StringColumn.create("account");
        StringColumn groups = StringColumn.create("group");
        StringColumn buckets = StringColumn.create("expiry");
        Greek[] greeks = Greek.values();
        DoubleColumn[] columns = new DoubleColumn[greeks.length];
        for (int g = 0; g < greeks.length; g++) {
            columns[g] = DoubleColumn.create(greeks[g].columnName());
        }
        double index = pricer.indexPrice();
        for (Account account : book.accounts()) {
            for (MarginGroup group : account.groups()) {
                Map<String, Greeks> rows = byExpiry(group, pricer);
                Greeks total = Greeks.ZERO;
                for (Greeks bucket : rows.values()) {
                    total = total.plus(bucket);
                }
                Map<String, Greeks> withTotal = new LinkedHashMap<>(rows);
                withTotal.put(TOTAL, total);
                withTotal.forEach((bucket, values) -> {
                    accounts.append(account.name());
                    groups.append(group.label());
                    buckets.append(bucket);
                    for (int g = 0; g < greeks.length; g++) {
                        columns[g].append(greeks[g].of(values, index));
                    }
                });
            }
        }
        Table table = Table.create("greeks", accounts, groups, buckets);
        table.addColumns(columns);
        return table;
    }
}
