#!/usr/bin/env python3
"""Writes btc-atm-vol-synthetic.csv, a synthetic history of BTC at-the-money implied volatility, and
btc-atm-vol-synthetic-shocks.csv, the vol shocks a calibration must find on it, computed here on their own.

**Synthetic, not market data**: no implied-vol history could be downloaded offline. Python 3 standard library only;
`/usr/bin/python3 generate_btc_atm_vol_synthetic.py` rebuilds both files byte for byte.

The vol: 1,200 daily values ending 2026-06-30 (the last day of btc-usd-daily-close-yahoo.csv), in percent rounded to
0.01 as Deribit's DVOL prints them (a value that rounds to the day before's is raised by 0.01, so that none
looks like a stale print). Its log follows a mean-reverting walk towards ln 0.60,
x[t+1] = x[t] + 0.03 (ln 0.60 - x[t]) + 0.04 z[t] with z standard normal (random.Random(20260630).gauss), plus a
jump of +0.25 with probability 1% a day: vol spikes up, and decays, so the up tail of its changes is the fatter one.

The shocks, for each confidence c, horizon h days and lookback L days: the window is the last L + 1 vols, whose
overlapping h-day changes are ln(v[t+h] / v[t]) and v[t+h] - v[t] (decimals). Quantiles interpolate linearly at
position (n - 1) p (Hyndman and Fan definition 7, statistics.quantiles(method="inclusive")):
relative_up = exp(q_c(log changes)) - 1, relative_down = 1 - exp(q_(1-c)(log changes)),
absolute_up = max(0, q_c(changes)), absolute_down = max(0, -q_(1-c)(changes)).
"""
import datetime
import math
import random
import statistics

DAYS = 1200
LAST = datetime.date(2026, 6, 30)
CASES = [(0.99, 1, 365), (0.99, 2, 730), (0.975, 1, 365)]


def quantile(values, p):
    """Hyndman and Fan definition 7: linear between order statistics at position (n - 1) p."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * p
    below = math.floor(position)
    if below >= len(ordered) - 1:
        return ordered[-1]
    return ordered[below] + (position - below) * (ordered[below + 1] - ordered[below])


def vols():
    rng = random.Random(20260630)
    mean = math.log(0.60)
    x = mean
    out = []
    for _ in range(DAYS):
        value = round(100 * math.exp(x), 2)
        # A value equal to the day before is what a stale feed prints, and the loader warns of it: step off by 0.01.
        out.append(round(value + 0.01, 2) if out and value == out[-1] else value)
        x += 0.03 * (mean - x) + 0.04 * rng.gauss(0.0, 1.0) + (0.25 if rng.random() < 0.01 else 0.0)
    return out


def main():
    percent = vols()
    with open("btc-atm-vol-synthetic.csv", "w", newline="\n") as out:
        out.write("date,atm_vol\n")
        for i, value in enumerate(percent):
            day = LAST - datetime.timedelta(days=DAYS - 1 - i)
            out.write(f"{day.isoformat()},{value:.2f}\n")
    decimals = [value / 100 for value in percent]
    with open("btc-atm-vol-synthetic-shocks.csv", "w", newline="\n") as out:
        out.write("confidence,horizon_days,lookback_days,observations,relative_up,relative_down,absolute_up,"
                  "absolute_down\n")
        for confidence, horizon, lookback in CASES:
            window = decimals[-(lookback + 1):]
            logs = [math.log(window[t + horizon] / window[t]) for t in range(len(window) - horizon)]
            changes = [window[t + horizon] - window[t] for t in range(len(window) - horizon)]
            p = 1 - confidence
            if confidence == 0.99:  # the standard library's percentiles agree with the definition above
                cuts = statistics.quantiles(logs, n=100, method="inclusive")
                assert math.isclose(cuts[0], quantile(logs, p), abs_tol=1e-15)
                assert math.isclose(cuts[98], quantile(logs, confidence), abs_tol=1e-15)
            row = [math.expm1(quantile(logs, confidence)), -math.expm1(quantile(logs, p)),
                   max(0.0, quantile(changes, confidence)), max(0.0, -quantile(changes, p))]
            out.write(f"{confidence},{horizon},{lookback},{len(logs)}," + ",".join(repr(v) for v in row) + "\n")


if __name__ == "__main__":
    main()
