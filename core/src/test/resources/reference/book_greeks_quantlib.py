#!/usr/bin/env python3
"""Independent Black-76 greeks from QuantLib for the options a book holds, for Margo's book-greeks tests.

Writes book_greeks_quantlib.csv beside this script: one row per option (call or put) on BTC, valued at
2024-03-01T08:00Z with Deribit expiries at 08:00 UTC (so T = days / 365 exactly, ACT/365), forwards and mark
volatilities in the range of the shipped sample chain. Margo's BookGreeksQuantLibTest rebuilds each option in a
market of its own and compares its greeks, linear (BTC_USDC) and inverse (BTC), with these. QuantLib is only
needed to regenerate the file:

    /usr/bin/python3 core/src/test/resources/reference/book_greeks_quantlib.py

Columns (numbers printed with repr, i.e. round-trip exact doubles):
  type            call or put
  expiry          the expiry date, 08:00 UTC
  time_years      T = days from 2024-03-01 / 365
  forward         F, USD
  strike          K, USD
  volatility      sigma, annualised decimal
  price           ql.blackFormula(type, K, F, sigma sqrt(T)), USD (undiscounted)
  delta           BlackCalculator.deltaForward(), dPrice/dF
  gamma           BlackCalculator.gammaForward(), d2Price/dF2, 1/USD
  vega            BlackCalculator.vega(T), dPrice/dsigma per 1.00 of vol, USD
  theta           BlackCalculator.theta(F, T), dPrice/dt per year, USD (r = q = 0)
  vanna           d deltaForward / d sigma per 1.00 of vol: QuantLib's deltaForward() at sigma +- h, central
                  difference, Richardson-extrapolated over h = 1e-3 and 5e-4
  volga           d vega / d sigma per 1.00 of vol, USD: the same difference of QuantLib's vega(T)
"""
import csv
import datetime
import math
import os

import QuantLib as ql

VALUATION = datetime.date(2024, 3, 1)
# Expiry, forward: the sample chain's curve (contango of about 9% a year from an index of 61,000).
EXPIRIES = [(datetime.date(2024, 3, 8), 61100.0), (datetime.date(2024, 3, 29), 61400.0),
            (datetime.date(2024, 6, 28), 62800.0), (datetime.date(2024, 12, 27), 65500.0)]
STRIKES = [40000.0, 50000.0, 58000.0, 61000.0, 65000.0, 75000.0, 90000.0]
VOLATILITIES = [0.45, 0.6, 0.95]
TYPES = [("call", ql.Option.Call), ("put", ql.Option.Put)]


def calculator(ql_type, strike, forward, sigma, t):
    return ql.BlackCalculator(ql.PlainVanillaPayoff(ql_type, strike), forward, sigma * math.sqrt(t), 1.0)


def sigma_derivative(value, sigma):
    def central(h):
        return (value(sigma + h) - value(sigma - h)) / (2 * h)
    h = 1e-3
    return (4 * central(h / 2) - central(h)) / 3


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "book_greeks_quantlib.csv")
    with open(out, "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["type", "expiry", "time_years", "forward", "strike", "volatility", "price", "delta",
                         "gamma", "vega", "theta", "vanna", "volga"])
        for expiry, forward in EXPIRIES:
            t = (expiry - VALUATION).days / 365.0
            for strike in STRIKES:
                for sigma in VOLATILITIES:
                    for label, ql_type in TYPES:
                        calc = calculator(ql_type, strike, forward, sigma, t)
                        vanna = sigma_derivative(
                            lambda s: calculator(ql_type, strike, forward, s, t).deltaForward(), sigma)
                        volga = sigma_derivative(lambda s: calculator(ql_type, strike, forward, s, t).vega(t), sigma)
                        writer.writerow([label, expiry.isoformat(), repr(t), repr(forward), repr(strike),
                                         repr(sigma), repr(ql.blackFormula(ql_type, strike, forward,
                                                                           sigma * math.sqrt(t))),
                                         repr(calc.deltaForward()), repr(calc.gammaForward()), repr(calc.vega(t)),
                                         repr(calc.theta(forward, t)), repr(vanna), repr(volga)])


if __name__ == "__main__":
    main()
