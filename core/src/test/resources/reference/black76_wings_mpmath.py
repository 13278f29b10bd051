#!/usr/bin/env python3
"""50-digit Black-76 prices of far out-of-the-money options, for Black76Test's wing checks.

Direct double-precision evaluation of F N(d1) - K N(d2) loses these prices to cancellation; mpmath at 50 digits
does not. Run with any Python that has mpmath (e.g. `python3 black76_wings_mpmath.py`); it prints Java literals.
"""
import mpmath as mp

mp.mp.dps = 50

# type, forward, strike, time in years, volatility: the exact doubles the Java test passes (7.0 / 365 etc.)
CASES = [
    ("CALL", 60000.0, 90000.0, 7.0 / 365, 0.25),
    ("PUT", 60000.0, 20000.0, 30.0 / 365, 0.40),
    ("CALL", 60000.0, 61000.0, 1.0 / 8760, 0.05),
    ("PUT", 2500.0, 1000.0, 0.25, 0.30),
]

for kind, f, k, t, v in CASES:
    f, k, t, v = mp.mpf(f), mp.mpf(k), mp.mpf(t), mp.mpf(v)
    s = v * mp.sqrt(t)
    d1 = mp.log(f / k) / s + s / 2
    d2 = d1 - s
    price = f * mp.ncdf(d1) - k * mp.ncdf(d2) if kind == "CALL" else k * mp.ncdf(-d2) - f * mp.ncdf(-d1)
    print(f"{{{kind}, {mp.nstr(f, 10)}, {mp.nstr(k, 10)}, {mp.nstr(t, 17)}, {mp.nstr(v, 5)}, {mp.nstr(price, 20)}}},")
