package margo.core.smiles;

/** The parametric families Margo fits to a chain, as named in recipes ({@code svi(chain)}, ...). */
public enum SmileFamily {
    /** Raw SVI per expiry (Gatheral 2004). */
    SVI,
    /** One SSVI surface for all expiries (Gatheral and Jacquier 2014, section 4), power-law phi. */
    SSVI,
    /** Hagan's lognormal SABR per expiry, beta fixed by the user (Hagan et al. 2002). */
    SABR
}
