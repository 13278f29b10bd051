package margo.core.market;

/** How option prices in a chain are quoted. */
public enum QuoteConvention {
    /**
     * Prices in units of the underlying coin per option on one coin (Deribit BTC and ETH options): a
     * price of 0.05 on a BTC option is worth 0.05 BTC. The USD value is the coin price times the forward.
     */
    INVERSE,
    /** Prices in USD (or the quote currency) per option on one unit of the underlying. */
    LINEAR;

    /** {@code inverse} or {@code linear}, the spelling in recipes and documentation. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
