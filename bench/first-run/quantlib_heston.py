#!/usr/bin/env python3
"""QuantLib's time for the Heston calibration of heston-three-fits.margo, on the same quotes, for bench/first-run.

    /usr/bin/python3 bench/first-run/quantlib_heston.py QUOTES.json [REPEATS]

QUOTES.json is the quotes table that `margo run heston-three-fits.margo --format json` shows last: one object per
option with type, strike, forward, time_to_expiry (years, ACT/365), mid_iv, bid_iv and ask_iv. Prints one JSON
object: the wall time of each calibration in seconds, the parameters (v0, kappa, theta, xi, rho, Margo's order),
and the RMSE of model minus mid implied vol in vol points, so that the reader can see both solved the same problem.

The problem is Margo's, written QuantLib's way (QuantLib 1.29, Debian's python3-quantlib):
  - each quote is a ql.HestonModelHelper of strike K / F on a spot of 1 with zero rates: Heston prices are
    homogeneous (C(F, K) = F C(1, K / F)), so this is the option on its forward F, undiscounted as in Margo, with
    the same implied vol, while QuantLib's engine takes one spot for all; maturity round(365 T) days (the sample's
    expiries are whole days from the valuation time), volatility the mid IV, and
    error type ImpliedVolError (model IV minus market IV, as Margo's `target implied_vol`); QuantLib prices the
    out-of-the-money option of each strike, which has the same implied vol;
  - weights: Margo weighs a residual by w = 1 / max(ask_iv - bid_iv, 0.5%); QuantLib's calibrate multiplies each
    residual by the square root of its weight (CalibratedModel::CalibrationFunction), so it is given w^2;
  - ql.AnalyticHestonEngine (Heston 1993 integrals, Gauss-Laguerre of order 144, QuantLib's default), Levenberg-
    Marquardt with QuantLib's defaults, at most 200 iterations, one start from Margo's (v0 0.5, kappa 3,
    theta 0.5, xi 1.5, rho -0.2); QuantLib's own Heston constraint (positive parameters, |rho| < 1) in place of
    Margo's boxes, which the fit does not reach.
"""
import json
import math
import statistics
import sys
import time

import QuantLib as ql

START = {'v0': 0.5, 'kappa': 3.0, 'theta': 0.5, 'xi': 1.5, 'rho': -0.2}
MAX_ITERATIONS = 200
TODAY = ql.Date(1, 3, 2024)


def calibrate(quotes):
    """Builds the model and helpers and calibrates; returns (seconds, parameters, rmse in vol points)."""
    began = time.perf_counter()
    ql.Settings.instance().evaluationDate = TODAY
    day_count = ql.Actual365Fixed()
    flat = ql.YieldTermStructureHandle(ql.FlatForward(TODAY, 0.0, day_count))
    process = ql.HestonProcess(flat, flat, ql.QuoteHandle(ql.SimpleQuote(1.0)), START['v0'], START['kappa'],
                               START['theta'], START['xi'], START['rho'])
    model = ql.HestonModel(process)
    engine = ql.AnalyticHestonEngine(model)
    helpers, weights = [], []
    for quote in quotes:
        days = round(quote['time_to_expiry'] * 365)
        helper = ql.HestonModelHelper(ql.Period(days, ql.Days), ql.NullCalendar(), 1.0, quote['strike'] / quote['forward'],
                                      ql.QuoteHandle(ql.SimpleQuote(quote['mid_iv'])), flat, flat,
                                      ql.BlackCalibrationHelper.ImpliedVolError)
        helper.setPricingEngine(engine)
        helpers.append(helper)
        weights.append(1.0 / max(quote['ask_iv'] - quote['bid_iv'], 0.005) ** 2)
    model.calibrate(helpers, ql.LevenbergMarquardt(), ql.EndCriteria(MAX_ITERATIONS, 50, 1e-8, 1e-8, 1e-8),
                    ql.NoConstraint(), weights)
    seconds = time.perf_counter() - began
    theta, kappa, xi, rho, v0 = model.params()
    errors = [helper.calibrationError() for helper in helpers]
    rmse = 100 * math.sqrt(sum(e * e for e in errors) / len(errors))
    return seconds, {'v0': v0, 'kappa': kappa, 'theta': theta, 'xi': xi, 'rho': rho}, rmse


def main(quotes_path, repeats):
    with open(quotes_path, encoding='utf-8') as f:
        quotes = json.load(f)
    runs = [calibrate(quotes) for _ in range(repeats)]
    seconds = [run[0] for run in runs]
    print(json.dumps({'quantlib': ql.__version__, 'quotes': len(quotes), 'seconds': seconds,
                      'median_seconds': statistics.median(seconds), 'parameters': runs[0][1],
                      'rmse_vol_points': runs[0][2]}))


if __name__ == '__main__':
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) == 3 else 5)
