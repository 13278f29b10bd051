package margo.core.margin;

import java.util.List;
import java.util.Map;
import margo.core.market.InstrumentName;

/**
 * Deribit-style standard margin: a margin per instrument, summed, with no offset between instruments
 * (docs/margin-sources.md, B1). Positions in the same instrument are netted first ({@link NetPositions}), as a
 * venue holds one position per instrument.
 *
 * <ul>
 *   <li>Long options: IM = MM = the option's mark value (support.deribit.com/…/1000197268).</li>
 *   <li>Short options: {@link OptionMarginTerms}, per option, times the number of options.</li>
 *   <li>Futures and perpetuals: {@link DeltaOneMarginTerms} of the instrument's underlying name ({@code BTC},
 *       {@code BTC_USDC}, ...).</li>
 * </ul>
 * Amounts are in the settlement currency: coin for inverse instruments (the USD formulas divided by the index
 * price), USDC for linear ones.
 *
 * <p>Attribution: the rule is a sum over instruments, so each instrument's margin is its contribution, shared
 * among the rows of the same instrument in proportion to their signed size; contributions sum to IM exactly.
 *
 * @param options  the short-option fractions
 * @param deltaOne the futures terms by underlying name, e.g. {@code BTC} and {@code BTC_USDC}
 */
public record StandardMarginRule(OptionMarginTerms options, Map<String, DeltaOneMarginTerms> deltaOne)
        implements MarginRule {

    /** Deribit: inverse BTC and ETH options and futures, BTC_USDC and SOL_USDC linear perpetuals. */
    public static final StandardMarginRule DERIBIT = new StandardMarginRule(OptionMarginTerms.DERIBIT, Map.of(
            "BTC", DeltaOneMarginTerms.DERIBIT_BTC, "ETH", DeltaOneMarginTerms.DERIBIT_ETH,
            "BTC_USDC", DeltaOneMarginTerms.DERIBIT_BTC, "SOL_USDC", DeltaOneMarginTerms.DERIBIT_SOL_USDC));

    public StandardMarginRule {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        if (deltaOne == null) {
            throw new IllegalArgumentException("deltaOne must not be null");
        }
        deltaOne = Map.copyOf(deltaOne);
    }

    @Override
    public MarginRequirement requirement(List<Position> positions, PositionPricer pricer) {
        String currency = Position.commonCurrency(positions);
        double initial = 0;
        double maintenance = 0;
        for (Position net : NetPositions.of(positions).positions()) {
            double[] margin = instrumentMargin(net, pricer);
            initial += margin[0];
            maintenance += margin[1];
        }
        return new MarginRequirement(currency, initial, maintenance);
    }

    @Override
    public double[] initialMarginContributions(List<Position> positions, PositionPricer pricer) {
        Position.commonCurrency(positions);
        NetPositions nets = NetPositions.of(positions);
        double[] initial = new double[nets.positions().size()];
        for (int i = 0; i < initial.length; i++) {
            initial[i] = instrumentMargin(nets.positions().get(i), pricer)[0];
        }
        return nets.perRow(initial);
    }

    /** The IM and MM of one instrument's net position, in its settlement currency. */
    private double[] instrumentMargin(Position net, PositionPricer pricer) {
        InstrumentName instrument = net.instrument();
        boolean inverse = Settlement.of(instrument) == Settlement.INVERSE;
        double index = pricer.indexPrice();
        if (instrument instanceof InstrumentName.Option option) {
            // A mark-priced option in a far-moved market is its mark's offset from Black-76 plus Black-76's change,
            // which can fall a rounding below zero: a long option's margin is never negative.
            double mark = Math.max(pricer.unitValue(option), 0.0);
            if (net.size() > 0) {
                return new double[] {net.size() * mark, net.size() * mark};
            }
            double usdPerUnit = inverse ? index : 1.0;
            double markUsd = mark * usdPerUnit;
            double entryUsd = net.averagePrice() * usdPerUnit;
            double otm = Math.max(option.type().sign() * (option.strike() - index), 0.0);
            double count = -net.size();
            return new double[] {
                    count * options.shortInitialUsd(index, otm, markUsd, entryUsd) / usdPerUnit,
                    count * options.shortMaintenanceUsd(index, markUsd) / usdPerUnit};
        }
        DeltaOneMarginTerms terms = deltaOne.get(instrument.underlying());
        if (terms == null) {
            throw new IllegalArgumentException("no futures margin terms for underlying " + instrument.underlying()
                    + " of " + instrument.text() + "; the rule has terms for " + deltaOne.keySet());
        }
        // Inverse: the coin size at the future's mark, margin in coin; linear: the coin size, margin in USD at the index.
        double coins = inverse ? Math.abs(net.scenarioQuantity()) / pricer.forward(instrument) : Math.abs(net.size());
        double notional = inverse ? coins : coins * index;
        return new double[] {notional * terms.initialRate(coins), notional * terms.maintenanceRate(coins)};
    }
}
