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
 *
 * <p>The gradient in {@code (sigma, nu, theta)} ({@link #putAndGradient}) differentiates the same sum with the nodes
 * z held fixed, as the COS gradient holds its truncation range: each node's Black-76 price moves through its forward
 * factor {@code e^{omega T + (theta + sigma^2/2) g}} (delta) and its volatility {@code sigma sqrt g} (vega), and its
 * weight through nu, by the score {@code d ln f(g) / d nu = (alpha / nu) (psi(alpha) + ln nu - ln g - 1) + g / nu^2}
 * of the gamma density f (psi the digamma function). Below g0, {@code P(G < g0) = x^alpha / Gamma(alpha + 1)
 * (1 + O(x))} with {@code x = g0 / nu < 1e-16}, so {@code d ln P / d nu = (alpha / nu) (psi(alpha + 1) - ln x - 1)}.
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
    /** Per node: {@code ln} of the forward factor, {@code omega T + (theta + sigma^2 / 2) g}. */
    private double[] logForwardFactors = new double[0];
    private double[] volatilities = new double[0];
    private double[] weights = new double[0];
    /** Per node: the clock time g and the score {@code d ln (weight) / d nu}, for the gradient. */
    private double[] clockTimes = new double[0];
    private double[] weightScores = new double[0];
    private int nodes;
    private double zeroClockProbability;
    private double zeroClockForwardFactor;
    private double zeroClockScore;
    private double sigma;
    /** {@code T d omega / d p} for p = sigma, nu, theta. */
    private double omegaTBySigma;
    private double omegaTByNu;
    private double omegaTByTheta;

    /**
     * Whether {@code model} at {@code timeYears} is in the regime this mixture serves: variance gamma with
     * {@code alpha = T / nu <= 1/2}, or with {@code alpha <= 8} where the COS series would need more than
     * {@code maxTerms / 4} terms. Above 1/2 phi decays like {@code |B(u)|^{-alpha}}, {@code B ~ sigma^2 nu u^2 / 2},
     * so it falls below the tolerance tol at {@code u = sqrt(2 tol^{-1/alpha} / (sigma^2 nu))}, the term
     * {@code u (b - a) / pi}: at one day and nu = 0.005 (a fit to a smile VG cannot make), over a million. The mixture
     * costs about as much as 4,000 cosine terms a quote and agrees with the reference table to its tolerance up to
     * alpha = 10 (at alpha = 15 its fixed panels no longer resolve the narrower density).
     */
    static boolean serves(CharacteristicFunctionModel model, double timeYears, CosPricer settings) {
        if (!(model instanceof VarianceGammaParameters vg)) {
            return false;
        }
        double alpha = timeYears / vg.nu();
        if (alpha <= 0.5) {
            return true;
        }
        if (alpha > 8.0) {
            return false;
        }
        double range = 2.0 * vg.truncationHalfWidth(timeYears, vg.cumulants(timeYears), settings.truncationMultiple());
        double lastFrequency = Math.sqrt(2.0 * Math.pow(settings.characteristicFunctionTolerance(), -1.0 / alpha)
                / (vg.sigma() * vg.sigma() * vg.nu()));
        return lastFrequency * range / Math.PI > settings.maxTerms() / 4.0;
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
        zeroClockScore = alpha / nu * (digamma(alpha + 1.0) - Math.log(g0 / nu) - 1.0);
        this.sigma = sigma;
        omegaTBySigma = model.omegaBySigma() * timeYears;
        omegaTByNu = model.omegaByNu() * timeYears;
        omegaTByTheta = model.omegaByTheta() * timeYears;
        double scoreConstant = alpha / nu * (digamma(alpha) + Math.log(nu) - 1.0);
        // Density of z = ln g: g^alpha e^{-g / nu} / (Gamma(alpha) nu^alpha).
        double logNorm = -Gamma.logGamma(alpha) - alpha * Math.log(nu);
        int panels = (int) Math.ceil((upper - lower) / MAX_PANEL_WIDTH);
        double width = (upper - lower) / panels;
        int perPanel = Panel.RULE.getNumberOfPoints();
        nodes = panels * perPanel;
        if (weights.length < nodes) {
            weights = new double[nodes];
            forwardFactors = new double[nodes];
            logForwardFactors = new double[nodes];
            volatilities = new double[nodes];
            clockTimes = new double[nodes];
            weightScores = new double[nodes];
        }
        for (int p = 0; p < panels; p++) {
            double middle = lower + (p + 0.5) * width;
            for (int q = 0; q < perPanel; q++) {
                int i = p * perPanel + q;
                double z = middle + 0.5 * width * Panel.RULE.getPoint(q);
                double g = Math.exp(z);
                weights[i] = 0.5 * width * Panel.RULE.getWeight(q) * Math.exp(alpha * z - g / nu + logNorm);
                logForwardFactors[i] = omegaT + driftPerClock * g;
                forwardFactors[i] = Math.exp(logForwardFactors[i]);
                volatilities[i] = sigma * Math.sqrt(g);
                clockTimes[i] = g;
                weightScores[i] = scoreConstant - alpha / nu * z + g / (nu * nu);
            }
        }
    }

    /**
     * The digamma function {@code psi(x) = d ln Gamma(x) / dx}, x &gt; 0, to about 1e-15: the recurrence
     * {@code psi(x) = psi(x + 1) - 1 / x} up to x &ge; 10, then the asymptotic series of Abramowitz and Stegun 6.3.18
     * through {@code x^-12} (a few ulps: 1e-15 near 1). Commons Math 3.6's {@code Gamma.digamma} has the sign of its {@code x^-4} term wrong,
     * which costs 3e-9 at every x (enough to bias the nu gradient by 1e-5 relative).
     */
    static double digamma(double x) {
        double shift = 0.0;
        while (x < 10.0) {
            shift -= 1.0 / x;
            x += 1.0;
        }
        double inv2 = 1.0 / (x * x);
        double series = inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240
                - inv2 * (1.0 / 132 - inv2 * 691.0 / 32760)))));
        return shift + Math.log(x) - 0.5 / x - series;
    }

    /**
     * The undiscounted put in USD. Each node's Black-76 put is priced from its log-moneyness
     * {@code ln(F / K) + ln(forward factor)}, so a node costs no logarithm.
     */
    double put(double forward, double strike) {
        double sum = zeroClockProbability * Math.max(strike - forward * zeroClockForwardFactor, 0.0);
        double logMoneyness = Black76.logMoneyness(forward, strike);
        for (int i = 0; i < nodes; i++) {
            sum += weights[i] * Black76.priceFromLogMoneyness(OptionType.PUT, forward * forwardFactors[i], strike,
                    logMoneyness + logForwardFactors[i], volatilities[i]);
        }
        return sum;
    }

    /**
     * The undiscounted put in USD into {@code out[0]} and its derivatives by sigma, nu and theta into
     * {@code out[1..3]}, USD per unit of each.
     */
    void putAndGradient(double forward, double strike, double[] out) {
        double zeroForward = forward * zeroClockForwardFactor;
        double zeroPayoff = Math.max(strike - zeroForward, 0.0);
        // The zero-clock put K - F e^{omega T} moves with omega, when in the money.
        double zeroDelta = strike > zeroForward ? -zeroForward : 0.0;
        double sum = zeroClockProbability * zeroPayoff;
        double bySigma = zeroClockProbability * zeroDelta * omegaTBySigma;
        double byNu = zeroClockProbability * (zeroPayoff * zeroClockScore + zeroDelta * omegaTByNu);
        double byTheta = zeroClockProbability * zeroDelta * omegaTByTheta;
        double logMoneyness = Black76.logMoneyness(forward, strike);
        for (int i = 0; i < nodes; i++) {
            double nodeForward = forward * forwardFactors[i];
            double x = logMoneyness + logForwardFactors[i];
            double s = volatilities[i];
            double put = Black76.priceFromLogMoneyness(OptionType.PUT, nodeForward, strike, x, s);
            // d put / d ln(node forward), and d put / d (total volatility).
            double forwardSensitivity = Black76.deltaFromLogMoneyness(OptionType.PUT, x, s) * nodeForward;
            double vega = Black76.vegaFromLogMoneyness(nodeForward, strike, x, s);
            double g = clockTimes[i];
            double w = weights[i];
            sum += w * put;
            bySigma += w * (forwardSensitivity * (omegaTBySigma + sigma * g) + vega * s / sigma);
            byNu += w * (put * weightScores[i] + forwardSensitivity * omegaTByNu);
            byTheta += w * forwardSensitivity * (omegaTByTheta + g);
        }
        out[0] = sum;
        out[1] = bySigma;
        out[2] = byNu;
        out[3] = byTheta;
    }
}
