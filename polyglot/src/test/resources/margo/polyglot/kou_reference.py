#!/usr/bin/env python3
"""Reference prices of European options under Kou's (2002) double-exponential jump diffusion, for the test of
examples/custom-model.margo's Kou model written in JavaScript (KouModelReferenceTest).

Independent of Margo's COS pricer: the call is Lewis's (2001) single-integral formula,
    C = F - sqrt(F K) / pi * int_0^inf Re[exp(i u k) phi(u - i/2)] / (u^2 + 1/4) du,   k = ln(F / K),
integrated with scipy's adaptive quadrature (QUADPACK), with phi the characteristic function of
X = ln(F_T / F_0) at zero rates (S. G. Kou, "A jump-diffusion model for option pricing", Management Science
48(8), 2002, 1086-1101; the jump sizes Y are up with probability p, exponential with rate eta1, and down with
probability 1 - p, exponential with rate eta2):
    E[exp(i z Y)] = p eta1 / (eta1 - i z) + (1 - p) eta2 / (eta2 + i z),
    zeta = E[exp(Y)] - 1,  psi(z) = -sigma^2 z^2 / 2 + i z (-sigma^2 / 2 - lambda zeta) + lambda (E[exp(i z Y)] - 1),
    phi(z) = exp(T psi(z)).
Puts by parity P = C - F + K. Run: python3 kou_reference.py > kou-reference.csv
"""
import cmath
import math

from scipy.integrate import quad

FORWARD = 100.0
SIGMA, LAMBDA, P_UP, ETA1, ETA2 = 0.16, 1.0, 0.4, 10.0, 5.0


def phi(z, t):
    jump = P_UP * ETA1 / (ETA1 - 1j * z) + (1 - P_UP) * ETA2 / (ETA2 + 1j * z)
    zeta = P_UP * ETA1 / (ETA1 - 1) + (1 - P_UP) * ETA2 / (ETA2 + 1) - 1
    psi = -0.5 * SIGMA ** 2 * z ** 2 + 1j * z * (-0.5 * SIGMA ** 2 - LAMBDA * zeta) + LAMBDA * (jump - 1)
    return cmath.exp(t * psi)


def call(strike, t):
    k = math.log(FORWARD / strike)
    integrand = lambda u: (cmath.exp(1j * u * k) * phi(u - 0.5j, t)).real / (u * u + 0.25)
    integral, error = quad(integrand, 0, math.inf, epsabs=1e-14, epsrel=1e-13, limit=2000)
    return FORWARD - math.sqrt(FORWARD * strike) / math.pi * integral


print("time_years,strike,type,price")
for t in (0.1, 0.5, 1.0):
    for strike in (70.0, 80.0, 90.0, 100.0, 110.0, 120.0, 140.0):
        c = call(strike, t)
        if strike < FORWARD:
            print(f"{t},{strike},put,{c - FORWARD + strike:.12f}")
        else:
            print(f"{t},{strike},call,{c:.12f}")
