package margo.core.smiles;

/**
 * One expiry's SABR smile as total variance against log-moneyness, {@code w(k) = sigma_B(F, F e^k, T)^2 T}
 * with Hagan's {@link Sabr#impliedVolatility}. Its derivatives, hence the butterfly check, use finite
 * differences: Hagan's expansion has no closed-form density, and it is known to give a negative one in the low
 * strike wing for long expiries (Hagan et al. 2002, section 3.5; Obloj 2008), which the check reports.
 *
 * @param parameters the SABR parameters
 * @param forward    the expiry's forward F, USD per unit of underlying, &gt; 0
 * @param timeYears  time to expiry T, years, &gt; 0
 * @param expansion  Hagan's 2002 formula or Obloj's 2008 correction
 */
public record SabrSmile(Sabr parameters, double forward, double timeYears, Sabr.Expansion expansion) implements Smile {

    public SabrSmile {
        if (parameters == null || expansion == null) {
            throw new IllegalArgumentException("parameters and expansion must not be null");
        }
        Checks.positive("forward", forward);
        Checks.positive("timeYears", timeYears);
    }

    /** Hagan's 2002 formula. */
    public SabrSmile(Sabr parameters, double forward, double timeYears) {
        this(parameters, forward, timeYears, Sabr.Expansion.HAGAN_2002);
    }

    @Override
    public double totalVariance(double logMoneyness) {
        double vol = parameters.impliedVolatility(forward, forward * Math.exp(logMoneyness), timeYears, expansion);
        return vol * vol * timeYears;
    }
}
