package margo.core.market;

import java.util.Locale;

/**
 * The columns of a loaded option chain ({@link OptionChain#table()}), with the unit of each: the one place
 * their meaning is written down. Prices are per option on one unit of the underlying (one BTC for Deribit
 * BTC options). "Quote units" means coin for an {@link QuoteConvention#INVERSE} chain and USD for a
 * {@link QuoteConvention#LINEAR} one.
 */
public enum ChainColumn {
    INSTRUMENT(Kind.TEXT, "text", "the instrument name, e.g. BTC-29MAR24-60000-C"),
    UNDERLYING(Kind.TEXT, "text", "the underlying asset, e.g. BTC: a generic file's underlying column, else the"
            + " instrument name's first part (BTC of BTC-29MAR24-60000-C, BTC_USDC of a linear option)"),
    EXPIRY(Kind.INSTANT, "instant (UTC)", "when the option expires; 08:00 UTC on the expiry date for Deribit"),
    TYPE(Kind.TEXT, "text", "call or put"),
    STRIKE(Kind.NUMBER, "USD per unit of underlying", "the strike price"),
    BID(Kind.NUMBER, "quote units", "best bid price; NaN when nobody bids (a one-sided quote)"),
    ASK(Kind.NUMBER, "quote units", "best ask price; NaN when nobody offers (a one-sided quote)"),
    MID(Kind.NUMBER, "quote units", "(bid + ask) / 2; NaN unless both sides are quoted"),
    MARK(Kind.NUMBER, "quote units", "the venue's mark price; NaN when the data has none"),
    BID_USD(Kind.NUMBER, "USD", "bid in USD: bid x forward for an inverse chain, bid itself for a linear one"),
    ASK_USD(Kind.NUMBER, "USD", "ask in USD: ask x forward for an inverse chain, ask itself for a linear one"),
    MID_USD(Kind.NUMBER, "USD", "mid in USD: mid x forward for an inverse chain, mid itself for a linear one"),
    FORWARD(Kind.NUMBER, "USD per unit of underlying",
            "the forward price for the option's expiry, the F of Black-76; forward_source says where it came from"),
    FORWARD_SOURCE(Kind.TEXT, "text",
            "future: the dated future's price in the data; synthetic: the venue's synthetic forward"
                    + " (Deribit SYN. index); index: the spot index, which Deribit quotes for options whose underlying_index"
                    + " is index_price; data: the forward or underlying_price column of a generic file;"
                    + " parity: implied from call and put mids by put-call parity"),
    TIME_TO_EXPIRY(Kind.NUMBER, "years (ACT/365)", "time from the valuation time to expiry, seconds / (365 x 86400)"),
    LOG_MONEYNESS(Kind.NUMBER, "dimensionless", "ln(strike / forward)"),
    BID_IV(Kind.NUMBER, "decimal, annualised", "implied volatility of the bid (0.55 is 55%); NaN when undefined"),
    MID_IV(Kind.NUMBER, "decimal, annualised", "implied volatility of the mid; NaN when undefined"),
    ASK_IV(Kind.NUMBER, "decimal, annualised", "implied volatility of the ask; NaN when undefined"),
    MARK_IV(Kind.NUMBER, "decimal, annualised", "the venue's mark implied volatility; NaN when the data has none"),
    VEGA(Kind.NUMBER, "USD per vol point",
            "Black-76 dPrice/dvol for a 0.01 (one point) rise in volatility, at mid_iv or, without one, mark_iv"),
    OPEN_INTEREST(Kind.NUMBER, "contracts", "open interest, in the venue's contract size (one coin at Deribit)");

    /** The kind of values a column holds. */
    public enum Kind {
        TEXT, INSTANT, NUMBER
    }

    private final Kind kind;
    private final String unit;
    private final String description;

    ChainColumn(Kind kind, String unit, String description) {
        this.kind = kind;
        this.unit = unit;
        this.description = description;
    }

    /** The column's name in the table and in recipes, e.g. {@code log_moneyness}. */
    public String columnName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Text, instant or number. */
    public Kind kind() {
        return kind;
    }

    /** The unit of the values, e.g. {@code years (ACT/365)}. */
    public String unit() {
        return unit;
    }

    /** What the column means, in one sentence. */
    public String description() {
        return description;
    }
}
