/**
 * Characteristic-function option models and their pricer: {@link margo.core.models.HestonParameters},
 * {@link margo.core.models.BatesParameters}, {@link margo.core.models.MertonParameters} and
 * {@link margo.core.models.VarianceGammaParameters}, each a validated record implementing
 * {@link margo.core.models.CharacteristicFunctionModel} (the characteristic function of the log-forward return and
 * its cumulants, and the parameter vector a calibration engine varies), priced by
 * {@link margo.core.models.CosPricer}: the COS method of Fang and Oosterlee (2008) for whole expiry slices and
 * chains on primitive arrays, in USD or in coin, model implied volatilities, and Heston prices with the analytic
 * gradient of Cui, del Baño Rollin and Germano (2017).
 *
 * <p>Conventions: zero rates (undiscounted prices in the forward measure, as on crypto venues), forwards and
 * strikes in USD, times in years (ACT/365), variances and volatilities annualised decimals.
 */
package margo.core.models;
