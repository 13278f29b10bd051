package margo.core.market;

/** The file layouts {@link OptionChains#load} reads; {@link #AUTO} detects one from the file's content. */
public enum ChainFormat {
    /** Detect the layout: JSON is Deribit's book summary; CSV is told apart by its header. */
    AUTO,
    /** Deribit {@code public/get_book_summary_by_currency} JSON: the JSON-RPC response or its result array. */
    DERIBIT_JSON,
    /** A CSV export of Deribit's book summary, one row per instrument, with Deribit's field names. */
    DERIBIT_CSV,
    /** Tardis.dev {@code options_chain} CSV dataset. */
    TARDIS_CSV,
    /** Cboe's delayed-quotes CSV: calls and puts side by side per strike, after two lines on the underlying. */
    CBOE_CSV,
    /** Margo's generic option CSV schema (docs/data-formats.md). */
    GENERIC_CSV
}
