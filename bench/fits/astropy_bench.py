#!/usr/bin/python3
"""Fits bench, Python side: the same tasks with astropy (memory-mapped read), numpy and astropy-regions /
photutils. Polygon: PolygonSkyRegion -> to_pixel -> to_mask(mode='center') -> get_values (photutils has no
polygon aperture; regions' mask is what photutils users apply). Stats: numpy nan-aware reductions on the
memory-mapped array. usage: astropy_bench.py IMAGE POLYGON.json stats|polygon"""
import json
import sys
import time
import warnings

import numpy as np
import astropy.units as u
from astropy.coordinates import SkyCoord
from astropy.io import fits
from astropy.wcs import WCS
from regions import PolygonSkyRegion

warnings.simplefilter("ignore")
image, poly, what = sys.argv[1], sys.argv[2], sys.argv[3]
t0 = time.perf_counter()
with fits.open(image, memmap=True) as f:
    data = f[0].data[0, 0]
    if what == "stats":
        res = {"count": int(np.count_nonzero(np.isfinite(data))), "mean": float(np.nanmean(data, dtype=np.float64)),
               "std": float(np.nanstd(data, dtype=np.float64)), "min": float(np.nanmin(data)), "max": float(np.nanmax(data))}
    else:
        w = WCS(f[0].header).celestial
        v = np.array(json.load(open(poly))["vertices"])
        reg = PolygonSkyRegion(vertices=SkyCoord(v[:, 0] * u.deg, v[:, 1] * u.deg, frame="fk5"))
        mask = reg.to_pixel(w).to_mask(mode="center")
        vals = mask.get_values(data).astype(np.float64)
        vals = vals[np.isfinite(vals)]
        barea = np.pi * f[0].header["BMAJ"] * f[0].header["BMIN"] / (4 * np.log(2)) / (0.6 / 3600) ** 2
        res = {"pixels": int(vals.size), "sum": float(vals.sum()), "flux_jy": float(vals.sum() / barea), "peak": float(vals.max())}
secs = round(time.perf_counter() - t0, 3)
status = dict(line.split(":", 1) for line in open("/proc/self/status") if ":" in line)
res = {"tool": "astropy+regions", "task": what, "seconds": secs, **res,
       "rss_anon": status["RssAnon"].strip(), "rss_file": status["RssFile"].strip()}
print(json.dumps(res))
