#!/usr/bin/env python3
"""Reference values for Margo's backtests (margo.core.risk: KupiecTest, ChristoffersenTest, TrafficLight).

Computed independently of Margo with scipy (Debian's python3-scipy): Kupiec's proportion-of-failures LR and its
chi-squared(1) p-value, Christoffersen's Markov independence LR (chi-squared(1)) and conditional coverage
LR_pof + LR_ind (chi-squared(2)), and the Basel traffic light from the binomial CDF (green < 0.95 <= yellow < 0.9999
<= red). Writes backtests_scipy.csv beside this script; BacktestReferenceTest reads it.

Run: python3 backtests_scipy.py
"""
import csv
import os

import numpy as np
from scipy.special import xlogy
from scipy.stats import binom, chi2


def loglik(n, x, p):
    return xlogy(n - x, 1 - p) + xlogy(x, p)


def kupiec(T, x, p):
    lr = max(-2 * (loglik(T, x, p) - loglik(T, x, x / T)), 0.0)
    return lr, chi2.sf(lr, 1)


def christoffersen(seq, p):
    n = np.zeros((2, 2), dtype=int)
    for a, b in zip(seq[:-1], seq[1:]):
        n[a, b] += 1
    n0, n1 = n[0].sum(), n[1].sum()
    pi01 = n[0, 1] / n0 if n0 else 0.0
    pi11 = n[1, 1] / n1 if n1 else 0.0
    pi = (n[0, 1] + n[1, 1]) / (len(seq) - 1)
    restricted = loglik(len(seq) - 1, n[0, 1] + n[1, 1], pi)
    unrestricted = loglik(n0, n[0, 1], pi01) + loglik(n1, n[1, 1], pi11)
    ind = max(-2 * (restricted - unrestricted), 0.0)
    cc = kupiec(len(seq), int(sum(seq)), p)[0] + ind
    return n, ind, chi2.sf(ind, 1), cc, chi2.sf(cc, 2)


def traffic_light(T, x, confidence):
    cumulative = binom.cdf(x, T, 1 - confidence)
    type_one = 1.0 if x == 0 else binom.sf(x - 1, T, 1 - confidence)
    zone = "green" if cumulative < 0.95 else "yellow" if cumulative < 0.9999 else "red"
    return cumulative, type_one, zone


def cases():
    rng = np.random.default_rng(13)
    for T, confidence, rate in [(250, 0.99, 0.01), (250, 0.99, 0.03), (250, 0.99, 0.05), (500, 0.975, 0.025),
                                (1043, 0.95, 0.05), (1000, 0.99, 0.0), (2000, 0.999, 0.002), (100, 0.9, 0.1)]:
        yield f"bernoulli T={T} rate={rate}", confidence, (rng.random(T) < rate).astype(int).tolist()
    # Clusters: exceptions arrive in runs of three, so independence should reject.
    seq = [0] * 750
    for start in range(40, 750, 90):
        seq[start:start + 3] = [1, 1, 1]
    yield "clustered runs of three", 0.99, seq
    yield "exception on the last day only", 0.99, [0] * 249 + [1]
    yield "every day an exception", 0.95, [1] * 60


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "backtests_scipy.csv")
    with open(out, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["case", "confidence", "observations", "exceptions", "pof_lr", "pof_p", "n00", "n01", "n10", "n11",
                    "ind_lr", "ind_p", "cc_lr", "cc_p", "tl_cumulative", "tl_type_one", "zone", "sequence"])
        for name, confidence, seq in cases():
            T, x = len(seq), int(sum(seq))
            lr, p = kupiec(T, x, 1 - confidence)
            n, ind, ind_p, cc, cc_p = christoffersen(seq, 1 - confidence)
            cumulative, type_one, zone = traffic_light(T, x, confidence)
            w.writerow([name, confidence, T, x, repr(float(lr)), repr(float(p)), n[0, 0], n[0, 1], n[1, 0], n[1, 1], repr(float(ind)),
                        repr(float(ind_p)), repr(float(cc)), repr(float(cc_p)), repr(float(cumulative)), repr(float(type_one)), zone,
                        "".join(map(str, seq))])


if __name__ == "__main__":
    main()
