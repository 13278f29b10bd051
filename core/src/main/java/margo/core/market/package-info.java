/**
 * Market data: option chains read from Deribit, Tardis.dev or a generic CSV, validated row by row, with the
 * forward of each expiry and the derived columns Margo calibrates to.
 *
 * <p>Start at {@link margo.core.market.OptionChains#load}: it returns a {@link margo.core.market.ChainLoad}
 * holding the {@link margo.core.market.OptionChain} (a Tablesaw table whose columns, with units, are listed
 * by {@link margo.core.market.ChainColumn}) and a {@link margo.core.market.RowProblem} for every row left
 * out. Instrument names are read by {@link margo.core.market.InstrumentName}; time to expiry is
 * {@link margo.core.market.YearFraction#act365}. File layouts are documented in {@code docs/data-formats.md}.
 */
package margo.core.market;
