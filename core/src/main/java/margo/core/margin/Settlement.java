package margo.core.margin;

import margo.core.market.InstrumentName;

/**
 * How an instrument settles, which fixes the currency its margin and P&amp;L are counted in.
 *
 * <p>Deribit names linear instruments after a quote currency ({@code BTC_USDC-PERPETUAL},
 * {@code BTC_USDC-29MAR24-60000-C}); plain names ({@code BTC-PERPETUAL}, {@code BTC-29MAR24-60000-C}) are
 * inverse: quoted and settled in the coin itself (Deribit API documentation, "Instrument naming";
 * support.deribit.com "Linear Perpetual").
 */
public enum Settlement {
    /** Coin-settled: premiums, P&amp;L and margin in coin (BTC for BTC instruments). */
    INVERSE,
    /** Settled in a stablecoin (USDC, USDT): premiums, P&amp;L and margin in USD. */
    LINEAR;

    /** The settlement of an instrument, read from its underlying's name. */
    public static Settlement of(InstrumentName instrument) {
        if (instrument == null) {
            throw new IllegalArgumentException("instrument must not be null");
        }
        return instrument.underlying().contains("_") ? LINEAR : INVERSE;
    }

    /** The currency margin and P&amp;L are counted in: the coin ({@code BTC}) or the quote ({@code USDC}). */
    public static String currency(InstrumentName instrument) {
        String underlying = instrument.underlying();
        int bar = underlying.indexOf('_');
        return bar < 0 ? underlying : underlying.substring(bar + 1);
    }

    /** The coin the instrument is written on: {@code BTC} for both {@code BTC-PERPETUAL} and {@code BTC_USDC-PERPETUAL}. */
    public static String baseCoin(InstrumentName instrument) {
        String underlying = instrument.underlying();
        int bar = underlying.indexOf('_');
        return bar < 0 ? underlying : underlying.substring(0, bar);
    }

    /**
     * USD per unit of this settlement's currency when the coin's index is {@code indexPrice} USD: the index for
     * inverse instruments, 1 for linear ones (stablecoins counted at par).
     */
    public double usdPerUnit(double indexPrice) {
        return this == INVERSE ? indexPrice : 1.0;
    }
}
