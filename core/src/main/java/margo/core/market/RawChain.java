package margo.core.market;

import java.time.Instant;
import java.util.List;

/**
 * What a format reader hands to {@link ChainAssembler}: the quotes it could read, the rows it could not,
 * and what the file says about itself.
 *
 * @param quotes     the rows read, in file order
 * @param problems   rows that could not be read
 * @param dataTime   the latest timestamp in the data, or null when the file has none
 * @param underlying the underlying asset, e.g. {@code BTC}
 * @param convention the quote convention this format implies
 */
record RawChain(List<RawQuote> quotes, List<RowProblem> problems, Instant dataTime, String underlying,
                QuoteConvention convention) {
}
