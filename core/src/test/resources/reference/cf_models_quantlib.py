#!/usr/bin/env python3
"""Reference prices of European options under Heston, Bates, Merton and variance gamma for Margo's COS pricer.

Writes cf_models_quantlib.csv beside this script. Margo's tests read the committed CSV; QuantLib 1.29 is only
needed to regenerate it:

    /usr/bin/python3 core/src/test/resources/reference/cf_models_quantlib.py

Setting: zero rates and dividends, so spot = forward F = 100 USD and prices are undiscounted, in USD. Expiries are
1, 7, 30, 91, 365 and 1095 days, T = days / 365 (QuantLib Actual365Fixed). Moneyness K/F from 0.5 to 2, calls and
puts.

Engines (what the column `reference` holds):
  heston   ql.AnalyticHestonEngine(model, 1e-13, 10_000_000): the adaptive Gauss-Lobatto form of the Heston (1993)
           integrals with relative tolerance 1e-13. The Gauss-Laguerre form (gaussLaguerre(192), the default order
           144 alike) is NOT used: at expiries of a day or a month it is off by up to 1e-3 USD (e.g. the Albrecher et
           al. set, 1 day, K/F = 0.5: -0.0031 USD for a price of ~0).
  bates    ql.BatesEngine(model, 1e-13, 10_000_000), the same Gauss-Lobatto integration.
  merton   Merton's (1976) series, sum over n of Poisson(lambda T) weights times ql.blackFormula with n jumps, summed
           until the weights are below 1e-20. The Python bindings of QuantLib 1.29 do not expose JumpDiffusionEngine,
           which evaluates this same series; the series is exact to double rounding.
  vg       Madan, Carr and Chang (1998), eq. (23)-(24) route: conditional on the gamma time g the price is Black-76 with
           forward F exp(omega T + theta g + sigma^2 g / 2) and variance sigma^2 g; integrated over the gamma density
           (shape T/nu, scale nu) by tanh-sinh quadrature in y = g^(T/nu) when T/nu < 1 (removes the g^(T/nu-1)
           singularity) and in g otherwise, with the step halved until two successive results agree to 1e-14 F.
           QuantLib's ql.VarianceGammaEngine is also evaluated (column `quantlib_second`): its Python binding fixes
           the absolute error to the C++ default 1e-5, so it agrees with the quadrature only to ~1e-6 USD.

Column `quantlib_second` is a second, independent QuantLib evaluation kept as evidence of QuantLib's own accuracy:
Heston with the Andersen-Piterbarg complex-log form integrated by adaptive Gauss-Kronrod (tolerance 1e-14; empty
where it does not converge), Merton with ql.BatesEngine at vol-of-vol 1e-4 (approximately Merton, so only to ~1e-9
F), VG with ql.VarianceGammaEngine. Bates has none: QuantLib 1.29's BatesEngine offers only the Gauss-Laguerre and
Gauss-Lobatto integrations, and AnalyticHestonEngine would drop the jumps.

Columns (numbers printed with repr, i.e. round-trip exact doubles):
  model, set           model name and parameter-set label
  p1..p7               parameters in Margo's order: heston v0,kappa,theta,xi,rho; bates v0,kappa,theta,xi,rho,
                       lambda,muJ,sigmaJ (p8); merton sigma,lambda,muJ,sigmaJ; vg sigma,nu,theta
  type, forward, strike, days, time_years, reference, quantlib_second
"""
import csv
import math
import os

import QuantLib as ql

TODAY = ql.Date(1, 1, 2025)
ql.Settings.instance().evaluationDate = TODAY
DC = ql.Actual365Fixed()
F = 100.0
DAYS = [1, 7, 30, 91, 365, 1095]
MONEYNESS = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0, 1.05, 1.1, 1.25, 1.5, 1.75, 2.0]
FLAT = ql.YieldTermStructureHandle(ql.FlatForward(TODAY, 0.0, DC))
SPOT = ql.QuoteHandle(ql.SimpleQuote(F))

