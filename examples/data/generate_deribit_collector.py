#!/usr/bin/env python3
"""Generates deribit-collector-btc-eth.csv: BTC and ETH options in the layout of a third-party Deribit collector.

The data is NOT from Deribit. It copies the layout of snapshot files written by open-source Deribit collectors
(one row per option, BTC and ETH in one file), whose column names are not Deribit's own:

  timestamp                 milliseconds since 1970 at which the collector polled the option (a few hundred
                            ms apart across a snapshot)
  instrument_name           BTC-26SEP25-110000-C
  underlying                THE FORWARD the option is priced against, USD (Deribit's underlying_price)
  underlying_name           the future (BTC-26SEP25) or Deribit's synthetic forward (SYN.BTC-5SEP25) behind it
  option_type, strike, expiry_datetime ("2025-09-26 08:00:00+00:00", as pandas writes it), time_to_maturity (years)
  bid_price, ask_price, mark_price, mid_price   coin per option on one coin; empty bid = no bid
  futures_price, futures_instrument_name        the nearest dated future, which is NOT each expiry's forward
  implied_volatility        the mark IV as a DECIMAL (0.4213), rounded to 4 places; mark_price is priced at the
                            unrounded volatility, as Deribit computes its mark, so Black-76 at the rounded IV
                            differs from mark_price by the rounding
  delta, vega               Black-76 forward delta, vega in USD per vol point
  open_interest, volume, bid_ask_spread, currency (BTC or ETH), index_price

Market, at 2025-09-03T08:00:00Z:
  BTC index 111,000 USD, ETH index 4,350 USD; forwards F(T) = index * exp(b * T), b = 0.07 (BTC), 0.08 (ETH)
  expiries 5SEP25, 12SEP25, 26SEP25, 31OCT25, 26DEC25; dated futures on 26SEP25 and 26DEC25, the others priced
  off the synthetic forward
  smiles: SSVI as in generate_deribit_sample.py with, for BTC, rho = -0.05, eta = 1.0, gamma = 0.45 and
  atm(T) = 0.36 + 0.10 exp(-T / 0.1); for ETH rho = 0.05, eta = 1.3, gamma = 0.4, atm(T) = 0.62 + 0.12 exp(-T / 0.1)
  bid / ask around the mark as in generate_deribit_sample.py

Usage: /usr/bin/python3 generate_deribit_collector.py   (writes the CSV next to this script; deterministic;
standard library only; Black-76 from generate_deribit_sample.py).
"""
import csv
import math
import os
import random
import sys
from datetime import datetime, timezone

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_deribit_sample import black76, norm_cdf, quote  # noqa: E402

VALUATION = datetime(2025, 9, 3, 8, 0, tzinfo=timezone.utc)
EXPIRIES = [("5SEP25", datetime(2025, 9, 5, 8, tzinfo=timezone.utc), False),
            ("12SEP25", datetime(2025, 9, 12, 8, tzinfo=timezone.utc), False),
            ("26SEP25", datetime(2025, 9, 26, 8, tzinfo=timezone.utc), True),
            ("31OCT25", datetime(2025, 10, 31, 8, tzinfo=timezone.utc), False),
            ("26DEC25", datetime(2025, 12, 26, 8, tzinfo=timezone.utc), True)]
COINS = {
    # coin: index, basis, (rho, eta, gamma), atm(T) = a + b exp(-T / c), strike step, strikes either side
    "BTC": (111000.0, 0.07, (-0.05, 1.0, 0.45), (0.36, 0.10, 0.1), 2000, 9),
    "ETH": (4350.0, 0.08, (0.05, 1.3, 0.4), (0.62, 0.12, 0.1), 100, 9),
}
COLUMNS = ["timestamp", "instrument_name", "underlying", "underlying_name", "option_type", "strike",
           "expiry_datetime", "time_to_maturity", "bid_price", "ask_price", "mark_price", "mid_price", "futures_price",
           "futures_instrument_name", "implied_volatility", "delta", "vega", "open_interest", "volume",
           "bid_ask_spread", "currency", "index_price"]


def years(expiry):
    return (expiry - VALUATION).total_seconds() / (365 * 86400)


def ssvi_vol(k, t, smile, atm):
    rho, eta, gamma = smile
    a, b, c = atm
    theta = (a + b * math.exp(-t / c)) ** 2 * t
    phi = eta / (theta ** gamma * (1 + theta) ** (1 - gamma))
    w = theta / 2 * (1 + rho * phi * k + math.sqrt((phi * k + rho) ** 2 + 1 - rho ** 2))
    return math.sqrt(w / t)


def strikes(forward, step, count, t):
    """Strikes around the forward, wider apart for later expiries, as Deribit lists them."""
    width = step * (1 if t < 0.05 else 2 if t < 0.2 else 4)
    centre = round(forward / width) * width
    return [centre + i * width for i in range(-count, count + 1) if centre + i * width > 0]


def rows():
    rng = random.Random(20250903)
    start = int(VALUATION.timestamp() * 1000)
    out = []
    for coin, (index, basis, smile, atm, step, count) in COINS.items():
        nearest_future = next(name for name, _, future in EXPIRIES if future)
        nearest_price = round(index * math.exp(basis * years(dict((n, e) for n, e, _ in EXPIRIES)[nearest_future])), 2)
        for name, expiry, future in EXPIRIES:
            t = years(expiry)
            forward = round(index * math.exp(basis * t), 2)
            for strike in strikes(forward, step, count, t):
                for call in (True, False):
                    k = math.log(strike / forward)
                    vol = ssvi_vol(k, t, smile, atm)
                    mark = black76(call, forward, strike, t, vol) / forward
                    bid, ask = quote(mark)
                    s = vol * math.sqrt(t)
                    d1 = (math.log(forward / strike) + 0.5 * s * s) / s
                    delta = norm_cdf(d1) - (0 if call else 1)
                    vega = forward * math.exp(-0.5 * d1 * d1) / math.sqrt(2 * math.pi) * math.sqrt(t) / 100
                    oi = round(rng.uniform(5, 600) * math.exp(-8 * k * k) + rng.uniform(0, 20), 1)
                    volume = round(oi * rng.uniform(0, 0.2), 1)
                    out.append({
                        "timestamp": start + rng.randrange(0, 900),
                        "instrument_name": f"{coin}-{name}-{strike}-{'C' if call else 'P'}",
                        "underlying": forward,
                        "underlying_name": f"{coin}-{name}" if future else f"SYN.{coin}-{name}",
                        "option_type": "call" if call else "put", "strike": strike,
                        "expiry_datetime": expiry.strftime("%Y-%m-%d %H:%M:%S+00:00"),
                        "time_to_maturity": round(t, 6),
                        "bid_price": bid, "ask_price": ask, "mark_price": round(mark, 8),
                        "mid_price": None if bid is None else round((bid + ask) / 2, 5),
                        "futures_price": nearest_price, "futures_instrument_name": f"{coin}-{nearest_future}",
                        "implied_volatility": round(vol, 4), "delta": round(delta, 4), "vega": round(vega, 4),
                        "open_interest": oi, "volume": volume,
                        "bid_ask_spread": None if bid is None else round(ask - bid, 4),
                        "currency": coin, "index_price": index,
                    })
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "deribit-collector-btc-eth.csv"), "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows():
            writer.writerow({c: ("" if row[c] is None else row[c]) for c in COLUMNS})


if __name__ == "__main__":
    main()
