#!/usr/bin/env python3
"""Where an unweighted Heston fit goes on the repository's chains, by QuantLib: the evidence for the default bounds
of `model m = heston` (dsl/.../registry/Registry.java), written to heston_bounds_quantlib.json beside this script.

    /usr/bin/python3 dsl/src/test/resources/reference/heston_bounds_quantlib.py [CHAIN ...]

(with chain names, only those are fitted again and the JSON keeps the other chains as they were: QuantLib takes a
quarter of an hour on the SPY chain here).

For each chain below the script has Margo select the quotes (./margo run on a recipe of the chain's `data`
statement, --format json) so that both fits see the same quotes, then fits Heston to their mid implied
volatilities:
  - residuals: model IV minus mid IV, one per quote, every weight 1 (unweighted);
  - prices: QuantLib 1.29 (Debian's python3-quantlib) AnalyticHestonEngine with adaptive Gauss-Lobatto at 1e-8
    (at most 1e7 evaluations), each option on a spot of 1 at strike K / F with zero rates (Heston prices are
    homogeneous in F, and undiscounted as in Margo), expiring T * 365 days after the valuation date on QuantLib's
    high-resolution dates, so that the fractional days of the SPY chain (16:00 New York close, quotes at 09:24)
    are kept; the model IV by ql.blackFormulaImpliedStdDev / sqrt(T);
  - optimiser: SciPy's MINPACK Levenberg-Marquardt (least_squares method 'lm') on unbounded variables, the positive
    parameters as logarithms and rho as atanh, so nothing but the model's own domain limits the fit; from the
    chain's starts (the first is the default start of `model m = heston`), the best kept. QuantLib's own calibrate
    takes maturities as whole periods, which would round the SPY expiries.
The JSON records, per chain, the data statement, the number of quotes, the best parameters (Margo's order v0, kappa,
theta, xi, rho), the RMSE in vol points and every start's end. HestonBoundsEvidenceTest fits the same quotes with
Margo inside bounds wide enough not to bind and checks it finds the same optimum, then checks that the default
bounds hold every chain's optimum with room to spare.
"""
import json
import math
import os
import subprocess
import sys
import tempfile
import datetime as dt

import numpy as np
import QuantLib as ql
from scipy.optimize import least_squares

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..', '..', '..'))
OUTPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'heston_bounds_quantlib.json')

# The data statements, with paths relative to examples/ (the test runs them from there).
CHAINS = [
    {
        'name': 'spy-cboe-20250903',
        # One start: QuantLib's integration of 1,876 quotes takes seconds an evaluation here.
        'starts': [(0.5, 3.0, 0.5, 1.5, -0.2)],
        'what': 'real: Cboe delayed quotes of SPY, 2025-09-03 09:24 New York; one day to one year, out of the money,'
                ' two-sided, spread within 25% of mid, |ln(K/F)| <= 0.15',
        'data': 'data spy = options("data/spy-cboe-quotedata-20250903.csv") {\n'
                '  keep bid > 0 and ask > 0\n'
                '  keep expiry >= 1d and expiry <= 1y\n'
                '  keep abs(log_moneyness) <= 0.15\n'
                '  keep (type == "put" and strike <= forward) or (type == "call" and strike > forward)\n'
                '  keep (ask - bid) / mid <= 25%\n'
                '}\n',
    },
    {
        'name': 'deribit-btc-sample',
        'starts': [(0.5, 3.0, 0.5, 1.5, -0.2), (0.1, 10.0, 0.1, 3.0, -0.5), (0.3, 40.0, 0.3, 10.0, 0.0)],
        'what': 'synthetic: the SSVI-generated BTC sample in Deribit\'s layout (one week to six months), two-sided,'
                ' |ln(K/F)| <= 0.3',
        'data': 'data chain = options("data/deribit-btc-sample.csv") {\n'
                '  keep bid_iv > 0 and ask_iv > 0 and abs(log_moneyness) <= 0.3\n'
                '}\n',
    },
]
REFERENCE = dt.datetime(2024, 3, 1)


def margo_quotes(data):
    """The chain's quotes as Margo selects them: type, strike, forward, time_to_expiry (years), mid_iv."""
    recipe = data + 'show {} {{ columns [type, strike, forward, time_to_expiry, mid_iv]  rows 100000 }}\n'.format(
        data.split()[1])
    with tempfile.NamedTemporaryFile('w', suffix='.margo', dir=os.path.join(ROOT, 'examples'), delete=False) as f:
        f.write(recipe)
    try:
        out = subprocess.run([os.path.join(ROOT, 'margo'), 'run', f.name, '--format', 'json'], check=True,
                             capture_output=True, text=True).stdout
    finally:
        os.unlink(f.name)
    return json.loads(out)['outputs'][-1]['value']


