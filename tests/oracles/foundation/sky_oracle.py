"""Independent oracle for VlassPS sky geometry: astropy computes what VlassPS.Core computes.

Reads JSON from stdin: {"pairs": [[ra0, dec0, ra, dec], ...], "casa": ["J2000 08:07:57.5376 +04.32.34.548", ...]}
Writes JSON: separations (deg), spherical offsets (deg), and CASA strings parsed by astropy (deg).
Run with Debian's /usr/bin/python3 (python3-astropy).
"""
import json
import sys

import astropy.units as u
from astropy.coordinates import Angle, SkyCoord


def casa_to_degrees(text):
    # CASA phasecenter: frame, RA hh:mm:ss.s, Dec with dots dd.mm.ss.s (sign first).
    frame, ra, dec = text.split()
    sign = -1.0 if dec.startswith("-") else 1.0
    d, m, s = dec.lstrip("+-").split(".", 2)
    dec_deg = sign * (int(d) + int(m) / 60.0 + float(s) / 3600.0)
    return [Angle(ra, unit=u.hourangle).degree, dec_deg]


def main():
    req = json.load(sys.stdin)
    out = {"separation": [], "offsets": [], "casa": []}
    for ra0, dec0, ra, dec in req.get("pairs", []):
        c0 = SkyCoord(ra0 * u.deg, dec0 * u.deg, frame="icrs")
        c1 = SkyCoord(ra * u.deg, dec * u.deg, frame="icrs")
        out["separation"].append(c0.separation(c1).degree)
        dlon, dlat = c0.spherical_offsets_to(c1)
        out["offsets"].append([dlon.degree, dlat.degree])
    for text in req.get("casa", []):
        out["casa"].append(casa_to_degrees(text))
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
