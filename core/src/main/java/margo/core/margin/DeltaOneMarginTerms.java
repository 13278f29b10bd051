package margo.core.margin;

import java.io.Serializable;

/**
 * Standard margin of a future or perpetual, as fractions of its notional that grow with the position's size:
 * {@code IM = notional x (initial + |size| x sizeIncrement)}, {@code MM = notional x (maintenance + |size| x
 * sizeIncrement)}, size in coin, notional {@code |size| x price}. Inverse contracts count in coin
 * ({@code |size|} at the future's mark); linear ones in USD at the index price ("the margin is computed in the
 * margin currency at the index price").
 *
 * <p>Deribit since 11 January 2022 (support.deribit.com/hc/en-us/articles/25944826427293): BTC 2% / 1% +
 * 0.005% per BTC; ETH 2% / 1% + 0.0004% per ETH. Linear perpetuals
 * (support.deribit.com/hc/en-us/articles/25944738177565): BTC_USDC 2% / 1% + 0.005% per BTC; SOL_USDC 4% / 2% +
 * 0.0005% per SOL. The size increment makes the rate rise through size "tiers" continuously: 25 BTC of BTC_USDC
 * needs 2.125% (docs/margin-sources.md, T3).
 *
 * @param initial       the initial fraction at zero size, e.g. 0.02
 * @param maintenance   the maintenance fraction at zero size, e.g. 0.01
 * @param sizeIncrement the added fraction per coin of size, e.g. 0.00005 (0.005%)
 */
public record DeltaOneMarginTerms(double initial, double maintenance, double sizeIncrement) implements Serializable {

    /** Deribit BTC inverse futures and perpetual, and BTC_USDC. */
    public static final DeltaOneMarginTerms DERIBIT_BTC = new DeltaOneMarginTerms(0.02, 0.01, 0.00005);
    /** Deribit ETH inverse futures and perpetual. */
    public static final DeltaOneMarginTerms DERIBIT_ETH = new DeltaOneMarginTerms(0.02, 0.01, 0.000004);
    /** Deribit SOL_USDC linear perpetual. */
    public static final DeltaOneMarginTerms DERIBIT_SOL_USDC = new DeltaOneMarginTerms(0.04, 0.02, 0.000005);

    public DeltaOneMarginTerms {
        OptionMarginTerms.requireFraction("initial", initial);
        OptionMarginTerms.requireFraction("maintenance", maintenance);
        OptionMarginTerms.requireFraction("sizeIncrement", sizeIncrement);
    }

    /** The initial-margin fraction of the notional for {@code |size|} coin. */
    public double initialRate(double size) {
        return initial + Math.abs(size) * sizeIncrement;
    }

    /** The maintenance-margin fraction of the notional for {@code |size|} coin. */
    public double maintenanceRate(double size) {
        return maintenance + Math.abs(size) * sizeIncrement;
    }
}
