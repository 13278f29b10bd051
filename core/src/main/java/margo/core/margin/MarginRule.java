package margo.core.margin;

import java.io.Serializable;
import java.util.List;
import java.util.function.Function;

/**
 * A margin methodology: Deribit's standard margin ({@link StandardMarginRule}), Deribit-style portfolio margin
 * ({@link PortfolioMarginRule}), CME SPAN ({@link SpanRule}), or a custom rule built on a
 * {@link ScenarioPnlMatrix}. Rules are stateless and work per settlement currency, as Deribit's segregated
 * portfolio margin (S:PM) does; accounts add the currencies up in USD.
 */
public interface MarginRule extends Serializable {

    /**
     * The initial and maintenance margin of the positions.
     *
     * @param positions positions settling in one currency ({@link Position#commonCurrency}), not empty
     * @param pricer    the market and pricing of every instrument
     */
    MarginRequirement requirement(List<Position> positions, PositionPricer pricer);

    /**
     * The requirement of fixed positions at any market: what {@link #requirement} gives for them at each pricer,
     * bit for bit. A liquidation search asks it at dozens of markets per margin group; a rule may do the work that
     * does not depend on the market once. The default asks {@link #requirement} each time.
     */
    default Function<PositionPricer, MarginRequirement> atMarkets(List<Position> positions) {
        List<Position> fixed = List.copyOf(positions);
        return pricer -> requirement(fixed, pricer);
    }

    /**
     * Each position's contribution to the initial margin, in the settlement currency, in the order of
     * {@code positions}. Each rule documents its method; the contributions sum to
     * {@link MarginRequirement#initial()} for every rule Margo ships.
     */
    double[] initialMarginContributions(List<Position> positions, PositionPricer pricer);
}
