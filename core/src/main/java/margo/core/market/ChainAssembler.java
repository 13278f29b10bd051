package margo.core.market;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import margo.core.pricing.OptionType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Turns the quotes a reader produced into an {@link OptionChain}: validates each row, finds the forward of
 * each underlying and expiry, and derives the standard columns of {@link ChainColumn}. Every row it rejects
 * becomes a {@link RowProblem}.
 *
 * <p>A file may hold options on several underlyings (a Deribit export of BTC and ETH, a generic file with an
 * {@code underlying} column): each row's underlying is the data's {@code underlying} field, else the first part
 * of its instrument name, and forwards and parity are found per underlying and expiry, never across them.
 */
final class ChainAssembler {

    /** A forward and where it came from ({@link ChainColumn#FORWARD_SOURCE}). */
    record Forward(double price, String source) {
    }

    /** The options of one underlying and expiry, which share a forward. */
    record Slice(String underlying, Instant expiry) {
    }

    private ChainAssembler() {
    }

    static ChainLoad assemble(RawChain raw, LoadOptions options, Path source, RowProblem.Origin origin)
            throws ChainFormatException {
        return assemble(raw, options, source, origin, null);
    }

    /**
     * @param fallbackTime the valuation time when neither the caller nor the data gives one (a snapshot's time read
     *                     from its file name), said in a note; null for none
     */
    static ChainLoad assemble(RawChain raw, LoadOptions options, Path source, RowProblem.Origin origin,
                              Instant fallbackTime) throws ChainFormatException {
        Instant valuationTime = options.valuationTime() != null ? options.valuationTime()
                : raw.dataTime() != null ? raw.dataTime() : fallbackTime;
        if (valuationTime == null) {
            throw new ChainFormatException(source + " has no timestamp to value the chain at; give a valuation"
                    + " time when loading it, or add a timestamp column (a snapshot of a series may carry its time"
                    + " in its file's name instead, e.g. chain-2024-03-01T08-00Z.csv)");
        }
        QuoteConvention convention = options.convention() != null ? options.convention() : raw.convention();
        List<RowProblem> problems = new ArrayList<>(raw.problems());
        List<RowProblem> warnings = new ArrayList<>(raw.warnings());
        List<String> notes = new ArrayList<>(raw.notes());
        if (options.valuationTime() == null && raw.dataTime() == null) {
            notes.add("valued at " + valuationTime + ", the time in the file's name: the data has no timestamp");
        }
        VolatilityScale.Result decimals = VolatilityScale.toDecimals(raw.quotes(), options.volatilityUnit(),
                raw.volatilityUnit(), origin);
        warnings.addAll(decimals.warnings());
        if (decimals.note() != null) {
            notes.add(decimals.note());
        }
        List<RawQuote> valid = validate(decimals.quotes(), valuationTime, problems, origin);
        requireSomeUnexpired(decimals.quotes(), valuationTime, options.valuationTime() != null, source);
        Map<Slice, Forward> forwards = forwards(valid, convention, raw.underlying());
        boolean severalUnderlyings = forwards.keySet().stream().map(Slice::underlying).distinct().count() > 1;
        List<RawQuote> priced = new ArrayList<>(valid.size());
        for (RawQuote quote : valid) {
            if (forwards.containsKey(slice(quote, raw.underlying()))) {
                priced.add(quote);
            } else {
                String of = severalUnderlyings ? " of " + underlying(quote, raw.underlying()) : "";
                problems.add(new RowProblem(quote.rowNumber(), quote.instrument(), "no forward for expiry "
                        + quote.expiry() + of + ": the data gives no underlying price and no strike of that expiry has both call and put bid"
                        + " and ask for put-call parity", origin));
            }
        }
        priced.sort(Comparator.comparing((RawQuote quote) -> underlying(quote, raw.underlying()))
                .thenComparing(RawQuote::expiry).thenComparingDouble(RawQuote::strike).thenComparing(RawQuote::type));
        problems.sort(Comparator.comparingInt(RowProblem::rowNumber));
        warnings.sort(Comparator.comparingInt(RowProblem::rowNumber));
        Table table = table(priced, forwards, raw.underlying(), valuationTime, convention, source);
        String underlyings = OptionChain.mixedUnderlyings(table);
        if (underlyings != null) {
            notes.add("options on " + underlyings + ": forwards are found per underlying; a fit, a surface or a book"
                    + " takes one underlying's options");
        }
        return new ChainLoad(new OptionChain(table, valuationTime, raw.underlying(), convention, source), problems,
                warnings, notes);
    }

