package margo.core.market;

import java.time.Instant;
import java.util.List;

/**
 * What a format reader hands to {@link ChainAssembler}: the quotes it could read, the rows it could not,
 * and what the file says about itself.
 *
 * @param quotes         the rows read, in file order
 * @param problems       rows that could not be read
 * @param warnings       rows read but with something wrong that was set aside, such as an outlier timestamp
 * @param notes          what the reader decided about the whole file, such as a timestamp unit other than the
 *                       documented one
 * @param dataTime       the latest plausible timestamp in the data ({@link Timestamps}), or null when the file has none
 * @param underlying     the underlying asset, e.g. {@code BTC}
 * @param convention     the quote convention this format implies
 * @param volatilityUnit the unit the format documents for implied volatilities, or null to decide it from the data
 */
record RawChain(List<RawQuote> quotes, List<RowProblem> problems, List<RowProblem> warnings, List<String> notes,
                Instant dataTime, String underlying, QuoteConvention convention, VolatilityUnit volatilityUnit) {
}
