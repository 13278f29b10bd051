#!/usr/bin/env python3
"""Generates deribit-options-chain-tardis-synthetic.csv: a quarter of an hour of BTC option updates in the layout
of a Tardis.dev options_chain download (docs.tardis.dev, "Downloadable CSV files", options_chain), for replays.

The data is NOT from an exchange. The smile of each expiry is Gatheral's raw SVI in total variance,
w(k) = a + b (rho (k - m) + sqrt((k - m)^2 + sigma^2)), whose level drifts minute by minute, so a model such as
Heston fits it only approximately, as it fits a real chain:

  updates     2024-03-01 12:00:00 .. 12:15:59 UTC: every option's state at 12:00:00, as a Tardis file opens with
              the state of every instrument, then every option once a minute at its own second within the minute
              (timestamp and local_timestamp in microseconds since 1970, as Tardis writes them)
  index       S = 61000 USD * (1 + 0.0004 * sin(minute)) at minute 0 .. 15
  forward     underlying_price = S * exp(0.12 * T), T in years ACT/365 from the update to the 08:00 UTC expiry
  expiries    2024-03-08, 2024-03-29, 2024-04-26 (08:00 UTC)
  strikes     K = F0 * exp(z * 0.6 * sqrt(T0)), z = -2.0, -1.6, ..., 2.0, rounded to 1000 USD, F0 and T0 at
              12:00; a put and a call at each
  smile       a = (0.55^2 T) * 0.8 * (1 + 0.002 minute), b = 0.12 sqrt(T) / 0.3, rho = -0.2, m = 0.02,
              sigma = 0.25 sqrt(T); mid IV = sqrt(w(ln(K / F)) / T)
  quotes      bid_iv / ask_iv = mid -/+ 1 vol point and mark_iv = mid, in percent as Deribit sends them;
              bid_price, ask_price, mark_price the Black-76 prices at those vols in BTC (USD price / F)

Usage:  /usr/bin/python3 generate_tardis_stream.py   writes the file next to this script; deterministic, needs only
        Python's standard library.
"""
import calendar
import math
import os

START = calendar.timegm((2024, 3, 1, 12, 0, 0))
MINUTES = 16
EXPIRIES = [(2024, 3, 8, "8MAR24"), (2024, 3, 29, "29MAR24"), (2024, 4, 26, "26APR24")]
Z = [round(-2.0 + 0.4 * i, 1) for i in range(11)]
BASIS = 0.12
HALF_SPREAD = 0.01
YEAR = 365.0 * 86400.0
COLUMNS = ["exchange", "symbol", "timestamp", "local_timestamp", "type", "strike_price", "expiration",
           "open_interest", "last_price", "bid_price", "bid_amount", "bid_iv", "ask_price", "ask_amount", "ask_iv",
           "mark_price", "mark_iv", "underlying_index", "underlying_price", "delta", "gamma", "vega", "theta", "rho"]


def normal_cdf(x):
    return 0.5 * math.erfc(-x / math.sqrt(2.0))


def black(forward, strike, t, vol, is_call):
    """Undiscounted Black-76 price in USD."""
    s = vol * math.sqrt(t)
    d1 = math.log(forward / strike) / s + 0.5 * s
    d2 = d1 - s
    if is_call:
        return forward * normal_cdf(d1) - strike * normal_cdf(d2)
    return strike * normal_cdf(-d2) - forward * normal_cdf(-d1)


def volatility(k, t, minute):
    a = 0.55 * 0.55 * t * 0.8 * (1.0 + 0.002 * minute)
    b = 0.12 * math.sqrt(t) / 0.3
    rho, m, sigma = -0.2, 0.02, 0.25 * math.sqrt(t)
    w = a + b * (rho * (k - m) + math.sqrt((k - m) ** 2 + sigma * sigma))
    return math.sqrt(w / t)


def main():
    rows = []
    strikes = {}
    for (y, mo, d, code) in EXPIRIES:
        expiry = calendar.timegm((y, mo, d, 8, 0, 0))
        t0 = (expiry - START) / YEAR
        f0 = 61000.0 * math.exp(BASIS * t0)
        strikes[code] = sorted({round(f0 * math.exp(z * 0.6 * math.sqrt(t0)) / 1000.0) * 1000.0 for z in Z})
    for minute in range(MINUTES):
        index = 61000.0 * (1.0 + 0.0004 * math.sin(minute))
        option = 0
        for (y, mo, d, code) in EXPIRIES:
            expiry = calendar.timegm((y, mo, d, 8, 0, 0))
            for strike in strikes[code]:
                for is_call in (False, True):
                    # The file opens with every option's state at 12:00:00, as a Tardis file opens with the state
                    # of every instrument; after that each option updates at its own second of the minute.
                    second = 0 if minute == 0 else (7 * option) % 60
                    option += 1
                    now = START + 60 * minute + second
                    t = (expiry - now) / YEAR
                    forward = index * math.exp(BASIS * t)
                    mid = volatility(math.log(strike / forward), t, minute)
                    quote = [black(forward, strike, t, v, is_call) / forward
                             for v in (mid - HALF_SPREAD, mid + HALF_SPREAD, mid)]
                    micros = now * 1000000
                    rows.append((micros, [
                        "deribit", "BTC-%s-%d-%s" % (code, strike, "C" if is_call else "P"), str(micros),
                        str(micros + 41234), "call" if is_call else "put", "%d" % strike, str(expiry * 1000000),
                        "100.0", "", "%.8f" % quote[0], "10.0", "%.2f" % (100 * (mid - HALF_SPREAD)),
                        "%.8f" % quote[1], "10.0", "%.2f" % (100 * (mid + HALF_SPREAD)), "%.8f" % quote[2],
                        "%.2f" % (100 * mid), "BTC-" + code, "%.2f" % forward, "", "", "", "", ""]))
    rows.sort(key=lambda row: row[0])
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "deribit-options-chain-tardis-synthetic.csv")
    with open(path, "w") as out:
        out.write(",".join(COLUMNS) + "\n")
        for _, row in rows:
            out.write(",".join(row) + "\n")


if __name__ == "__main__":
    main()
