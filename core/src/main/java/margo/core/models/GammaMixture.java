package margo.core.models;

import margo.core.pricing.Black76;
import margo.core.pricing.OptionType;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.special.Gamma;

/**
 * Variance gamma puts of one expiry as a mixture of Black-76 prices over the gamma clock, for the short expiries
 * where the COS series converges too slowly (D. B. Madan, P. P. Carr and E. C. Chang, "The variance gamma process
 * and option pricing", European Finance Review 2 (1998), which price by conditioning on the gamma time): given
 * {@code G = g}, X is normal, so the put is Black-76 with forward {@code F e^{omega T + (theta + sigma^2/2) g}} and
 * total variance {@code sigma^2 g}, weighted by the gamma density of shape {@code alpha = T / nu} and scale nu.
 *
 * <p>When {@code alpha <= 1/2} that density is singular at 0 and most of its mass can sit at clock times far below
 * any that move the price (at one day and nu = 0.2, P(G &lt; 1e-30) = 0.39). So the clock is split at
 * {@code g0 = (1e-13 / sigma)^2}: below, the conditional price is the zero-volatility one,
 * {@code max(K - F e^{omega T}, 0)}, times {@code P(G < g0)} (the regularized incomplete gamma function); above,
 * the integral runs in {@code z = ln g}, where the integrand {@code Black(e^z) e^{alpha z - e^z / nu}} is smooth on
 * the scale of 1, by 16-point Gauss-Legendre panels of width at most 2 up to
 * {@code g_max = nu (alpha + 12 sqrt(alpha) + 60)} (gamma tail below e^-50). The nodes and weights are set up once
 * per expiry; a strike then costs about 500 Black-76 prices.
 */
final class GammaMixture {

    private static final double MAX_PANEL_WIDTH = 2.0;

    /**
     * The 16-point Gauss-Legendre rule, in a holder so that it is computed at the first variance gamma expansion, not
     * when {@link #serves} or a pricer's scratch space first loads this class: Commons Math derives the rule in
     * BigDecimal arithmetic, about 0.1 s in a fresh JVM, which every Heston fit used to pay on its first call.
     */
    private static final class Panel {
        static final GaussIntegrator RULE = new GaussIntegratorFactory().legendreHighPrecision(16);
    }

    private double[] forwardFactors = new double[0];
    private double[] volatilities = new double[0];
    private double[] weights = new double[0];
    private int nodes;
    private double zeroClockProbability;
    private double zeroClockForwardFactor;

    /** Whether {@code model} at {@code timeYears} is in the regime this mixture serves: {@code T / nu <= 1/2}. */
    static boolean serves(CharacteristicFunctionModel model, double timeYears) {
        return model instanceof VarianceGammaParameters vg && timeYears / vg.nu() <= 0.5;
    }

    void expand(VarianceGammaParameters model, double timeYears) {
        double nu = model.nu();
        double sigma = model.sigma();
        double alpha = timeYears / nu;
        double driftPerClock = model.theta() + 0.5 * sigma * sigma;
        double omegaT = model.omega() * timeYears;
        double g0 = (1e-13 / sigma) * (1e-13 / sigma);
        double lower = Math.log(g0);
        double upper = Math.log(nu * (alpha + 12.0 * Math.sqrt(alpha) + 60.0));
        zeroClockProbability = Gamma.regularizedGammaP(alpha, g0 / nu);
        zeroClockForwardFactor = Math.exp(omegaT);
        // Density of z = ln g: g^alpha e^{-g / nu} / (Gamma(alpha) nu^alpha).
        double logNorm = -Gamma.logGamma(alpha) - alpha * Math.log(nu);
        int panels = (int) Math.ceil((upper - lower) / MAX_PANEL_WIDTH);
        double width = (upper - lower) / panels;
        int perPanel = Panel.RULE.getNumberOfPoints();
        nodes = panels * perPanel;
        if (weights.length < nodes) {
            weights = new double[nodes];
            forwardFactors = new double[nodes];
            volatilities = new double[nodes];
        }
        for (int p = 0; p < panels; p++) {
            double middle = lower + (p + 0.5) * width;
            for (int q = 0; q < perPanel; q++) {
                int i = p * perPanel + q;
                double z = middle + 0.5 * width * Panel.RULE.getPoint(q);
                double g = Math.exp(z);
                weights[i] = 0.5 * width * Panel.RULE.getWeight(q) * Math.exp(alpha * z - g / nu + logNorm);
                forwardFactors[i] = Math.exp(omegaT + driftPerClock * g);
                volatilities[i] = sigma * Math.sqrt(g);
            }
        }
    }

    /** The undiscounted put in USD. */
    double put(double forward, double strike) {
        double sum = zeroClockProbability * Math.max(strike - forward * zeroClockForwardFactor, 0.0);
        for (int i = 0; i < nodes; i++) {
            sum += weights[i] * Black76.price(OptionType.PUT, forward * forwardFactors[i], strike, 1.0,
                    volatilities[i]);
        }
        return sum;
    }
}
