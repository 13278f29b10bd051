#!/usr/bin/env python3
"""Generates deribit-btc-sample.csv: a synthetic BTC option chain in Deribit's book-summary layout.

The data is NOT from Deribit. It is priced from a stated model so that tests and examples can check what
Margo recovers (forwards, implied volatilities) against known inputs:

  valuation time   2024-03-01T08:00:00Z (creation_timestamp 1709280000000 ms)
  BTC index        61,000 USD
  forwards         F(T) = 61,000 * exp(0.12 * T), T in years ACT/365 to 08:00 UTC expiry (contango, as
                   BTC futures traded at a premium of roughly 10-15% a year in early 2024)
  expiries         8MAR24, 29MAR24, 26APR24, 28JUN24, 30AUG24 (real Deribit expiry dates)
  futures          8MAR24, 29MAR24 and 28JUN24 have dated futures (underlying_index BTC-8MAR24 ...);
                   26APR24 and 30AUG24 use Deribit's synthetic forward (SYN.BTC-26APR24 ...)
  smile            SSVI (Gatheral and Jacquier, "Arbitrage-free SVI volatility surfaces", 2014, eq. 4.1):
                   w(k) = theta/2 * (1 + rho*phi*k + sqrt((phi*k + rho)^2 + 1 - rho^2)),
                   k = ln(K/F), theta = atm(T)^2 * T, phi = eta / (theta^gamma * (1 + theta)^(1 - gamma)),
                   rho = 0.15 (call skew, as in the 2024 rally), eta = 1.2, gamma = 0.4,
                   atm(T) = 0.58 + 0.14 * exp(-T / 0.15) (short-dated vol above long-dated)
  mark             mark_iv = 100 * sqrt(w/T) rounded to 0.01 (Deribit writes percent); mark_price is the
                   undiscounted Black-76 price at that vol divided by F (BTC per option on 1 BTC)
  bid / ask        mark -/+ a half-spread of max(1 tick, 2% of mark) (prices >= 0.005, tick 0.0005) or
                   max(1 tick, 15% of mark) (prices < 0.005, tick 0.0001), rounded outward to the tick;
                   a bid that would be <= 0 is left empty (one-sided quote, as deep out-of-the-money
                   options on Deribit often have no bid)
  open interest    pseudo-random, fixed seed, larger near the money

Usage:  /usr/bin/python3 generate_deribit_sample.py [--json PATH EXPIRY]
  writes deribit-btc-sample.csv next to this script; with --json also writes the rows of one expiry
  (e.g. 8MAR24) as a Deribit JSON-RPC response of public/get_book_summary_by_currency.
Standard library only; deterministic.
"""
import csv
import json
import math
import os
import random
import sys
from datetime import datetime, timezone

VALUATION = datetime(2024, 3, 1, 8, 0, tzinfo=timezone.utc)
INDEX = 61000.0
BASIS = 0.12
RHO, ETA, GAMMA = 0.15, 1.2, 0.4
EXPIRIES = {
    # Deribit date: (date, underlying_index, strikes)
    "8MAR24": (datetime(2024, 3, 8, 8, tzinfo=timezone.utc), "BTC-8MAR24",
               [45000, 50000, 54000, 56000, 58000, 60000, 61000, 62000, 63000, 64000, 66000, 68000, 70000, 75000, 80000]),
    "29MAR24": (datetime(2024, 3, 29, 8, tzinfo=timezone.utc), "BTC-29MAR24",
                [40000, 45000, 50000, 55000, 58000, 60000, 62000, 64000, 66000, 70000, 75000, 80000, 90000]),
    "26APR24": (datetime(2024, 4, 26, 8, tzinfo=timezone.utc), "SYN.BTC-26APR24",
                [30000, 40000, 50000, 55000, 60000, 62000, 65000, 70000, 75000, 80000, 90000, 110000]),
    "28JUN24": (datetime(2024, 6, 28, 8, tzinfo=timezone.utc), "BTC-28JUN24",
                [25000, 35000, 45000, 50000, 55000, 60000, 65000, 70000, 80000, 90000, 100000, 120000, 150000]),
    "30AUG24": (datetime(2024, 8, 30, 8, tzinfo=timezone.utc), "SYN.BTC-30AUG24",
                [20000, 30000, 40000, 50000, 60000, 65000, 70000, 80000, 100000, 120000, 150000, 200000]),
}
COLUMNS = ["instrument_name", "base_currency", "quote_currency", "creation_timestamp", "underlying_index",
           "underlying_price", "estimated_delivery_price", "interest_rate", "bid_price", "ask_price",
           "mid_price", "mark_price", "mark_iv", "open_interest", "volume", "volume_usd"]


