package margo.core.risk;

/**
 * A rules value calibrated from history, with where each of its shocks came from.
 *
 * @param rules             the new parameters, e.g. {@link margo.core.margin.PortfolioMarginParameters}
 * @param shock             the price shock they were calibrated to
 * @param priceSource       how the price parameter was set, e.g. {@code "price range 16.4% = wider tail of ..."}
 * @param volatilitySource  how the vol shocks were set: from an implied-vol history, or kept as declared
 * @param <R>               the rules type
 */
public record CalibratedRules<R>(R rules, Shock shock, String priceSource, String volatilitySource) {
}
