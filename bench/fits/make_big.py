#!/usr/bin/python3
"""Writes the bench image: 12500 x 12500 float32 (625 MB), 4-axis VLASS-like SIN header, Gaussian noise plus
sources, a NaN border as pbcor images have; streamed in row blocks with astropy's StreamingHDU so the
generator itself never holds the image. Also (always) writes polygon.json: a 12-vertex sky polygon ~5000 px across.

usage: make_big.py OUT.fits POLYGON.json [N]
"""
import json
import math
import sys

import numpy as np
from astropy.io import fits
from astropy.wcs import WCS

out, poly_out = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 12500
cell = 0.6 / 3600
h = fits.Header()
h["SIMPLE"] = True
h["BITPIX"] = -32
h["NAXIS"] = 4
h["NAXIS1"] = n
h["NAXIS2"] = n
h["NAXIS3"] = 1
h["NAXIS4"] = 1
h["BMAJ"] = 2.8 / 3600
h["BMIN"] = 2.2 / 3600
h["BPA"] = 35.0
h["BUNIT"] = "Jy/beam"
h["RADESYS"] = "FK5"
h["EQUINOX"] = 2000.0
for i, (ct, cv, cd, cp) in enumerate([("RA---SIN", 121.98975, -cell, n / 2 + 1), ("DEC--SIN", 4.542222, cell, n / 2 + 1),
                                       ("FREQ", 2.9877e9, 2e9, 1.0), ("STOKES", 1.0, 1.0, 1.0)], start=1):
    h[f"CTYPE{i}"] = ct
    h[f"CRVAL{i}"] = cv
    h[f"CDELT{i}"] = cd
    h[f"CRPIX{i}"] = cp
    h[f"CUNIT{i}"] = "deg" if i < 3 else ("Hz" if i == 3 else "")
import os

rng = np.random.default_rng(42)
write_image = not os.path.exists(out)
s = fits.StreamingHDU(out, h) if write_image else None
block = 250
xs = np.arange(n)
srcs = [(rng.uniform(0, n), rng.uniform(0, n), rng.uniform(1e-3, 2e-2)) for _ in range(300)]
sig = 2.5 / 0.6 / 2.3548
for y0 in range(0, n if write_image else 0, block):
    y = np.arange(y0, min(n, y0 + block))[:, None]
    d = rng.normal(0, 1.2e-4, size=(len(y), n)).astype(np.float32)
    for (sx, sy, f) in srcs:
        if abs(sy - y0 - block / 2) < block / 2 + 20:
            lo, hi = max(0, int(sx) - 20), min(n, int(sx) + 21)
            d[:, lo:hi] += (f * np.exp(-0.5 * (((xs[lo:hi][None, :] - sx) ** 2 + (y - sy) ** 2) / sig ** 2))).astype(np.float32)
    d[:, :50] = np.nan
    d[:, -50:] = np.nan
    if y0 < 50:
        d[: 50 - y0] = np.nan
    if y0 + block > n - 50:
        d[max(0, n - 50 - y0):] = np.nan
    s.write(d[None, None])
if s is not None:
    s.close()
w = WCS(h).celestial
c = n / 2
verts = [(c + 2500 * (1 + 0.15 * math.sin(3 * a)) * math.cos(a), c + 2500 * (1 + 0.15 * math.sin(3 * a)) * math.sin(a))
         for a in np.linspace(0, 2 * math.pi, 12, endpoint=False) + 0.1234]
# (The offset keeps vertices off exact pixel rows/columns: a vertex exactly on a row makes the centre test
# on that row depend on 1e-10 px WCS rounding, which differs between any two WCS implementations.)
sky = w.wcs_pix2world(np.array(verts), 0)
json.dump({"vertices": [[float(r), float(d)] for r, d in sky]}, open(poly_out, "w"))
