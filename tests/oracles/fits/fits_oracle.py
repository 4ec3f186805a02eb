#!/usr/bin/python3
"""astropy oracle for the FITS reader/writer tests.

  dump FILE HDU       -> JSON {shape, bitpix, data: flat physical values (C order, NaN -> null), header: {k: v}}
  stats FILE          -> JSON numpy statistics of the first image plane (finite pixels only)
  verify FILE         -> opens with astropy, verifies strictly, prints JSON {ok, header, data}
"""
import json
import math
import sys
import warnings

import numpy as np
from astropy.io import fits

warnings.simplefilter("ignore")


def clean(v):
    if isinstance(v, float) and not math.isfinite(v):
        return None if math.isnan(v) else ("inf" if v > 0 else "-inf")
    if isinstance(v, (bool, int, float, str)) or v is None:
        return v
    return str(v)


def header_dict(h):
    out = {}
    for k in h.keys():
        if k in ("COMMENT", "HISTORY", "") or k in out:
            continue
        out[k] = clean(h[k])
    return out


def flat(data):
    return [clean(float(v)) for v in np.asarray(data, dtype=np.float64).ravel()]


cmd, path = sys.argv[1], sys.argv[2]
if cmd == "dump":
    with fits.open(path) as f:
        hdu = f[int(sys.argv[3])]
        hd = header_dict(hdu.header)
        bitpix = hdu.header["BITPIX"]
        data = hdu.data
        print(json.dumps({"shape": list(data.shape) if data is not None else [], "bitpix": bitpix,
                          "data": flat(data) if data is not None else [], "header": hd}))
elif cmd == "stats":
    with fits.open(path) as f:
        hdu = next(h for h in f if h.data is not None)
        d = np.asarray(hdu.data, dtype=np.float64)
        while d.ndim > 2:
            d = d[0]
        fin = d[np.isfinite(d)]
        iy, ix = np.unravel_index(np.nanargmax(np.where(np.isfinite(d), d, np.nan)), d.shape)
        print(json.dumps({"count": int(fin.size), "mean": float(fin.mean()), "std": float(fin.std()),
                          "rms": float(np.sqrt(np.mean(fin * fin))), "min": float(fin.min()), "max": float(fin.max()),
                          "sum": float(fin.sum()), "max_x": int(ix), "max_y": int(iy)}))
elif cmd == "verify":
    with fits.open(path) as f:
        f.verify("exception")
        hdu = f[0]
        print(json.dumps({"ok": True, "header": header_dict(hdu.header), "shape": list(hdu.data.shape),
                          "data": flat(hdu.data)}))
else:
    raise SystemExit("unknown command " + cmd)
