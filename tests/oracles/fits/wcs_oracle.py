#!/usr/bin/python3
"""astropy.wcs oracle. stdin JSON {"file": path, "pixels": [[x, y], ...], "world": [[ra, dec], ...]}
(0-based pixels, degrees). stdout JSON {"world": [[ra, dec]...], "pixels": [[x, y]...], "pixel_area_deg2": a,
"scale_angle": [[scale_arcsec, angle_deg] ...] for each world point (regions' pixel_scale_angle_at_skycoord)}."""
import json
import math
import sys
import warnings

import numpy as np
from astropy.io import fits
from astropy.wcs import WCS
from astropy.wcs.utils import proj_plane_pixel_area
from astropy.coordinates import SkyCoord
import astropy.units as u
from regions.core.pixcoord import PixCoord  # noqa: F401  (ensures regions is importable)
from regions._utils.wcs_helpers import pixel_scale_angle_at_skycoord

warnings.simplefilter("ignore")
req = json.load(sys.stdin)
with fits.open(req["file"]) as f:
    hdu = next(h for h in f if h.data is not None)
    w = WCS(hdu.header).celestial


def nn(v):
    return None if not math.isfinite(v) else float(v)


out = {"pixel_area_deg2": float(proj_plane_pixel_area(w))}
if req.get("pixels"):
    p = np.array(req["pixels"], dtype=float)
    world = w.wcs_pix2world(p, 0)
    out["world"] = [[nn(a), nn(b)] for a, b in world]
if req.get("world"):
    s = np.array(req["world"], dtype=float)
    pix = w.wcs_world2pix(s, 0)
    out["pixels"] = [[nn(a), nn(b)] for a, b in pix]
    frame = "icrs" if w.wcs.radesys == "ICRS" else "fk5"
    sa = []
    for ra, dec in req["world"]:
        c = SkyCoord(ra * u.deg, dec * u.deg, frame=frame)
        _, scale, angle = pixel_scale_angle_at_skycoord(c, w)
        sa.append([float(scale.to(u.arcsec / u.pix).value), float(angle.to(u.deg).value)])
    out["scale_angle"] = sa
print(json.dumps(out))
