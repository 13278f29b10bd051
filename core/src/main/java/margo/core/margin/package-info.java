/**
 * Margin: rule sets, books and accounts, initial and maintenance margin, liquidation prices, what-if trades,
 * attribution and stress, for crypto options and futures.
 *
 * <p><b>Rules</b> ({@link margo.core.margin.MarginRule}, per settlement currency, amounts in coin for inverse
 * instruments and USDC for linear ones):
 * {@link margo.core.margin.StandardMarginRule} (Deribit standard margin, Bybit's variant by parameters),
 * {@link margo.core.margin.PortfolioMarginRule} (Deribit-style risk matrix, roll and delta shock),
 * {@link margo.core.margin.SpanRule} (CME SPAN's 16-scenario risk arrays) and
 * {@link margo.core.margin.ScenarioFormulaRule} (any formula over a {@link margo.core.margin.ScenarioPnlMatrix}).
 * Formulas, parameters and worked examples: {@code docs/margin-sources.md}, sections B1, B2, B4 and the examples T1 to
 * T15; each class cites its source and says which parts are documented, inferred or Margo's reading.
 *
 * <p><b>Market and pricing</b>: a {@link margo.core.margin.MarketSnapshot} (index, forwards, mark-IV smiles; from
 * an {@link margo.core.market.OptionChain}) priced through the {@link margo.core.margin.PositionPricer} seam
 * ({@link margo.core.margin.Black76PositionPricer} by default; a calibrated model can implement it instead).
 *
 * <p><b>Accounts</b>: {@link margo.core.margin.BookCsv} reads a {@link margo.core.margin.Book} of
 * {@link margo.core.margin.Account}s, each a cross pool and isolated {@link margo.core.margin.MarginGroup}s with
 * {@link margo.core.margin.Collateral} and haircuts, reporting bad rows as
 * {@link margo.core.market.RowProblem}s. {@link margo.core.margin.MarginCalculator} gives each group's
 * {@link margo.core.margin.MarginState} (USD equity, IM, MM, ratios, available balance, liquidation prices),
 * {@link margo.core.margin.WhatIf} trades, {@link margo.core.margin.MarginContribution}s and
 * {@link margo.core.margin.StressResult}s.
 *
 * <p><b>Speed</b>: {@link margo.core.margin.ScenarioAggregation} holds the primitive-array loops that margin many
 * accounts from per-instrument scenario vectors, in parallel over accounts;
 * {@link margo.core.margin.ScenarioGrid} revalues {@link margo.core.margin.MarkedPositions} by Black-76 in every
 * scenario from primitive arrays, one kernel call per position and scenario, for when positions are not shared.
 */
package margo.core.margin;
