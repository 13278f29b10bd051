package margo.core.margin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import margo.core.market.InstrumentName;

/**
 * Deribit-style standard margin: a margin per instrument, summed, with no offset between instruments (research
 * notes B1). Positions in the same instrument are netted first, as a venue holds one position per instrument.
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
 * among positions in the same instrument in proportion to their signed size; contributions sum to IM exactly.
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
        for (Net net : net(positions).values()) {
            double[] margin = instrumentMargin(net, pricer);
            initial += margin[0];
            maintenance += margin[1];
        }
        return new MarginRequirement(currency, initial, maintenance);
    }

    @Override
    public double[] initialMarginContributions(List<Position> positions, PositionPricer pricer) {
        Position.commonCurrency(positions);
        Map<InstrumentName, Net> nets = net(positions);
        Map<InstrumentName, Double> initial = new LinkedHashMap<>();
        nets.forEach((instrument, net) -> initial.put(instrument, instrumentMargin(net, pricer)[0]));
        double[] out = new double[positions.size()];
        for (int i = 0; i < out.length; i++) {
            Position position = positions.get(i);
            Net net = nets.get(position.instrument());
            out[i] = net.size == 0 ? 0.0 : initial.get(position.instrument()) * position.size() / net.size;
        }
        return out;
    }

    /** The IM and MM of one instrument's net position, in its settlement currency. */
    private double[] instrumentMargin(Net net, PositionPricer pricer) {
        if (net.size == 0) {
            return new double[] {0.0, 0.0};
        }
        InstrumentName instrument = net.instrument;
        boolean inverse = Settlement.of(instrument) == Settlement.INVERSE;
        double index = pricer.indexPrice();
        if (instrument instanceof InstrumentName.Option option) {
            double mark = pricer.unitValue(option);
            if (net.size > 0) {
                return new double[] {net.size * mark, net.size * mark};
            }
            double usdPerUnit = inverse ? index : 1.0;
            double markUsd = mark * usdPerUnit;
            double entryUsd = net.entryPrice() * usdPerUnit;
            double otm = Math.max(option.type().sign() * (option.strike() - index), 0.0);
            double count = -net.size;
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
        double coins = inverse ? Math.abs(net.quantity) / pricer.forward(instrument) : Math.abs(net.size);
        double notional = inverse ? coins : coins * index;
        return new double[] {notional * terms.initialRate(coins), notional * terms.maintenanceRate(coins)};
    }

    private static Map<InstrumentName, Net> net(List<Position> positions) {
        Map<InstrumentName, Net> nets = new LinkedHashMap<>();
        for (Position position : positions) {
            Net net = nets.computeIfAbsent(position.instrument(), Net::new);
            net.size += position.size();
            net.quantity += position.scenarioQuantity();
            if (!Double.isNaN(position.averagePrice())) {
                net.entryWeight += Math.abs(position.size());
                net.entryTotal += Math.abs(position.size()) * position.averagePrice();
            }
        }
        return nets;
    }

    /** A net position in one instrument: sizes and unit quantities summed, entry prices averaged by size. */
    private static final class Net {
        final InstrumentName instrument;
        double size;
        double quantity;
        double entryWeight;
        double entryTotal;

        Net(InstrumentName instrument) {
            this.instrument = instrument;
        }

        double entryPrice() {
            return entryWeight > 0 ? entryTotal / entryWeight : Double.NaN;
        }
    }
}