def years(expiry):
    return (expiry - VALUATION).total_seconds() / (365 * 86400)


def atm_vol(t):
    return 0.58 + 0.14 * math.exp(-t / 0.15)


def ssvi_vol(k, t):
    theta = atm_vol(t) ** 2 * t
    phi = ETA / (theta ** GAMMA * (1 + theta) ** (1 - GAMMA))
    w = theta / 2 * (1 + RHO * phi * k + math.sqrt((phi * k + RHO) ** 2 + 1 - RHO ** 2))
    return math.sqrt(w / t)


def norm_cdf(x):
    return 0.5 * (1 + math.erf(x / math.sqrt(2)))


def black76(call, f, k, t, vol):
    """Undiscounted Black (1976) price in USD."""
    s = vol * math.sqrt(t)
    d1 = (math.log(f / k) + 0.5 * s * s) / s
    d2 = d1 - s
    if call:
        return f * norm_cdf(d1) - k * norm_cdf(d2)
    return k * norm_cdf(-d2) - f * norm_cdf(-d1)


def tick(price):
    return 0.0005 if price >= 0.005 else 0.0001


def quote(mark):
    step = tick(mark)
    half = max(step, (0.02 if mark >= 0.005 else 0.15) * mark)
    bid = math.floor((mark - half) / step + 1e-9) * step
    ask = math.ceil((mark + half) / step - 1e-9) * step
    return (round(bid, 4) if mark >= 0.0010 and bid > 0 else None), round(ask, 4)


def rows():
    rng = random.Random(20240301)
    created = int(VALUATION.timestamp() * 1000)
    out = []
    for name, (expiry, index, strikes) in EXPIRIES.items():
        t = years(expiry)
        forward = round(INDEX * math.exp(BASIS * t), 2)
        for strike in strikes:
            for call in (True, False):
                k = math.log(strike / forward)
                mark_iv = round(100 * ssvi_vol(k, t), 2)
                mark = black76(call, forward, strike, t, mark_iv / 100) / forward
                bid, ask = quote(mark)
                oi = round(rng.uniform(5, 60) * math.exp(-8 * k * k) + rng.uniform(0, 5), 1)
                volume = round(oi * rng.uniform(0, 0.3), 1)
                out.append({
                    "instrument_name": f"BTC-{name}-{strike}-{'C' if call else 'P'}",
                    "base_currency": "BTC", "quote_currency": "BTC", "creation_timestamp": created,
                    "underlying_index": index, "underlying_price": forward,
                    "estimated_delivery_price": INDEX, "interest_rate": 0.0,
                    "bid_price": bid, "ask_price": ask,
                    "mid_price": None if bid is None else round((bid + ask) / 2, 5),
                    "mark_price": round(mark, 8), "mark_iv": mark_iv, "open_interest": oi,
                    "volume": volume, "volume_usd": round(volume * mark * forward, 2),
                })
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    data = rows()
    with open(os.path.join(here, "deribit-btc-sample.csv"), "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in data:
            writer.writerow({c: ("" if row[c] is None else row[c]) for c in COLUMNS})
    if len(sys.argv) == 4 and sys.argv[1] == "--json":
        subset = [r for r in data if f"-{sys.argv[3]}-" in r["instrument_name"]]
        with open(sys.argv[2], "w") as f:
            json.dump({"jsonrpc": "2.0", "result": subset, "usIn": 1709280000000000,
                       "usOut": 1709280000012345, "usDiff": 12345, "testnet": False}, f, indent=1)
            f.write("\n")
    elif len(sys.argv) != 1:
        sys.exit("usage: generate_deribit_sample.py [--json PATH EXPIRY]")


if __name__ == "__main__":
    main()
