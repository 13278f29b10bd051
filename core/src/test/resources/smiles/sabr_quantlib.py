#!/usr/bin/env python3
"""Independent SABR reference values from QuantLib for Margo's smile tests.

Writes sabr_quantlib.csv beside this script: Hagan's lognormal SABR implied volatility from
ql.sabrVolatility(strike, forward, expiryTime, alpha, beta, nu, rho) (QuantLib's implementation of
Hagan et al. 2002, eq. 2.17a) over crypto-like and textbook parameters, strikes from deep puts to deep
calls, and the at-the-money point where z/x(z) is 0/0. Margo's tests read the committed CSV; QuantLib
is only needed to regenerate it:

    /usr/bin/python3 core/src/test/resources/smiles/sabr_quantlib.py

Columns (numbers printed with repr, i.e. round-trip exact doubles):
  forward, strike (same currency), time_years, alpha, beta, rho, nu, implied_vol (annualised decimal)
"""
import csv
import os

import QuantLib as ql

CASES = [
    # forward, time_years, alpha, beta, rho, nu
    (60000.0, 7.0 / 365, 0.8, 1.0, 0.1, 3.0),
    (60000.0, 0.25, 0.65, 1.0, -0.2, 1.5),
    (60000.0, 1.0, 0.7 * 60000.0 ** 0.5, 0.5, 0.3, 0.8),
    (0.05, 2.0, 0.04, 0.5, -0.3, 0.4),     # rates-style, like Hagan et al.'s examples
    (100.0, 5.0, 0.3, 0.0, 0.0, 0.2),      # beta = 0, normal-like backbone
    (2500.0, 30.0 / 365, 0.9, 0.7, -0.6, 2.5),
]
MONEYNESS = [0.3, 0.5, 0.7, 0.9, 0.97, 0.999, 1.0, 1.001, 1.03, 1.1, 1.3, 1.8, 3.0]


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sabr_quantlib.csv")
    with open(out, "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["forward", "strike", "time_years", "alpha", "beta", "rho", "nu", "implied_vol"])
        for forward, t, alpha, beta, rho, nu in CASES:
            for moneyness in MONEYNESS:
                strike = forward * moneyness
                vol = ql.sabrVolatility(strike, forward, t, alpha, beta, nu, rho)
                writer.writerow([repr(x) for x in (forward, strike, t, alpha, beta, rho, nu, vol)])


if __name__ == "__main__":
    main()
