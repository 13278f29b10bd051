package margo.core.market;

import java.util.Locale;

/**
 * What a column of a chain file means, whatever the file calls it: the fields a {@link ChainLayout} maps to a
 * file's own column names. Each reader knows its format's names for them (Deribit's {@code underlying_price} is the
 * {@link #FORWARD}); a layout names the column for a file that calls it something else.
 */
public enum ChainField {
    /** The instrument's name, e.g. {@code BTC-29MAR24-60000-C}. */
    INSTRUMENT("the instrument's name"),
    /** The underlying asset, e.g. {@code BTC}. */
    UNDERLYING("the underlying asset, e.g. BTC"),
    /** The expiry: a date, an instant or a Deribit date. */
    EXPIRY("the expiry (a date, an instant or a Deribit date)"),
    /** The strike, USD per unit of underlying. */
    STRIKE("the strike, USD"),
    /** Call or put. */
    TYPE("call or put (C, P, call, put)"),
    /** The best bid, quote units. */
    BID("the best bid, quote units"),
    /** The best ask, quote units. */
    ASK("the best ask, quote units"),
    /** The venue's mark price, quote units. */
    MARK("the venue's mark price, quote units"),
    /** The forward of the row's expiry, USD. */
    FORWARD("the forward of the row's expiry, USD"),
    /** The bid implied volatility. */
    BID_IV("the bid implied volatility"),
    /** The ask implied volatility. */
    ASK_IV("the ask implied volatility"),
    /** The mark implied volatility. */
    MARK_IV("the mark implied volatility"),
    /** The open interest, contracts. */
    OPEN_INTEREST("the open interest, contracts"),
    /** The time of the row's quote. */
    TIMESTAMP("the time of the quote");

    private final String meaning;

    ChainField(String meaning) {
        this.meaning = meaning;
    }

    /** The field's name in recipes and messages: {@code mark_iv}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the column holds, for documentation. */
    public String meaning() {
        return meaning;
    }

    /** The field labelled {@code label}, or null. */
    public static ChainField labelled(String label) {
        for (ChainField field : values()) {
            if (field.label().equals(label)) {
                return field;
            }
        }
        return null;
    }
}
