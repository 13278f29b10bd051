package margo.dsl.run;

/** A small chain file for tests, in Deribit's book-summary CSV layout (as examples/data/deribit-btc-sample.csv). */
public final class SampleChain {

    /** Deribit book-summary CSV, valued at 2024-03-01T08:00Z: two 8MAR24 options (7 days) and two 29MAR24 (28 days). */
    public static final String HEADER = "instrument_name,base_currency,quote_currency,creation_timestamp,underlying_index,"
            + "underlying_price,estimated_delivery_price,interest_rate,bid_price,ask_price,mid_price,mark_price,mark_iv,"
            + "open_interest,volume,volume_usd\n";
    public static final String ROWS = """
            BTC-8MAR24-50000-C,BTC,BTC,1709280000000,BTC-8MAR24,61140.55,61000.0,0.0,0.1795,0.1875,0.1835,0.18342703,78.29,45.5,4.1,45980.8
            BTC-8MAR24-50000-P,BTC,BTC,1709280000000,BTC-8MAR24,61140.55,61000.0,0.0,0.001,0.0014,0.0012,0.0012149,78.29,8.6,1.8,133.7
            BTC-29MAR24-60000-C,BTC,BTC,1709280000000,BTC-29MAR24,61564.13,61000.0,0.0,0.0835,0.087,0.08525,0.08522669,65.92,60.9,11.2,58765.36
            BTC-29MAR24-62000-P,BTC,BTC,1709280000000,BTC-29MAR24,61564.13,61000.0,0.0,0.0755,0.079,0.07725,0.07729522,66.56,19.9,4.4,20937.9
            """;

    /** The header and the four rows. */
    public static final String DERIBIT_CSV = HEADER + ROWS;

    private SampleChain() {
    }
}