    /**
     * A file whose every quote expired before the valuation time was valued at the wrong time (a timestamp in the
     * wrong unit or year, a mistaken valuation time), not made of expired options: an error, not a warning per row.
     */
    private static void requireSomeUnexpired(List<RawQuote> quotes, Instant valuationTime, boolean given,
                                             Path source) throws ChainFormatException {
        if (quotes.isEmpty()) {
            return;
        }
        Instant latestExpiry = quotes.stream().map(RawQuote::expiry).max(Comparator.naturalOrder()).orElseThrow();
        if (latestExpiry.isAfter(valuationTime)) {
            return;
        }
        throw new ChainFormatException(source + ": every option expired before the valuation time " + valuationTime
                + (given ? " given" : " the data's timestamps give") + " (the latest expiry is " + latestExpiry
                + "); " + (given ? "check the valuation time" : "check the timestamps, or give a valuation time"));
    }

    /** Keeps the quotes that make sense as market data; reports the rest with their reason. */
    private static List<RawQuote> validate(List<RawQuote> quotes, Instant valuationTime, List<RowProblem> problems,
                                           RowProblem.Origin origin) {
        List<RawQuote> valid = new ArrayList<>(quotes.size());
        Map<String, Integer> firstRow = new HashMap<>();
        for (RawQuote quote : quotes) {
            String reason = problem(quote, valuationTime);
            Integer earlier = firstRow.get(quote.instrument());
            if (reason == null && earlier != null) {
                reason = "duplicate instrument: already on " + origin.noun() + " " + earlier;
            }
            if (reason == null) {
                firstRow.put(quote.instrument(), quote.rowNumber());
                valid.add(quote);
            } else {
                problems.add(new RowProblem(quote.rowNumber(), quote.instrument(), reason, origin));
            }
        }
        return valid;
    }

    /** Why a quote cannot be used, or null when it can. One-sided quotes (bid or ask NaN) are valid. */
    private static String problem(RawQuote quote, Instant valuationTime) {
        if (!(quote.strike() > 0)) {
            return "strike must be positive, not " + quote.strike();
        }
        if (quote.bid() < 0) {
            return "negative bid " + quote.bid();
        }
        if (quote.ask() < 0) {
            return "negative ask " + quote.ask();
        }
        if (quote.mark() < 0) {
            return "negative mark price " + quote.mark();
        }
        if (quote.bid() > quote.ask()) {
            return "crossed market: bid " + quote.bid() + " > ask " + quote.ask();
        }
        if (quote.underlyingPrice() <= 0) {
            return "underlying price must be positive, not " + quote.underlyingPrice();
        }
        String named = namedExpiryMismatch(quote);
        if (named != null) {
            return named;
        }
        if (!quote.expiry().isAfter(valuationTime)) {
            return "expired: expiry " + quote.expiry() + " is not after the valuation time " + valuationTime;
        }
        return null;
    }

    /**
     * Why the quote's expiry is not the date its Deribit-style name says ({@code BTC-29MAR24-...}), or null: a
     * generic file's expiry column or a Tardis expiration in a unit read wrongly would otherwise go unseen.
     */
    private static String namedExpiryMismatch(RawQuote quote) {
        InstrumentName.Option named;
        try {
            named = InstrumentName.parseOption(quote.instrument());
        } catch (IllegalArgumentException notADeribitName) {
            return null;
        }
        if (LocalDate.ofInstant(quote.expiry(), ZoneOffset.UTC).equals(named.expiryDate())) {
            return null;
        }
        return "expiry " + quote.expiry() + " is not on the date the instrument name says ("
                + DeribitExpiry.format(named.expiryDate()) + ")";
    }

