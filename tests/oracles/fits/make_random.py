#!/usr/bin/python3
"""Writes a random image with astropy for the windowed-read tests: rows longer than a small window, NaN and
infinite pixels, extra planes (only plane 0 is what statistics read).
usage: make_random.py OUT.fits BITPIX WIDTH HEIGHT PLANES SEED"""
import sys
import warnings

import numpy as np
from astropy.io import fits

warnings.simplefilter("ignore")
out, bitpix, w, h, planes, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
rng = np.random.default_rng(seed)
shape = (planes, h, w) if planes > 1 else (h, w)
if bitpix < 0:
    data = rng.normal(0.0, 1e-3, shape).astype(np.float32 if bitpix == -32 else np.float64)
    flat = data.reshape(-1)
    flat[rng.choice(flat.size, flat.size // 50, replace=False)] = np.nan
    flat[rng.choice(flat.size, 3, replace=False)] = np.inf
    hdu = fits.PrimaryHDU(data)
else:
    dtype = {16: np.int16, 32: np.int32}[bitpix]
    data = rng.integers(-30000, 30000, shape).astype(dtype)
    hdu = fits.PrimaryHDU(data)
    hdu.header["BSCALE"] = 0.5
    hdu.header["BZERO"] = 3.0
for k, v in (("CTYPE1", "RA---SIN"), ("CTYPE2", "DEC--SIN"), ("CRPIX1", w / 2), ("CRPIX2", h / 2), ("CRVAL1", 10.0),
             ("CRVAL2", 10.0), ("CDELT1", -1e-4), ("CDELT2", 1e-4)):
    hdu.header[k] = v
hdu.writeto(out, overwrite=True)
