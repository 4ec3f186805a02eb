#!/usr/bin/python3
"""reproject oracle: B regridded onto A with reproject_interp(order='bilinear'), plus numpy statistics of
D = B' - A. B is converted to float64 first so that only the algorithms are compared, not float32 rounding.

usage: reproject_oracle.py A.fits B.fits WITHIN_PERCENT THRESHOLD
stdout JSON {"regridded": flat (C order, NaN -> null), "n", "mean", "rms", "maxabs", "n_pct", "frac_within"}
"""
import json
import math
import sys
import warnings

import numpy as np
from astropy.io import fits
from astropy.wcs import WCS
from reproject import reproject_interp

warnings.simplefilter("ignore")
a_path, b_path, within, thr = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])


def load(p):
    with fits.open(p) as f:
        h = next(x for x in f if x.data is not None)
        d = np.asarray(h.data, dtype=np.float64)
        while d.ndim > 2:
            d = d[0]
        return d, WCS(h.header).celestial


A, wa = load(a_path)
B, wb = load(b_path)
Bp, _ = reproject_interp((B, wb), wa, shape_out=A.shape, order="bilinear")
D = Bp - A
ok = np.isfinite(D)
d = D[ok]
pct_mask = ok & (np.abs(A) > thr)
pct = 100 * D[pct_mask] / A[pct_mask]
print(json.dumps({
    "regridded": [None if not math.isfinite(v) else float(v) for v in Bp.ravel()],
    "n": int(d.size), "mean": float(d.mean()), "rms": float(np.sqrt(np.mean(d * d))), "maxabs": float(np.abs(d).max()),
    "n_pct": int(pct.size), "frac_within": float(np.mean(np.abs(pct) <= within)) if pct.size else None,
}))