    /**
     * The forward of each underlying and expiry: the median underlying price the data gives for it (Deribit's
     * {@code underlying_price} is the forward each option is priced against), else put-call parity.
     *
     * @param fileUnderlying the underlying of rows whose data and name say none
     */
    static Map<Slice, Forward> forwards(List<RawQuote> quotes, QuoteConvention convention, String fileUnderlying) {
        Map<Slice, List<RawQuote>> bySlice = new HashMap<>();
        for (RawQuote quote : quotes) {
            bySlice.computeIfAbsent(slice(quote, fileUnderlying), e -> new ArrayList<>()).add(quote);
        }
        Map<Slice, Forward> forwards = new HashMap<>();
        for (Map.Entry<Slice, List<RawQuote>> slice : bySlice.entrySet()) {
            Forward forward = fromData(slice.getValue());
            if (forward == null) {
                forward = fromParity(slice.getValue(), convention);
            }
            if (forward != null) {
                forwards.put(slice.getKey(), forward);
            }
        }
        return forwards;
    }

    /** The quote's underlying: the data's own field, else its instrument name's first part, else the file's. */
    static String underlying(RawQuote quote, String fileUnderlying) {
        if (quote.underlying() != null && !quote.underlying().isBlank()) {
            return quote.underlying().trim().toUpperCase(java.util.Locale.ROOT);
        }
        try {
            return InstrumentName.parse(quote.instrument()).underlying();
        } catch (IllegalArgumentException notADeribitName) {
            return fileUnderlying;
        }
    }

    private static Slice slice(RawQuote quote, String fileUnderlying) {
        return new Slice(underlying(quote, fileUnderlying), quote.expiry());
    }

    private static Forward fromData(List<RawQuote> quotes) {
        double[] prices = new double[quotes.size()];
        int count = 0;
        String source = null;
        for (RawQuote quote : quotes) {
            if (quote.underlyingPrice() > 0) {
                prices[count++] = quote.underlyingPrice();
                source = source == null ? quote.forwardSource() : source;
            }
        }
        return count == 0 ? null : new Forward(ParityForward.median(Arrays.copyOf(prices, count)), source);
    }

    private static Forward fromParity(List<RawQuote> quotes, QuoteConvention convention) {
        Map<Double, Double> callMids = new HashMap<>();
        Map<Double, Double> putMids = new HashMap<>();
        for (RawQuote quote : quotes) {
            double mid = mid(quote.bid(), quote.ask());
            if (!Double.isNaN(mid)) {
                (quote.type() == OptionType.CALL ? callMids : putMids).put(quote.strike(), mid);
            }
        }
        double[] strikes = new double[callMids.size()];
        double[] calls = new double[callMids.size()];
        double[] puts = new double[callMids.size()];
        int count = 0;
        for (Map.Entry<Double, Double> call : callMids.entrySet()) {
            Double put = putMids.get(call.getKey());
            if (put != null) {
                strikes[count] = call.getKey();
                calls[count] = call.getValue();
                puts[count] = put;
                count++;
            }
        }
        double forward = ParityForward.estimate(strikes, calls, puts, count, convention);
        return Double.isNaN(forward) ? null : new Forward(forward, "parity");
    }

    /** (bid + ask) / 2, or NaN unless both sides are quoted. */
    static double mid(double bid, double ask) {
        return Double.isNaN(bid) || Double.isNaN(ask) ? Double.NaN : 0.5 * (bid + ask);
    }

