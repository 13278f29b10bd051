package margo.core.smiles;

/**
 * How to fit a family of smiles to quotes.
 *
 * @param arbitrageFree whether to constrain the fit to be free of butterfly and calendar arbitrage on the check
 *                      grid ({@code arbitrage_free true} in a recipe); an unconstrained fit is still checked and
 *                      its violations reported
 * @param gridPoints    the number of log-moneyness points in the check grid, &ge; 2
 * @param gridWidening  how far the check grid extends beyond the quoted log-moneyness range on each side, as a
 *                      fraction of that range's width, &ge; 0 (0.5: half the width again on each side)
 * @param sabrBeta      SABR's CEV exponent beta in [0, 1], fixed by the user (ignored by SVI and SSVI)
 * @param sabrExpansion Hagan's 2002 formula or Obloj's 2008 correction for SABR (ignored by SVI and SSVI)
 */
public record SmileFitOptions(boolean arbitrageFree, int gridPoints, double gridWidening, double sabrBeta,
                              Sabr.Expansion sabrExpansion) {

    /**
     * Unconstrained, a 401-point grid widened by half the quoted range on each side, SABR beta 1 (lognormal)
     * with Hagan's formula.
     */
    public static final SmileFitOptions DEFAULT = new SmileFitOptions(false, 401, 0.5, 1.0, Sabr.Expansion.HAGAN_2002);

    public SmileFitOptions {
        if (gridPoints < 2) {
            throw new IllegalArgumentException("gridPoints must be >= 2, but was " + gridPoints);
        }
        if (!(gridWidening >= 0) || Double.isInfinite(gridWidening)) {
            throw new IllegalArgumentException("gridWidening must be finite and >= 0, but was " + gridWidening);
        }
        if (!(sabrBeta >= 0 && sabrBeta <= 1)) {
            throw new IllegalArgumentException("sabrBeta must be in [0, 1], but was " + sabrBeta);
        }
        if (sabrExpansion == null) {
            throw new IllegalArgumentException("sabrExpansion must not be null");
        }
    }

    /** These options with the fit constrained to be arbitrage-free, or not. */
    public SmileFitOptions withArbitrageFree(boolean constrained) {
        return new SmileFitOptions(constrained, gridPoints, gridWidening, sabrBeta, sabrExpansion);
    }

    /** These options with SABR's beta. */
    public SmileFitOptions withSabrBeta(double beta) {
        return new SmileFitOptions(arbitrageFree, gridPoints, gridWidening, beta, sabrExpansion);
    }

    /** These options with SABR's expansion. */
    public SmileFitOptions withSabrExpansion(Sabr.Expansion expansion) {
        return new SmileFitOptions(arbitrageFree, gridPoints, gridWidening, sabrBeta, expansion);
    }

    /** The check grid for quotes: their log-moneyness range widened by {@code gridWidening} on each side. */
    double[] grid(SmileQuotes quotes) {
        double[] range = quotes.logMoneynessRange();
        double width = Math.max(range[1] - range[0], 0.1);
        return ArbitrageChecks.grid(range[0] - gridWidening * width, range[1] + gridWidening * width, gridPoints);
    }
}