HESTON_SETS = {
    # Albrecher, Mayer, Schoutens and Tistaert (2007), "The little Heston trap", section 4: the Eurostoxx 50
    # calibration of Schoutens, Simons and Tistaert (2004), used there to show the discontinuity of the original form.
    'little_trap': (0.0175, 1.5768, 0.0398, 0.5711, -0.5711),
    'standard': (0.04, 1.5, 0.04, 0.3, -0.7),
    'btc_a': (0.36, 2.0, 0.4, 2.0, -0.1),
    'btc_b': (0.36, 5.0, 0.4, 3.0, 0.1),
    'btc_c': (0.36, 10.0, 0.4, 4.0, 0.2),
}
BATES_SETS = {
    'standard': (0.04, 1.5, 0.04, 0.3, -0.7, 0.5, -0.1, 0.15),
    'btc': (0.36, 3.0, 0.4, 2.5, 0.0, 2.0, -0.05, 0.2),
}
MERTON_SETS = {
    'standard': (0.2, 0.5, -0.1, 0.15),
    'btc': (0.55, 3.0, -0.03, 0.12),
}
VG_SETS = {
    # Fang and Oosterlee (2008), section 5.4: sigma = 0.12, nu = 0.2, theta = -0.14.
    'fang_oosterlee': (0.12, 0.2, -0.14),
    'btc': (0.6, 0.1, -0.1),
}


def option(type_, strike, days):
    payoff = ql.PlainVanillaPayoff(ql.Option.Call if type_ == 'call' else ql.Option.Put, strike)
    return ql.VanillaOption(payoff, ql.EuropeanExercise(TODAY + days))


def npv(opt, engine):
    try:
        opt.setPricingEngine(engine)
        return repr(opt.NPV())
    except RuntimeError:
        return ''


def heston_model(v0, kappa, theta, xi, rho):
    return ql.HestonModel(ql.HestonProcess(FLAT, FLAT, SPOT, v0, kappa, theta, xi, rho))


def bates_model(v0, kappa, theta, xi, rho, lam, mu_j, sigma_j):
    return ql.BatesModel(ql.BatesProcess(FLAT, FLAT, SPOT, v0, kappa, theta, xi, rho, lam, mu_j, sigma_j))


def andersen_piterbarg(model):
    integration = ql.AnalyticHestonEngine_Integration.gaussKronrod(1e-14, 10_000_000)
    return ql.AnalyticHestonEngine(model, ql.AnalyticHestonEngine.AndersenPiterbarg, integration, 1e-14)


def black(type_, strike, forward, variance):
    ql_type = ql.Option.Call if type_ == 'call' else ql.Option.Put
    return ql.blackFormula(ql_type, strike, forward, math.sqrt(max(variance, 0.0)), 1.0)


def merton_series(type_, strike, t, sigma, lam, mu_j, sigma_j):
    """Merton (1976) eq. (16), undiscounted: Poisson mixture of Black-76 prices."""
    kappa = math.exp(mu_j + 0.5 * sigma_j * sigma_j) - 1.0
    total, n = 0.0, 0
    while True:
        weight = math.exp(-lam * t + n * math.log(lam * t) - math.lgamma(n + 1)) if lam * t > 0 else float(n == 0)
        forward = F * math.exp(-lam * kappa * t + n * (mu_j + 0.5 * sigma_j * sigma_j))
        total += weight * black(type_, strike, forward, sigma * sigma * t + n * sigma_j * sigma_j)
        n += 1
        if n > lam * t and weight < 1e-20:
            return total


def tanh_sinh(f, upper, step):
    """Integral of f over [0, upper] by the tanh-sinh rule with the given step in t, |t| <= 4."""
    total = 0.0
    k_max = int(4.0 / step)
    for k in range(-k_max, k_max + 1):
        t = k * step
        s = 0.5 * math.pi * math.sinh(t)
        x = upper / (1.0 + math.exp(-2.0 * s))          # = upper (1 + tanh s) / 2 without cancellation near 0
        w = upper * 0.5 * math.pi * math.cosh(t) / (2.0 * math.cosh(s) ** 2) if abs(s) < 700 else 0.0
        if 0.0 < x < upper and w > 0.0:
            total += w * f(x)
    return total * step