def ql_date(moment):
    return ql.Date(moment.day, moment.month, moment.year, moment.hour, moment.minute, moment.second,
                   moment.microsecond // 1000, moment.microsecond % 1000)


class QuantLibHeston:
    def __init__(self, quotes):
        today = ql_date(REFERENCE)
        ql.Settings.instance().evaluationDate = today
        flat = ql.YieldTermStructureHandle(ql.FlatForward(today, 0.0, ql.Actual365Fixed()))
        self.process = ql.HestonProcess(flat, flat, ql.QuoteHandle(ql.SimpleQuote(1.0)), 0.04, 1.0, 0.04, 0.5, 0.0)
        self.model = ql.HestonModel(self.process)
        engine = ql.AnalyticHestonEngine(self.model, 1e-8, 10_000_000)
        self.options = []
        self.quotes = quotes
        for q in quotes:
            expiry = ql_date(REFERENCE + dt.timedelta(days=q['time_to_expiry'] * 365))
            kind = ql.Option.Call if q['type'] == 'call' else ql.Option.Put
            option = ql.VanillaOption(ql.PlainVanillaPayoff(kind, q['strike'] / q['forward']),
                                      ql.EuropeanExercise(expiry))
            option.setPricingEngine(engine)
            self.options.append((option, kind, q['strike'] / q['forward'],
                                 flat.timeFromReference(expiry), q['mid_iv']))

    def residuals(self, x):
        v0, kappa, theta, xi = np.exp(x[:4])
        rho = math.tanh(x[4])
        self.model.setParams(ql.Array([theta, kappa, xi, rho, v0]))
        out = np.empty(len(self.options))
        for i, (option, kind, strike, t, market) in enumerate(self.options):
            try:
                price = option.NPV()
                std = ql.blackFormulaImpliedStdDev(kind, strike, 1.0, price, 1.0, 0.0, market * math.sqrt(t),
                                                   1e-12, 200)
                out[i] = std / math.sqrt(t) - market
            except RuntimeError:
                # No price (the integration does not converge at a trial point far out) or no implied vol (a price
                # below intrinsic in the far wing): a residual of 100 vol points, a miss the optimiser steps away from.
                out[i] = 1.0
        return out


def fit(quotes, starts):
    heston = QuantLibHeston(quotes)
    ends = []
    for start in starts:
        x0 = np.array([math.log(start[0]), math.log(start[1]), math.log(start[2]), math.log(start[3]),
                       math.atanh(start[4])])
        result = least_squares(heston.residuals, x0, method='lm', xtol=1e-12, ftol=1e-12, gtol=1e-12,
                               max_nfev=20000)
        v0, kappa, theta, xi = np.exp(result.x[:4])
        rho = math.tanh(result.x[4])
        rmse = 100 * math.sqrt(np.mean(result.fun ** 2))
        ends.append({'start': list(start), 'parameters': [v0, kappa, theta, xi, rho], 'rmse_vol_points': rmse,
                     'evaluations': result.nfev, 'status': result.message})
    best = min(ends, key=lambda e: e['rmse_vol_points'])
    return best, ends


def main(names):
    kept = {}
    if names and os.path.exists(OUTPUT):
        with open(OUTPUT, encoding='utf-8') as f:
            kept = {chain['name']: chain for chain in json.load(f)['chains']}
    chains = []
    for chain in CHAINS:
        if names and chain['name'] not in names:
            if chain['name'] in kept:
                chains.append(kept[chain['name']])
            continue
        quotes = margo_quotes(chain['data'])
        best, ends = fit(quotes, chain['starts'])
        chains.append({'name': chain['name'], 'what': chain['what'], 'data': chain['data'], 'quotes': len(quotes),
                       'parameters': best['parameters'], 'rmse_vol_points': best['rmse_vol_points'],
                       'starts': ends})
        print(chain['name'], len(quotes), best, file=sys.stderr)
    with open(OUTPUT, 'w', encoding='utf-8') as f:
        json.dump({'quantlib': ql.__version__, 'parameter_order': ['v0', 'kappa', 'theta', 'xi', 'rho'],
                   'chains': chains}, f, indent=2)
        f.write('\n')


if __name__ == '__main__':
    main(sys.argv[1:])
