package margo.core.margin;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import margo.core.market.ChainColumn;
import margo.core.market.InstrumentName;
import margo.core.market.OptionChain;
import margo.core.market.QuoteConvention;
import margo.core.market.YearFraction;
import tech.tablesaw.api.Table;

/**
 * The market data a margin calculation needs for one coin: the index, the forward of each expiry, the perpetual's
 * mark and the mark-IV smile of each expiry, at one valuation time.
 *
 * <p>Linear instruments on the coin ({@code BTC_USDC-...}) use the same index, forwards and smiles as the inverse
 * ones ({@code BTC-...}): on Deribit both reference the same BTC index.
 *
 * @param coin           the coin, e.g. {@code BTC}
 * @param valuationTime  the instant the market is observed; time to expiry counts from here
 * @param indexPrice     the coin's index price, USD per coin, &gt; 0
 * @param perpetualPrice the perpetual's mark price, USD per coin, &gt; 0
 * @param forwards       the forward (dated future's mark) per expiry date, USD per coin, each &gt; 0
 * @param smiles         the mark implied volatilities per option expiry date
 * @param markPrices     the data's own mark price of each option that has one, by instrument name, USD per option on
 *                       one coin; an option priced here is valued at it, the mark IV then serving only for volatility
 *                       shocks (and for the strikes without one)
 */
