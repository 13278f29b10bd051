#!/usr/bin/env python3
"""Independent Black-76 reference values from QuantLib for Margo's pricing tests.

Writes black76_quantlib.csv beside this script: undiscounted (discount = 1) Black-76 prices,
forward greeks and QuantLib's implied volatility across moneyness K/F 0.3..3, expiries 1 hour..3
years, volatilities 5%..300%, calls and puts. Margo's tests read the committed CSV; QuantLib is
only needed to regenerate it:

    /usr/bin/python3 core/src/test/resources/reference/black76_quantlib.py

Columns (numbers printed with repr, i.e. round-trip exact doubles):
  type            call or put
  forward         F, USD
  strike          K, USD
  time_years      T, years
  volatility      sigma, annualised decimal
  price           ql.blackFormula(type, K, F, sigma sqrt(T)), USD
  delta           BlackCalculator.deltaForward(), dPrice/dF
  gamma           BlackCalculator.gammaForward(), d2Price/dF2, 1/USD
  vega            BlackCalculator.vega(T), dPrice/dsigma per 1.00 of vol, USD
  theta           BlackCalculator.theta(F, T), dPrice/dt per year, USD (r = q = 0 so spot = forward)
  implied_vol     ql.blackFormulaImpliedStdDev(type, K, F, price, 1, 0, guess, 1e-14, 1000) / sqrt(T),
                  empty where QuantLib's solver throws
"""
import csv
import math
import os

import QuantLib as ql

FORWARDS = [60000.0, 2500.0]
MONEYNESS = [0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0, 1.05, 1.1, 1.25, 1.5, 2.0, 3.0]
EXPIRIES = [1.0 / 8760, 1.0 / 365, 7.0 / 365, 30.0 / 365, 0.25, 1.0, 3.0]
VOLATILITIES = [0.05, 0.2, 0.5, 0.8, 1.5, 3.0]
TYPES = [("call", ql.Option.Call), ("put", ql.Option.Put)]


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "black76_quantlib.csv")
    with open(out, "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["type", "forward", "strike", "time_years", "volatility", "price", "delta", "gamma",
                         "vega", "theta", "implied_vol"])
        for forward in FORWARDS:
            for moneyness in MONEYNESS:
                strike = forward * moneyness
                for t in EXPIRIES:
                    for sigma in VOLATILITIES:
                        std_dev = sigma * math.sqrt(t)
                        for label, ql_type in TYPES:
                            price = ql.blackFormula(ql_type, strike, forward, std_dev)
                            calc = ql.BlackCalculator(ql.PlainVanillaPayoff(ql_type, strike), forward, std_dev, 1.0)
                            try:
                                implied_std_dev = ql.blackFormulaImpliedStdDev(
                                    ql_type, strike, forward, price, 1.0, 0.0, std_dev * 1.1, 1e-14, 1000)
                                implied = repr(implied_std_dev / math.sqrt(t))
                            except RuntimeError:
                                implied = ""
                            writer.writerow([label, repr(forward), repr(strike), repr(t), repr(sigma), repr(price),
                                             repr(calc.deltaForward()), repr(calc.gammaForward()),
                                             repr(calc.vega(t)), repr(calc.theta(forward, t)), implied])


if __name__ == "__main__":
    main()
