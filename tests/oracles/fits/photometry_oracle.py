#!/usr/bin/python3
"""Aperture-sum oracle with astropy-regions masks (mode='center') and photutils aperture_photometry (method='center').

stdin JSON {"file": path, "regions": [
    {"shape": "polygon", "vertices": [[ra, dec], ...]},
    {"shape": "circle", "ra":, "dec":, "r_arcsec":},
    {"shape": "box", "ra":, "dec":, "w_arcsec":, "h_arcsec":, "angle_deg":}], "regionfile": optional path}
stdout JSON {"results": [{"sum": regions-mask nansum, "count": finite pixels, "peak": max,
                          "photutils_sum": aperture_photometry sum (circle/box; polygon via PolygonPixelRegion mask)}],
             "file_regions": [...]}  (file_regions: what regions.Regions.read makes of the region file)
"""
import json
import sys
import warnings

import numpy as np
import astropy.units as u
from astropy.coordinates import SkyCoord
from astropy.io import fits
from astropy.wcs import WCS
from photutils.aperture import SkyCircularAperture, SkyRectangularAperture, aperture_photometry
from regions import CircleSkyRegion, PolygonSkyRegion, RectangleSkyRegion, Regions

warnings.simplefilter("ignore")
req = json.load(sys.stdin)
with fits.open(req["file"]) as f:
    hdu = next(h for h in f if h.data is not None)
    data = np.asarray(hdu.data, dtype=np.float64)
    while data.ndim > 2:
        data = data[0]
    w = WCS(hdu.header).celestial
frame = "icrs" if w.wcs.radesys == "ICRS" else "fk5"


def sky_region(r):
    if r["shape"] == "polygon":
        v = np.array(r["vertices"])
        return PolygonSkyRegion(vertices=SkyCoord(v[:, 0] * u.deg, v[:, 1] * u.deg, frame=frame))
    c = SkyCoord(r["ra"] * u.deg, r["dec"] * u.deg, frame=frame)
    if r["shape"] == "circle":
        return CircleSkyRegion(c, r["r_arcsec"] * u.arcsec)
    return RectangleSkyRegion(c, r["w_arcsec"] * u.arcsec, r["h_arcsec"] * u.arcsec, angle=r["angle_deg"] * u.deg)


def measure(reg, r):
    mask = reg.to_pixel(w).to_mask(mode="center")
    vals = mask.get_values(data)
    vals = vals[np.isfinite(vals)]
    out = {"sum": float(vals.sum()), "count": int(vals.size), "peak": float(vals.max()) if vals.size else None}
    finite = np.isfinite(data)
    if r["shape"] == "circle":
        ap = SkyCircularAperture(reg.center, reg.radius)
    elif r["shape"] == "box":
        # photutils sky theta is measured from the latitude axis, regions' angle from the longitude axis.
        ap = SkyRectangularAperture(reg.center, reg.width, reg.height, theta=reg.angle - 90 * u.deg)
    else:
        ap = None
    if ap is not None:
        t = aperture_photometry(data, ap, wcs=w, method="center", mask=~finite)
        out["photutils_sum"] = float(t["aperture_sum"][0])
    else:
        prod = mask.multiply(np.where(finite, data, 0.0))  # None when the polygon misses the image
        out["photutils_sum"] = 0.0 if prod is None else float(np.nansum(prod))
    return out


res = {"results": [measure(sky_region(r), r) for r in req.get("regions", [])]}
if req.get("regionfile"):
    fr = []
    for reg in Regions.read(req["regionfile"]):
        d = {"type": type(reg).__name__}
        if isinstance(reg, PolygonSkyRegion):
            d["vertices"] = [[float(c.ra.deg), float(c.dec.deg)] for c in reg.vertices]
        elif isinstance(reg, CircleSkyRegion):
            d.update(ra=float(reg.center.ra.deg), dec=float(reg.center.dec.deg), r_arcsec=float(reg.radius.to(u.arcsec).value))
        elif isinstance(reg, RectangleSkyRegion):
            d.update(ra=float(reg.center.ra.deg), dec=float(reg.center.dec.deg), w_arcsec=float(reg.width.to(u.arcsec).value),
                     h_arcsec=float(reg.height.to(u.arcsec).value), angle_deg=float(reg.angle.to(u.deg).value))
        d["include"] = bool(getattr(reg, "include", True))
        fr.append(d)
    res["file_regions"] = fr
print(json.dumps(res))