public record MarketSnapshot(String coin, Instant valuationTime, double indexPrice, double perpetualPrice,
                             Map<LocalDate, Double> forwards, Map<LocalDate, VolatilitySmile> smiles,
                             Map<String, Double> markPrices) implements Serializable {

    /** A snapshot whose options are valued by Black-76 at their mark IV, the data giving no mark price. */
    public MarketSnapshot(String coin, Instant valuationTime, double indexPrice, double perpetualPrice,
                          Map<LocalDate, Double> forwards, Map<LocalDate, VolatilitySmile> smiles) {
        this(coin, valuationTime, indexPrice, perpetualPrice, forwards, smiles, Map.of());
    }

    public MarketSnapshot {
        if (coin == null || coin.isBlank()) {
            throw new IllegalArgumentException("coin must not be empty");
        }
        if (valuationTime == null) {
            throw new IllegalArgumentException("valuationTime must not be null");
        }
        requirePositive("indexPrice", indexPrice);
        requirePositive("perpetualPrice", perpetualPrice);
        if (forwards == null || smiles == null) {
            throw new IllegalArgumentException("forwards and smiles must not be null");
        }
        forwards.forEach((date, forward) -> requirePositive("forward for " + date, forward == null ? Double.NaN : forward));
        forwards = Map.copyOf(new TreeMap<>(forwards));
        smiles = Map.copyOf(smiles);
        if (markPrices == null) {
            throw new IllegalArgumentException("markPrices must not be null (Map.of() for none)");
        }
        markPrices.forEach((instrument, mark) -> {
            if (mark == null || !(mark >= 0) || Double.isInfinite(mark)) {
                throw new IllegalArgumentException("the mark price of " + instrument + " must be a finite number at"
                        + " least 0, not " + mark);
            }
        });
        markPrices = Map.copyOf(markPrices);
    }

    /**
     * The snapshot of a loaded chain: each expiry's forward and its smile of mark IVs (calls and puts at a strike
     * averaged, which leaves Deribit's single mark IV per strike unchanged), and each option's mark price where the
     * data has one, in USD as the chain's own prices convert ({@code bid_usd / bid}). The perpetual is marked at the
     * index.
     *
     * @param chain      an option chain with {@code forward} and {@code mark_iv} columns
     * @param indexPrice the coin's index price in USD per coin; a chain holds forwards, not the index
     * @throws IllegalArgumentException when the chain has no mark IVs for some expiry, or mixes underlyings
     */
    public static MarketSnapshot fromChain(OptionChain chain, double indexPrice) {
        if (chain == null) {
            throw new IllegalArgumentException("chain must not be null");
        }
        Table table = chain.table();
        String mixed = OptionChain.mixedUnderlyings(table);
        if (mixed != null) {
            throw new IllegalArgumentException("a market is one underlying's; the chain from " + chain.source()
                    + " mixes options on " + mixed);
        }
        Map<LocalDate, Double> forwards = new TreeMap<>();
        Map<LocalDate, TreeMap<Double, double[]>> byExpiry = new TreeMap<>();
        Map<String, Double> marks = new TreeMap<>();
        for (int row = 0; row < table.rowCount(); row++) {
            double mark = table.doubleColumn(ChainColumn.MARK.columnName()).getDouble(row);
            double toUsd = usdPerQuoteUnit(table, row, chain.convention());
            if (mark >= 0 && toUsd > 0) {
                marks.put(table.stringColumn(ChainColumn.INSTRUMENT.columnName()).get(row), mark * toUsd);
            }
            LocalDate expiry = LocalDate.ofInstant(
                    table.instantColumn(ChainColumn.EXPIRY.columnName()).get(row), ZoneOffset.UTC);
            double forward = table.doubleColumn(ChainColumn.FORWARD.columnName()).getDouble(row);
            double strike = table.doubleColumn(ChainColumn.STRIKE.columnName()).getDouble(row);
            double markIv = table.doubleColumn(ChainColumn.MARK_IV.columnName()).getDouble(row);
            if (forward > 0) {
                forwards.putIfAbsent(expiry, forward);
            }
            if (markIv >= 0) {
                double[] sumAndCount = byExpiry.computeIfAbsent(expiry, e -> new TreeMap<>())
                        .computeIfAbsent(strike, k -> new double[2]);
                sumAndCount[0] += markIv;
                sumAndCount[1] += 1;
            }
        }
        Map<LocalDate, VolatilitySmile> smiles = new TreeMap<>();
        byExpiry.forEach((expiry, strikes) -> {
            List<Double> keys = new ArrayList<>(strikes.keySet());
            double[] k = new double[keys.size()];
            double[] v = new double[keys.size()];
            for (int i = 0; i < k.length; i++) {
                k[i] = keys.get(i);
                double[] sumAndCount = strikes.get(keys.get(i));
                v[i] = sumAndCount[0] / sumAndCount[1];
            }
            smiles.put(expiry, new VolatilitySmile(k, v));
        });
        return new MarketSnapshot(chain.underlying(), chain.valuationTime(), indexPrice, indexPrice, forwards, smiles,
                marks);
    }

    /**
     * USD per unit of a row's quotes: the ratio the loader used for its USD bid, ask or mid (the forward for coin
     * prices, 1 for USD prices), else what the convention says.
     */
    private static double usdPerQuoteUnit(Table table, int row, QuoteConvention convention) {
        for (ChainColumn[] pair : new ChainColumn[][] {{ChainColumn.MID, ChainColumn.MID_USD},
                {ChainColumn.BID, ChainColumn.BID_USD}, {ChainColumn.ASK, ChainColumn.ASK_USD}}) {
            double quote = table.doubleColumn(pair[0].columnName()).getDouble(row);
            if (quote > 0) {
                return table.doubleColumn(pair[1].columnName()).getDouble(row) / quote;
            }
        }
        return convention == QuoteConvention.INVERSE
                ? table.doubleColumn(ChainColumn.FORWARD.columnName()).getDouble(row) : 1.0;
    }

    /** The data's mark price of the option, USD per option on one coin, or NaN when it has none. */
    public double markPrice(InstrumentName.Option option) {
        Double mark = markPrices.get(option.text());
        return mark == null ? Double.NaN : mark;
    }

    /**
     * Why an instrument cannot be margined on this snapshot, or null when it can: another coin, an expired
     * option or future, or no forward or mark IV for its expiry.
     */
    public String whyNotPriceable(InstrumentName instrument) {
        if (!Settlement.baseCoin(instrument).equals(coin)) {
            return "no market data for " + Settlement.baseCoin(instrument) + " (the market snapshot is for " + coin + ")";
        }
        LocalDate expiry = expiryDate(instrument);
        if (expiry == null) {
            return null;
        }
        if (!(timeToExpiry(instrument) > 0)) {
            return "expired at " + expiry + " 08:00 UTC, before the valuation time " + valuationTime;
        }
        if (!forwards.containsKey(expiry)) {
            return "no forward price for expiry " + expiry;
        }
        if (instrument instanceof InstrumentName.Option && !smiles.containsKey(expiry)) {
            return "no mark implied volatility for expiry " + expiry;
        }
        return null;
    }

    /**
     * The mark of a delta-one instrument or the forward of an option's expiry, USD per coin: the perpetual's mark
     * for a perpetual, the forward of the expiry otherwise.
     *
     * @throws IllegalArgumentException when the snapshot has no forward for the expiry
     */
    public double forward(InstrumentName instrument) {
        LocalDate expiry = expiryDate(instrument);
        if (expiry == null) {
            return perpetualPrice;
        }
        Double forward = forwards.get(expiry);
        if (forward == null) {
            throw new IllegalArgumentException("no forward for expiry " + expiry + " of " + instrument.text());
        }
        return forward;
    }

    /**
     * Whether the snapshot quotes the option's strike for its expiry. An option it does not quote but can price
     * ({@link #whyNotPriceable} is null) is valued at a mark IV interpolated between the quoted strikes, or held
     * flat beyond them: what a hypothetical strike needs, and what a mistyped one should be told.
     */
    public boolean quotes(InstrumentName.Option option) {
        VolatilitySmile smile = smiles.get(option.expiryDate());
        return smile != null && smile.quotes(option.strike());
    }

    /** The mark implied volatility of an option, annualised, as a decimal, from its expiry's smile. */
    public double markVolatility(InstrumentName.Option option) {
        VolatilitySmile smile = smiles.get(option.expiryDate());
        if (smile == null) {
            throw new IllegalArgumentException("no mark implied volatility for expiry " + option.expiryDate()
                    + " of " + option.text());
        }
        return smile.volatility(option.strike());
    }

    /** Years from the valuation time to the instrument's expiry, ACT/365; 0 for a perpetual. */
    public double timeToExpiry(InstrumentName instrument) {
        return switch (instrument) {
            case InstrumentName.Option option -> YearFraction.act365(valuationTime, option.expiry());
            case InstrumentName.Future future -> YearFraction.act365(valuationTime, future.expiry());
            case InstrumentName.Perpetual perpetual -> 0.0;
        };
    }

    private static LocalDate expiryDate(InstrumentName instrument) {
        return switch (instrument) {
            case InstrumentName.Option option -> option.expiryDate();
            case InstrumentName.Future future -> future.expiryDate();
            case InstrumentName.Perpetual perpetual -> null;
        };
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive finite number, not " + value);
        }
    }
}
