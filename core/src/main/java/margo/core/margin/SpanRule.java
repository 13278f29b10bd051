package margo.core.margin;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import margo.core.market.InstrumentName;

/**
 * CME SPAN-style margin on crypto contracts (docs/margin-sources.md, B4): the 16-scenario risk array revalued per
 * instrument and summed over the book; an intra-commodity spread charge for calendar spreads; the short option
 * minimum; and the net option value.
 * <pre>
 *   risk = max(scan risk + intra-commodity spread charge, short option minimum)    = MM
 *   IM   = initialToMaintenance x risk
 * </pre>
 * Delivery charges and inter-commodity credits do not apply to one coin's book and are not modelled.
 *
 * <p>Intra-commodity spread charge: each expiry's (tier's) net coin delta is taken at the current market (SPAN
 * uses a "composite delta", the average over scan points; Margo uses the delta at the mark, a simplification), the
 * perpetual being its own tier; the number of spreads is the smaller of the summed positive and the summed negative
 * tier deltas, each spread charged {@code intraSpreadRate} of the index (CME pubspan "Intra-commodity spreads",
 * flat-rate type).
 *
 * <p>Attribution: Euler for the scan risk (each position's loss in the worst scenario); the spread charge in
 * proportion to each position's absolute coin delta; when the SOM binds, the SOM in proportion to each position's
 * share of short options. Scaled by {@code initialToMaintenance}; the contributions sum to IM.
 *
 * @param parameters the scan ranges, extreme move, SOM, spread rate and IM ratio
 */
public record SpanRule(SpanParameters parameters) implements MarginRule {

    public SpanRule {
        if (parameters == null) {
            throw new IllegalArgumentException("parameters must not be null");
        }
    }

    /** The positions' risk-array matrix: P&amp;L (gains positive) in SPAN's 16 scenarios. */
    public ScenarioPnlMatrix riskArrays(List<Position> positions, PositionPricer pricer) {
        return ScenarioPnlMatrix.of(positions, parameters.scenarios(), pricer);
    }

    /** The SPAN components of the positions. */
    public SpanResult evaluate(List<Position> positions, PositionPricer pricer) {
        ScenarioPnlMatrix matrix = riskArrays(positions, pricer);
        double scan = matrix.worstLoss();
        Charges charges = charges(positions, pricer);
        double risk = Math.max(scan + charges.spread, charges.som);
        double netOptionValue = 0;
        for (Position position : positions) {
            if (position.isOption()) {
                netOptionValue += position.markValue(pricer);
            }
        }
        return new SpanResult(matrix.currency(), scan, charges.spread, charges.som, risk, netOptionValue,
                parameters.initialToMaintenance() * risk);
    }

    @Override
    public MarginRequirement requirement(List<Position> positions, PositionPricer pricer) {
        return evaluate(positions, pricer).requirement();
    }

    @Override
    public double[] initialMarginContributions(List<Position> positions, PositionPricer pricer) {
        ScenarioPnlMatrix matrix = riskArrays(positions, pricer);
        double scan = matrix.worstLoss();
        Charges charges = charges(positions, pricer);
        double[] out = new double[positions.size()];
        double ratio = parameters.initialToMaintenance();
        if (charges.som > scan + charges.spread) {
            for (int p = 0; p < out.length; p++) {
                out[p] = ratio * charges.som * charges.shortShare[p];
            }
            return out;
        }
        int worst = matrix.worstScenario();
        for (int p = 0; p < out.length; p++) {
            double scanPart = scan > 0 ? -matrix.pnl(p, worst) : 0.0;
            double spreadPart = charges.totalAbsDelta > 0
                    ? charges.spread * Math.abs(charges.coinDelta[p]) / charges.totalAbsDelta : 0.0;
            out[p] = ratio * (scanPart + spreadPart);
        }
        return out;
    }

    /** The spread charge and SOM in the settlement currency, with the per-position shares attribution needs. */
    private record Charges(double spread, double som, double[] coinDelta, double totalAbsDelta, double[] shortShare) {
    }

    private Charges charges(List<Position> positions, PositionPricer pricer) {
        Position.commonCurrency(positions);
        double index = pricer.indexPrice();
        double usdPerUnit = positions.get(0).settlement().usdPerUnit(index);
        double[] coinDelta = new double[positions.size()];
        double totalAbsDelta = 0;
        Map<LocalDate, Double> tierDelta = new HashMap<>();
        Map<InstrumentName, Double> netOptions = new LinkedHashMap<>();
        for (int p = 0; p < coinDelta.length; p++) {
            Position position = positions.get(p);
            InstrumentName instrument = position.instrument();
            double perMove = position.scenarioQuantity() * pricer.moveDelta(instrument);
            coinDelta[p] = position.settlement() == Settlement.LINEAR ? perMove / pricer.forward(instrument) : perMove;
            totalAbsDelta += Math.abs(coinDelta[p]);
            tierDelta.merge(expiry(instrument), coinDelta[p], Double::sum);
            if (position.isOption()) {
                netOptions.merge(instrument, position.size(), Double::sum);
            }
        }
        double longs = 0;
        double shorts = 0;
        for (double delta : tierDelta.values()) {
            if (delta > 0) {
                longs += delta;
            } else {
                shorts -= delta;
            }
        }
        // Charges are fractions of the index, i.e. coin for inverse books; USD for linear ones.
        double perCoin = index / usdPerUnit;
        double spread = Math.min(longs, shorts) * parameters.intraSpreadRate() * perCoin;
        double netShortOptions = 0;
        for (double net : netOptions.values()) {
            netShortOptions += Math.max(0.0, -net);
        }
        double[] shortShare = new double[positions.size()];
        for (int p = 0; p < shortShare.length; p++) {
            Position position = positions.get(p);
            if (position.isOption() && netShortOptions > 0) {
                double net = netOptions.get(position.instrument());
                // A position's share of its instrument's net short count, by its signed size.
                shortShare[p] = net < 0 ? (-net / netShortOptions) * (position.size() / net) : 0.0;
            }
        }
        double som = netShortOptions * parameters.shortOptionMinimum() * perCoin;
        return new Charges(spread, som, coinDelta, totalAbsDelta, shortShare);
    }

    /** The tier of an instrument: its expiry date; the perpetual is its own tier. */
    private static LocalDate expiry(InstrumentName instrument) {
        return switch (instrument) {
            case InstrumentName.Option option -> option.expiryDate();
            case InstrumentName.Future future -> future.expiryDate();
            case InstrumentName.Perpetual perpetual -> LocalDate.MAX;
        };
    }
}
