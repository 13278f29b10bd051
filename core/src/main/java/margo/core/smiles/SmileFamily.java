package margo.core.smiles;

/** The parametric families Margo fits to a chain, as named in recipes ({@code svi(chain)}, ...). */
public enum SmileFamily {
    /** Raw SVI per expiry (Gatheral 2004). */
    SVI,
    /** One SSVI surface for all expiries (Gatheral and Jacquier 2014, section 4), power-law phi. */
    SSVI,
    /** Hagan's lognormal SABR per expiry, beta fixed by the user (Hagan et al. 2002). */
    SABR;

    /** The fewest quotes an expiry needs for this family's per-expiry parameters to be determined. */
    public int minimumQuotes() {
        return switch (this) {
            case SVI -> 5;
            case SSVI -> 1;
            case SABR -> 3;
        };
    }

    /** Fits this family to {@code quotes}: {@link SviFitter}, {@link SsviFitter} or {@link SabrFitter}. */
    public SurfaceFit fit(SmileQuotes quotes, SmileFitOptions options) {
        if (quotes == null || options == null) {
            throw new IllegalArgumentException("quotes and options must not be null");
        }
        return switch (this) {
            case SVI -> SviFitter.fit(quotes, options);
            case SSVI -> SsviFitter.fit(quotes, options);
            case SABR -> SabrFitter.fit(quotes, options);
        };
    }
}
