#!/usr/bin/env python3
"""Yardstick for OxyMap's model-fit speed: SciPy's curve_fit of the same projected model on the same profiles.

Reads the profiles that `oxymap bench --export-profiles FILE` wrote (per particle: sphere radius a, lamella
offset |z0| and thickness h, each pixel's rho, weight and bin, each bin's mean and SE) and fits, per particle,
Crank's sphere solution (eq. 6.18; erfc form 6.19 below D*t/a^2 = 0.05) depth-averaged over each pixel's chord
through the lamella, binned over the same pixels with the same weights, for log10(D*t/nm^2), C_surface and C_bulk
with bounds, weighted by the bins' SE (curve_fit, method 'trf'). Prints fits per second and the mean number of
model evaluations per fit, and writes them as JSON with --json.

    python3 bench/scipy_curve_fit.py PROFILES.json [--json OUT.json]
"""
import argparse
import json
import math
import sys
import time

import numpy as np
from scipy.optimize import curve_fit
from scipy.special import erfc

NODES = 41          # radial table, as OxyMap's ProjectedRadialProfile in the spine
GAUSS = 24          # Gauss-Legendre points along the chord
XG, WG = np.polynomial.legendre.leggauss(GAUSS)


def sphere_u(x, tau):
    """Normalised concentration at r/a = x (array) after D*t/a^2 = tau (Crank 6.18 / 6.19)."""
    x = np.clip(x, 1e-9, 1.0)
    if tau <= 0:
        return np.where(x >= 1.0, 1.0, 0.0)
    if tau < 0.05:
        s = np.zeros_like(x)
        st = 2.0 * math.sqrt(tau)
        for n in range(0, 50):
            term = erfc(((2 * n + 1) - x) / st) - erfc(((2 * n + 1) + x) / st)
            s += term
            if np.max(np.abs(term)) < 1e-12:
                break
        return s / x
    s = np.zeros_like(x)
    for n in range(1, 400):
        term = ((-1) ** n / n) * np.sin(n * math.pi * x) * math.exp(-n * n * math.pi ** 2 * tau)
        s += term
        if math.exp(-n * n * math.pi ** 2 * tau) < 1e-10:
            break
    return 1.0 + 2.0 / (math.pi * x) * s


def chord(rho, a, z0, h):
    half = np.sqrt(np.maximum(a * a - rho * rho, 0.0))
    lo = np.maximum(z0 - h / 2, -half)
    hi = np.minimum(z0 + h / 2, half)
    return lo, hi


def projected_table(a, z0, h, tau, c0, c1):
    zn = max(0.0, abs(z0) - h / 2)
    rv = math.sqrt(max(a * a - zn * zn, 1e-12))
    rho = np.linspace(0, rv * (1 - 1e-9), NODES)
    lo, hi = chord(rho, a, z0, h)
    mid = 0.5 * (lo + hi)
    half = 0.5 * (hi - lo)
    z = mid[:, None] + half[:, None] * XG[None, :]
    r = np.sqrt(rho[:, None] ** 2 + z ** 2) / a
    u = sphere_u(r.ravel(), tau).reshape(r.shape)
    mean_u = (u * WG[None, :]).sum(axis=1) / 2.0
    return rho, c1 + (c0 - c1) * mean_u


def make_model(p):
    a, z0, h = p["radius_nm"], abs(p["offset_nm"]), p["section_nm"]
    rho = np.asarray(p["rho_nm"])
    w = np.asarray(p["weight"])
    b = np.asarray(p["bin"])
    fit = np.asarray(p["fit"], dtype=bool)
    nb = len(fit)
    sw = np.bincount(b, weights=w, minlength=nb)
    calls = [0]

    def model(_x, log_dt, c0, c1):
        calls[0] += 1
        tau = 10.0 ** log_dt / (a * a)
        grid, table = projected_table(a, z0, h, tau, c0, c1)
        m = np.interp(rho, grid, table)
        pred = np.bincount(b, weights=w * m, minlength=nb) / np.where(sw > 0, sw, 1)
        return pred[fit]

    return model, np.asarray(p["mean"])[fit], np.asarray(p["se"])[fit], calls


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("profiles")
    ap.add_argument("--json")
    args = ap.parse_args()
    with open(args.profiles) as f:
        particles = json.load(f)
    fits = 0
    evaluations = 0
    start = time.perf_counter()
    for p in particles:
        model, y, se, calls = make_model(p)
        if len(y) <= 3:
            continue
        best = None
        for start_dt in (1.0, 2.0, 3.0, 4.0):
            try:
                popt, _ = curve_fit(model, np.zeros(len(y)), y, p0=[start_dt, min(1, max(y)), max(0, min(y))],
                                    sigma=se, absolute_sigma=True, bounds=([-2, 0, 0], [8, 1, 1]), method="trf")
            except RuntimeError:
                continue
            cost = float(np.sum(((model(None, *popt) - y) / se) ** 2))
            if best is None or cost < best:
                best = cost
        fits += 1
        evaluations += calls[0]
    elapsed = time.perf_counter() - start
    result = {"fits": fits, "seconds": elapsed, "fits_per_s": fits / elapsed,
              "evaluations_per_fit": evaluations / max(fits, 1), "scipy": __import__("scipy").__version__}
    print(f"scipy curve_fit: {fits} fits in {elapsed:.2f} s = {result['fits_per_s']:.2f} fits/s, "
          f"{result['evaluations_per_fit']:.1f} model evaluations per fit")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
