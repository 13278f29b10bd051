package margo.core.margin;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parameters of a CME SPAN-style margin (docs/margin-sources.md, B4; CME "SPAN methodology",
 * cmegroup.com/clearing/span-methodology.html and the pubspan "Risk Arrays" pages). Amounts that CME states per
 * contract in USD are stated here as fractions of the underlying price so that one set serves inverse (coin) and
 * linear (USD) crypto contracts.
 *
 * @param priceScanRange       the price scan range (PSR) as a fraction of the forward, e.g. 0.15
 * @param volatilityScanRange  the volatility scan range (VSR), an additive shift of implied vol, decimal (0.10)
 * @param extremeMultiple      the extreme move in multiples of PSR, 2 in the textbook standard (3 for NYMEX gasoil)
 * @param extremeCoverage      the fraction of the extreme-move loss counted, 0.35 in the textbook standard
 * @param shortOptionMinimum   the short option minimum (SOM) per net short option on one coin, as a fraction of
 *                             the index price
 * @param intraSpreadRate      the intra-commodity (calendar) spread charge per coin of delta spread between
 *                             expiries, as a fraction of the index price
 * @param initialToMaintenance IM over MM, &ge; 1 (CME sets it per product, e.g. 1.1 for speculators)
 */
public record SpanParameters(double priceScanRange, double volatilityScanRange, double extremeMultiple,
                             double extremeCoverage, double shortOptionMinimum, double intraSpreadRate,
                             double initialToMaintenance) implements Serializable {

    /**
     * An illustrative crypto set, not any clearing house's: PSR 15% (near Deribit's 16% grid), VSR ten vol points,
     * the textbook 2 x PSR extreme at 35%, SOM 1% of the index per short option, 1% spread charge, IM = 1.1 x MM.
     */
    public static final SpanParameters CRYPTO_DEFAULT = new SpanParameters(0.15, 0.10, 2, 0.35, 0.01, 0.01, 1.1);

    public SpanParameters {
        if (!(priceScanRange > 0 && priceScanRange < 1)) {
            throw new IllegalArgumentException("priceScanRange must be a fraction in (0, 1), not " + priceScanRange);
        }
        if (!(volatilityScanRange >= 0) || Double.isInfinite(volatilityScanRange)) {
            throw new IllegalArgumentException("volatilityScanRange must be finite and non-negative, not "
                    + volatilityScanRange);
        }
        if (!(extremeMultiple > 0 && extremeMultiple * priceScanRange < 1)) {
            throw new IllegalArgumentException("extremeMultiple must be positive and keep the extreme move above -100%, not "
                    + extremeMultiple);
        }
        OptionMarginTerms.requireFraction("extremeCoverage", extremeCoverage);
        OptionMarginTerms.requireFraction("shortOptionMinimum", shortOptionMinimum);
        OptionMarginTerms.requireFraction("intraSpreadRate", intraSpreadRate);
        if (!(initialToMaintenance >= 1) || Double.isInfinite(initialToMaintenance)) {
            throw new IllegalArgumentException("initialToMaintenance must be at least 1, not " + initialToMaintenance);
        }
    }

    /**
     * SPAN's 16 risk-array scenarios in CME's order: price 0, +1/3, -1/3, +2/3, -2/3, +1, -1 PSR, each with vol up
     * then vol down (1-14), then +extreme and -extreme with vol unchanged, counted at {@code extremeCoverage} (15, 16).
     */
    public List<Scenario> scenarios() {
        VolatilityShock up = VolatilityShock.absolute(volatilityScanRange);
        VolatilityShock down = VolatilityShock.absolute(-volatilityScanRange);
        double[] fractions = {0, 1.0 / 3, -1.0 / 3, 2.0 / 3, -2.0 / 3, 1, -1};
        String[] names = {"0", "+1/3", "-1/3", "+2/3", "-2/3", "+1", "-1"};
        List<Scenario> scenarios = new ArrayList<>();
        for (int i = 0; i < fractions.length; i++) {
            double move = fractions[i] * priceScanRange;
            scenarios.add(new Scenario("price " + names[i] + " PSR, vol up", move, move, up, 1, 1));
            scenarios.add(new Scenario("price " + names[i] + " PSR, vol down", move, move, down, 1, 1));
        }
        for (int sign : new int[] {1, -1}) {
            double move = sign * extremeMultiple * priceScanRange;
            scenarios.add(new Scenario(String.format(Locale.ROOT, "price %+.0fx PSR extreme", sign * extremeMultiple),
                    move, move, VolatilityShock.NONE, extremeCoverage, extremeCoverage));
        }
        return scenarios;
    }
}