    private static Table table(List<RawQuote> quotes, Map<Slice, Forward> forwards, String fileUnderlying,
                               Instant valuationTime, QuoteConvention convention, Path source) {
        int n = quotes.size();
        String[] instrument = new String[n];
        String[] underlying = new String[n];
        String[] type = new String[n];
        String[] forwardSource = new String[n];
        OptionType[] types = new OptionType[n];
        double[] strike = new double[n];
        double[] bid = new double[n];
        double[] ask = new double[n];
        double[] mark = new double[n];
        double[] forward = new double[n];
        double[] years = new double[n];
        double[] dataBidIv = new double[n];
        double[] dataAskIv = new double[n];
        double[] markIv = new double[n];
        double[] openInterest = new double[n];
        InstantColumn expiry = InstantColumn.create(ChainColumn.EXPIRY.columnName());
        for (int i = 0; i < n; i++) {
            RawQuote quote = quotes.get(i);
            underlying[i] = underlying(quote, fileUnderlying);
            Forward f = forwards.get(new Slice(underlying[i], quote.expiry()));
            instrument[i] = quote.instrument();
            types[i] = quote.type();
            type[i] = quote.type().label();
            forwardSource[i] = f.source();
            strike[i] = quote.strike();
            bid[i] = quote.bid();
            ask[i] = quote.ask();
            mark[i] = quote.mark();
            forward[i] = f.price();
            years[i] = YearFraction.act365(valuationTime, quote.expiry());
            dataBidIv[i] = quote.bidIv();
            dataAskIv[i] = quote.askIv();
            markIv[i] = quote.markIv();
            openInterest[i] = quote.openInterest();
            expiry.append(quote.expiry());
        }
        double[] mid = new double[n];
        double[] logMoneyness = new double[n];
        double[] bidUsd = new double[n];
        double[] askUsd = new double[n];
        double[] midUsd = new double[n];
        boolean inverse = convention == QuoteConvention.INVERSE;
        for (int i = 0; i < n; i++) {
            mid[i] = mid(bid[i], ask[i]);
            logMoneyness[i] = Math.log(strike[i] / forward[i]);
            double toUsd = inverse ? forward[i] : 1;
            bidUsd[i] = bid[i] * toUsd;
            askUsd[i] = ask[i] * toUsd;
            midUsd[i] = mid[i] * toUsd;
        }
        ImpliedColumns implied = ImpliedColumns.compute(types, forward, strike, years, bidUsd, midUsd, askUsd,
                dataBidIv, dataAskIv, markIv);
        Map<ChainColumn, String[]> texts = new EnumMap<>(ChainColumn.class);
        texts.put(ChainColumn.INSTRUMENT, instrument);
        texts.put(ChainColumn.UNDERLYING, underlying);
        texts.put(ChainColumn.TYPE, type);
        texts.put(ChainColumn.FORWARD_SOURCE, forwardSource);
        Map<ChainColumn, double[]> numbers = new EnumMap<>(ChainColumn.class);
        numbers.put(ChainColumn.STRIKE, strike);
        numbers.put(ChainColumn.BID, bid);
        numbers.put(ChainColumn.ASK, ask);
        numbers.put(ChainColumn.MID, mid);
        numbers.put(ChainColumn.MARK, mark);
        numbers.put(ChainColumn.BID_USD, bidUsd);
        numbers.put(ChainColumn.ASK_USD, askUsd);
        numbers.put(ChainColumn.MID_USD, midUsd);
        numbers.put(ChainColumn.FORWARD, forward);
        numbers.put(ChainColumn.TIME_TO_EXPIRY, years);
        numbers.put(ChainColumn.LOG_MONEYNESS, logMoneyness);
        numbers.put(ChainColumn.BID_IV, implied.bidIv());
        numbers.put(ChainColumn.MID_IV, implied.midIv());
        numbers.put(ChainColumn.ASK_IV, implied.askIv());
        numbers.put(ChainColumn.MARK_IV, markIv);
        numbers.put(ChainColumn.VEGA, implied.vega());
        numbers.put(ChainColumn.OPEN_INTEREST, openInterest);
        // columns in ChainColumn's order, so the table reads like its documentation
        Table table = Table.create(source.getFileName().toString());
        for (ChainColumn column : ChainColumn.values()) {
            table.addColumns(switch (column.kind()) {
                case TEXT -> StringColumn.create(column.columnName(), texts.get(column));
                case INSTANT -> expiry;
                case NUMBER -> DoubleColumn.create(column.columnName(), numbers.get(column));
            });
        }
        return table;
    }
}
