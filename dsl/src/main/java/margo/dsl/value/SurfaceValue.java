package margo.dsl.value;

import margo.core.smiles.SurfaceFit;

/**
 * Smiles fitted to a chain, bound by {@code surface N = svi(CHAIN) { ... }}.
 *
 * @param fit     the fitted smiles, their RMSE by expiry and the arbitrage report
 * @param display one row per expiry: parameters, RMSE and arbitrage found
 * @param chain   the chain it was fitted to, all its rows (for {@code smile(surface)})
 */
public record SurfaceValue(SurfaceFit fit, TableValue display, TableValue chain) implements TabulatedValue {

    public SurfaceValue {
        if (fit == null || display == null || chain == null) {
            throw new IllegalArgumentException("fit, display and chain must not be null");
        }
    }

    @Override
    public String kind() {
        return "surface";
    }
}
