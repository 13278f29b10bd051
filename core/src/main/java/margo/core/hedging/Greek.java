package margo.core.hedging;

import java.util.Locale;

/**
 * One column of a book's greeks, with its unit: the vocabulary of {@code greeks(book)} tables and of hedge
 * targets. The USD greeks are those of {@link Greeks}; each coin column is its USD column divided by the index,
 * except {@link #DELTA}, which is Deribit's position delta, and {@link #NET_DELTA}, the coin equivalent of
 * {@link #DELTA_USD} (for a coin-settled account it adds the coin held, collateral and the coin value of its
 * positions, to Deribit's delta).
 */
public enum Greek {
    DELTA("coin, Deribit's convention: the positions' coin delta, premium-adjusted for inverse options, no"
            + " collateral"),
    NET_DELTA("coin: dE/dS, the USD equity's exposure in coin, collateral included"),
    DELTA_USD("USD per 1.00 relative move of every price: net_delta x index"),
    GAMMA("coin per 1% move: the change of net_delta when every price rises 1%"),
    GAMMA_USD("USD per 1% move: the change of delta_usd when every price rises 1%"),
    VEGA("coin per vol point"),
    VEGA_USD("USD per vol point: the equity's change when every implied vol rises one point"),
    THETA("coin per day"),
    THETA_USD("USD per day: the equity's change as one calendar day passes, forwards and vols held"),
    VANNA("coin per vol point: the change of net_delta when every implied vol rises one point"),
    VANNA_USD("USD per vol point: the change of delta_usd when every implied vol rises one point"),
    VOLGA("coin per vol point: the change of vega when every implied vol rises one point"),
    VOLGA_USD("USD per vol point: the change of vega_usd when every implied vol rises one point");

    private final String unit;

    Greek(String unit) {
        this.unit = unit;
    }

    /** The column's name in tables and recipes, e.g. {@code vega_usd}. */
    public String columnName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The unit and convention, in words. */
    public String unit() {
        return unit;
    }

    /** The greek named {@code name} (a {@link #columnName()}), or null. */
    public static Greek named(String name) {
        for (Greek greek : values()) {
            if (greek.columnName().equals(name)) {
                return greek;
            }
        }
        return null;
    }

    /** This column of {@code greeks}, where the coin's index is {@code indexPrice} USD. */
    public double of(Greeks greeks, double indexPrice) {
        return switch (this) {
            case DELTA -> greeks.delta();
            case NET_DELTA -> greeks.deltaUsd() / indexPrice;
            case DELTA_USD -> greeks.deltaUsd();
            case GAMMA -> greeks.gammaUsd() / indexPrice;
            case GAMMA_USD -> greeks.gammaUsd();
            case VEGA -> greeks.vegaUsd() / indexPrice;
            case VEGA_USD -> greeks.vegaUsd();
            case THETA -> greeks.thetaUsd() / indexPrice;
            case THETA_USD -> greeks.thetaUsd();
            case VANNA -> greeks.vannaUsd() / indexPrice;
            case VANNA_USD -> greeks.vannaUsd();
            case VOLGA -> greeks.volgaUsd() / indexPrice;
            case VOLGA_USD -> greeks.volgaUsd();
        };
    }
}
