package margo.dsl.value;

import margo.core.smiles.SurfaceFit;

/**
 * Smiles fitted to a chain, bound by {@code surface N = svi(CHAIN) { ... }}.
 *
 * @param fit     the fitted smiles, their RMSE by expiry and the arbitrage report
 * @param display one row per expiry: parameters, RMSE and arbitrage found
 */
public record SurfaceValue(SurfaceFit fit, TableValue display) implements TabulatedValue {

    public SurfaceValue {
        if (fit == null || display == null) {
            throw new IllegalArgumentException("fit and display must not be null");
        }
    }

    @Override
    public String kind() {
        return "surface";
    }
}
