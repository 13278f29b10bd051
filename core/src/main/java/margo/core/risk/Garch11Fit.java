package margo.core.risk;

import java.util.Locale;

/**
 * A GARCH(1,1) fitted by maximum likelihood, with standard errors from the inverse of the numerical Hessian of the
 * negative log-likelihood (the observed information).
 *
 * @param parameters      the fitted process
 * @param omegaError      the standard error of omega, NaN when the Hessian is not positive definite (a parameter
 *                        at its bound, typically alpha at 0)
 * @param alphaError      the standard error of alpha, likewise
 * @param betaError       the standard error of beta, likewise
 * @param logLikelihood   the Gaussian log-likelihood at the optimum
 * @param observations    the returns fitted
 * @param evaluations     likelihood evaluations the optimiser used
 * @param initialVariance the variance the recursion starts from: the window's mean square return
 * @param converged       whether the optimiser converged; false when it ran out of evaluations on a flat
 *                        likelihood and these are the best parameters it saw
 */
public record Garch11Fit(Garch11 parameters, double omegaError, double alphaError, double betaError,
                         double logLikelihood, int observations, int evaluations, double initialVariance,
                         boolean converged) {

    /** The fit as one line, e.g. {@code omega 1.2e-05 (2.1e-06), alpha 0.102 (0.011), beta 0.861 (0.015)}. */
    public String summary() {
        return String.format(Locale.ROOT, "omega %.3g (%.2g), alpha %.3f (%.3f), beta %.3f (%.3f), persistence %.4f,"
                        + " log-likelihood %.2f over %d returns%s", parameters.omega(), omegaError, parameters.alpha(),
                alphaError, parameters.beta(), betaError, parameters.persistence(), logLikelihood, observations,
                converged ? "" : " (not converged: the best point after " + evaluations + " evaluations)");
    }
}
