#!/usr/bin/env python3
"""Generates heston-series/: a week of daily BTC option chains priced from a known Heston parameter path.

The data is NOT from an exchange. Each snapshot is priced by QuantLib's AnalyticHestonEngine (an independent
implementation of Heston 1993, "A closed-form solution for options with stochastic volatility") so that a series
fit can be checked parameter by parameter against the path below:

  snapshots   2024-03-01 .. 2024-03-07, 08:00 UTC daily; the time is in each file's name only (no timestamp
              column), as a collector that names files by time writes them
  forward     F(T) = S * exp(0.12 * T), S the day's BTC index (below), T in years ACT/365 to 08:00 UTC expiry
  expiries    2024-03-08, 2024-03-29, 2024-04-26, 2024-06-28 (08:00 UTC); an expiry under 2 days away is left out
  strikes     K = F * exp(z * 0.6 * sqrt(T)), z = -2.4, -2.0, ..., 2.4, rounded to 100 USD; the out-of-the-money
              option of each (a put below the forward, a call at or above it)
  quotes      mid IV = the Black-76 implied vol of the Heston price (undiscounted, r = q = 0 on the forward);
              bid_iv / ask_iv = mid -/+ 0.5 vol point; bid / ask the Black-76 prices (USD) at those vols
  path        day  S       v0    kappa theta xi    rho   (PATH below)

Usage:  /usr/bin/python3 generate_heston_series.py   writes heston-series/*.csv next to this script, and the path
        itself to heston-series-path.csv (outside the folder, which holds only the snapshots).
Needs QuantLib's Python module (Debian: python3-quantlib); deterministic.
"""
import csv
import math
import os

import QuantLib as ql

# day of March 2024: (BTC index USD, v0, kappa, theta, xi, rho)
PATH = [
    (1, 61000.0, 0.36, 2.0, 0.42, 0.90, -0.10),
    (2, 62400.0, 0.40, 2.1, 0.43, 0.95, -0.13),
    (3, 61800.0, 0.45, 2.2, 0.44, 1.00, -0.17),
    (4, 63500.0, 0.42, 2.3, 0.45, 1.05, -0.20),
    (5, 66000.0, 0.50, 2.4, 0.46, 1.10, -0.24),
    (6, 65200.0, 0.47, 2.5, 0.47, 1.15, -0.27),
    (7, 67100.0, 0.44, 2.6, 0.48, 1.20, -0.30),
]
EXPIRIES = [(2024, 3, 8), (2024, 3, 29), (2024, 4, 26), (2024, 6, 28)]
BASIS = 0.12
Z = [round(-2.4 + 0.4 * i, 1) for i in range(13)]
HALF_SPREAD = 0.005


def black(forward, strike, t, vol, is_call):
    kind = ql.Option.Call if is_call else ql.Option.Put
    return ql.blackFormula(kind, strike, forward, vol * math.sqrt(t), 1.0)


def chain(day, index, v0, kappa, theta, xi, rho):
    today = ql.Date(day, 3, 2024)
    ql.Settings.instance().evaluationDate = today
    counter = ql.Actual365Fixed()
    flat = ql.YieldTermStructureHandle(ql.FlatForward(today, 0.0, counter))
    rows = []
    for (y, m, d) in EXPIRIES:
        expiry = ql.Date(d, m, y)
        t = counter.yearFraction(today, expiry)
        if t < 2.0 / 365.0:
            continue
        forward = index * math.exp(BASIS * t)
        process = ql.HestonProcess(flat, flat, ql.QuoteHandle(ql.SimpleQuote(forward)), v0, kappa, theta, xi, rho)
        engine = ql.AnalyticHestonEngine(ql.HestonModel(process), 1e-12, 100000)
        for z in Z:
            strike = round(forward * math.exp(z * 0.6 * math.sqrt(t)) / 100.0) * 100.0
            is_call = strike >= forward
            option = ql.VanillaOption(ql.PlainVanillaPayoff(ql.Option.Call if is_call else ql.Option.Put, strike),
                                      ql.EuropeanExercise(expiry))
            option.setPricingEngine(engine)
            price = option.NPV()
            std = ql.blackFormulaImpliedStdDev(ql.Option.Call if is_call else ql.Option.Put, strike, forward,
                                               price, 1.0, 0.0, 0.5 * math.sqrt(t), 1e-14, 1000)
            mid = std / math.sqrt(t)
            bid_iv, ask_iv = mid - HALF_SPREAD, mid + HALF_SPREAD
            rows.append({
                "instrument": "BTC-%d%s%02d-%d-%s" % (d, ["", "JAN", "FEB", "MAR", "APR", "MAY", "JUN"][m], y % 100,
                                                     int(strike), "C" if is_call else "P"),
                "underlying": "BTC",
                "expiry": "%04d-%02d-%02d" % (y, m, d),
                "strike": "%.0f" % strike,
                "type": "call" if is_call else "put",
                "bid": "%.4f" % black(forward, strike, t, bid_iv, is_call),
                "ask": "%.4f" % black(forward, strike, t, ask_iv, is_call),
                "bid_iv": "%.6f" % bid_iv,
                "ask_iv": "%.6f" % ask_iv,
                "forward": "%.4f" % forward,
            })
    return rows


def main():
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "heston-series")
    os.makedirs(folder, exist_ok=True)
    columns = ["instrument", "underlying", "expiry", "strike", "type", "bid", "ask", "bid_iv", "ask_iv", "forward"]
    for (day, index, v0, kappa, theta, xi, rho) in PATH:
        name = os.path.join(folder, "btc-heston-2024-03-%02dT08-00Z.csv" % day)
        with open(name, "w", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
            writer.writeheader()
            writer.writerows(chain(day, index, v0, kappa, theta, xi, rho))
    with open(os.path.join(os.path.dirname(folder), "heston-series-path.csv"), "w", newline="") as out:
        out.write("time,index,v0,kappa,theta,xi,rho\n")
        for (day, index, v0, kappa, theta, xi, rho) in PATH:
            out.write("2024-03-%02dT08:00:00Z,%.1f,%s,%s,%s,%s,%s\n" % (day, index, v0, kappa, theta, xi, rho))


if __name__ == "__main__":
    main()