def variance_gamma_quadrature(type_, strike, t, sigma, nu, theta):
    omega = math.log(1.0 - theta * nu - 0.5 * sigma * sigma * nu) / nu
    alpha = t / nu

    def conditional(g):
        return black(type_, strike, F * math.exp(omega * t + (theta + 0.5 * sigma * sigma) * g), sigma * sigma * g)

    g_max = nu * (alpha + 12.0 * math.sqrt(alpha) + 60.0)   # gamma tail beyond is below e^-50
    log_norm = -math.lgamma(alpha + 1.0) - alpha * math.log(nu)
    if alpha < 1.0:
        def integrand(y):
            g = y ** (1.0 / alpha)
            return conditional(g) * math.exp(-g / nu + log_norm)
        upper = g_max ** alpha
    else:
        def integrand(g):
            return conditional(g) * math.exp((alpha - 1.0) * math.log(g) - g / nu + log_norm + math.log(alpha))
        upper = g_max
    step, previous = 1.0 / 16.0, None
    while True:
        value = tanh_sinh(integrand, upper, step)
        if previous is not None and abs(value - previous) <= 1e-14 * F:
            return value
        if step < 1.0 / 2048.0:
            raise RuntimeError(f'tanh-sinh did not converge: {previous} {value}')
        previous, step = value, step / 2.0


def main():
    rows = []
    for name, p in HESTON_SETS.items():
        model = heston_model(*p)
        primary, second = ql.AnalyticHestonEngine(model, 1e-13, 10_000_000), andersen_piterbarg(model)
        for days in DAYS:
            for m in MONEYNESS:
                for type_ in ('call', 'put'):
                    opt = option(type_, F * m, days)
                    rows.append(['heston', name, *p, type_, F, F * m, days, days / 365.0,
                                 npv(opt, primary), npv(opt, second)])
    for name, p in BATES_SETS.items():
        model = bates_model(*p)
        primary = ql.BatesEngine(model, 1e-13, 10_000_000)
        for days in DAYS:
            for m in MONEYNESS:
                for type_ in ('call', 'put'):
                    opt = option(type_, F * m, days)
                    rows.append(['bates', name, *p, type_, F, F * m, days, days / 365.0, npv(opt, primary), ''])
    for name, p in MERTON_SETS.items():
        sigma, lam, mu_j, sigma_j = p
        approx = ql.BatesEngine(bates_model(sigma * sigma, 1.0, sigma * sigma, 1e-4, 0.0, lam, mu_j, sigma_j),
                                1e-13, 10_000_000)
        for days in DAYS:
            for m in MONEYNESS:
                for type_ in ('call', 'put'):
                    t = days / 365.0
                    rows.append(['merton', name, *p, type_, F, F * m, days, t,
                                 repr(merton_series(type_, F * m, t, *p)), npv(option(type_, F * m, days), approx)])
    for name, p in VG_SETS.items():
        sigma, nu, theta = p
        engine = ql.VarianceGammaEngine(ql.VarianceGammaProcess(SPOT, FLAT, FLAT, sigma, nu, theta))
        for days in DAYS:
            for m in MONEYNESS:
                for type_ in ('call', 'put'):
                    t = days / 365.0
                    rows.append(['vg', name, *p, type_, F, F * m, days, t,
                                 repr(variance_gamma_quadrature(type_, F * m, t, *p)),
                                 npv(option(type_, F * m, days), engine)])
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'cf_models_quantlib.csv')
    with open(path, 'w', newline='') as out:
        writer = csv.writer(out, lineterminator='\n')
        writer.writerow(['model', 'set', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'type', 'forward', 'strike',
                         'days', 'time_years', 'reference', 'quantlib_second'])
        for r in rows:
            params = [repr(float(x)) for x in r[2:-7]]
            params += [''] * (8 - len(params))
            writer.writerow([r[0], r[1], *params, r[-7], repr(r[-6]), repr(r[-5]), r[-4], repr(r[-3]), r[-2], r[-1]])
    print(f'wrote {len(rows)} rows to {path}')


if __name__ == '__main__':
    main()
