package margo.core.margin;

import java.io.Serializable;

/**
 * The fractions of Deribit-style standard margin for a short option, all of the underlying (index) price S.
 * Per option on one coin, in USD ({@code OTM = max(K - S, 0)} for a call, {@code max(S - K, 0)} for a put):
 * <pre>
 *   MM = max(maintenance x S, maintenance x mark) + mark + fee x S
 *   IM = max( max(initial x S - OTM, initialFloor x S) + premium , MM )
 * </pre>
 * with {@code premium} the mark, or {@code max(entry, mark)} when {@code initialUsesEntryPrice}. For inverse
 * options every amount is divided by S, giving coin. Long options need their mark (IM = MM = mark).
 *
 * <p>Deribit's inverse options (docs/margin-sources.md, B1, doc.tslab.pro mirroring Deribit; bit.com help center):
 * short call {@code IM = max(0.15 - OTM/S, 0.1) + mark}, {@code MM = 0.075 + mark}; short put
 * {@code MM = max(0.075, 0.075 mark) + mark}, {@code IM = max(max(0.15 - OTM/S, 0.1) + mark, MM)}. For a call the
 * MM term is {@code 0.075 + mark} because a call's USD mark is below S; the outer max with MM never binds while
 * {@code initialFloor >= maintenance + fee}. Bybit's cross-margin short options (docs/margin-sources.md, B3 and
 * worked example T6) are the same form with 0.03 maintenance, a 0.2% fee term and {@code max(entry, mark)}.
 *
 * @param initial               the initial fraction, 0.15 at Deribit
 * @param initialFloor          the floor of the initial fraction net of OTM, 0.10 at Deribit
 * @param maintenance           the maintenance fraction, 0.075 at Deribit
 * @param fee                   a liquidation-fee fraction of S added to MM, 0 at Deribit, 0.002 at Bybit
 * @param initialUsesEntryPrice whether IM counts {@code max(entry, mark)} instead of the mark (Bybit)
 */
public record OptionMarginTerms(double initial, double initialFloor, double maintenance, double fee,
                                boolean initialUsesEntryPrice) implements Serializable {

    /** Deribit's inverse BTC and ETH options. */
    public static final OptionMarginTerms DERIBIT = new OptionMarginTerms(0.15, 0.10, 0.075, 0.0, false);

    /** Bybit's cross-margin USDC options (docs/margin-sources.md, B3 and T6). */
    public static final OptionMarginTerms BYBIT = new OptionMarginTerms(0.15, 0.10, 0.03, 0.002, true);

    public OptionMarginTerms {
        requireFraction("initial", initial);
        requireFraction("initialFloor", initialFloor);
        requireFraction("maintenance", maintenance);
        requireFraction("fee", fee);
    }

    /** The short option's IM per option on one coin, in USD: see the class comment. */
    double shortInitialUsd(double indexPrice, double otm, double markUsd, double entryUsd) {
        double premium = initialUsesEntryPrice && entryUsd > markUsd ? entryUsd : markUsd;
        return Math.max(Math.max(initial * indexPrice - otm, initialFloor * indexPrice) + premium,
                shortMaintenanceUsd(indexPrice, markUsd));
    }

    /** The short option's MM per option on one coin, in USD. */
    double shortMaintenanceUsd(double indexPrice, double markUsd) {
        return Math.max(maintenance * indexPrice, maintenance * markUsd) + markUsd + fee * indexPrice;
    }

    static void requireFraction(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be a fraction in [0, 1], not " + value);
        }
    }
}
