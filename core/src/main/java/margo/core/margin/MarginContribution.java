package margo.core.margin;

/**
 * One position's share of its group's initial margin.
 *
 * @param position        the position
 * @param initialMargin   its contribution to IM, USD (negative for a hedge under portfolio margin)
 * @param standaloneMargin the IM of the position margined alone, USD: the diversification benefit is the
 *                         difference
 */
public record MarginContribution(Position position, double initialMargin, double standaloneMargin) {
}
