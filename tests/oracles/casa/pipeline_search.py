#!/usr/bin/python3
"""Oracle for search_radius_arcsec: the fields the NRAO pipeline itself would select from an MS, given a
SEIP_parameter.list written by VlassPS (restated from hif_editimlist's VLASS branch, not copied).

Usage: pipeline_search.py --make-highdec OUTDIR      write OUTDIR/highdec.ms (an OTF block at Dec 58..64.5)
       pipeline_search.py CASES.json                 [{"ms": path, "list": path}, ...] -> JSON per case:
          {"current": [ids], "v2022": [ids], "halfwidth": [hx, hy]}

The list is read as the pipeline reads it: skip lines starting with '#' or without '=', split at the first '=',
strip, ast.literal_eval. Field search (no cutout_imsize): half-width 1800" + search_radius_arcsec (1000" when the
key is absent; any int or float, even 0, is used as given); with cutout_imsize: cell*cutout/2 per axis.
current (2023.1.1.7 and later): fields with MAIN rows, intent TARGET, name (quoted like fieldname_for_casa)
    fnmatch 0*,"0*,1*,"1*,2*,"2*,T*,"T*, astropy spherical_offsets_to strictly inside.
v2022 (2022.1.1.5 find_fields): every FIELD row, raw name re.findall ^0|^1|^2, |wrap dRA|*cos(dec_field) <= d
    and |dDec| <= d.
"""
import ast
import fnmatch
import json
import os
import re
import sys

import numpy as np
import astropy.units as u
from astropy.coordinates import SkyCoord

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import select_fields as sf  # noqa: E402

PATTERNS = ['0*', '"0*', '1*', '"1*', '2*', '"2*', 'T*', '"T*']


def read_list(path):
    values = {}
    for line in open(path, encoding='ascii'):
        if line.startswith('#') or '=' not in line:
            continue
        key, _, text = line.partition('=')
        values[key.strip()] = ast.literal_eval(text.strip())
    return values


def centre(phasecenter):
    frame, ra, dec = phasecenter.split()
    assert frame in ('J2000', 'ICRS'), frame
    h, m, s = (float(x) for x in ra.split(':'))
    sign = -1.0 if dec.startswith('-') else 1.0
    parts = dec.lstrip('+-').replace(':', '.').split('.', 2)
    d, dm, ds = float(parts[0]), float(parts[1]), float(parts[2])
    return (h + m / 60 + s / 3600) * 15.0, sign * (d + dm / 60 + ds / 3600)


def arcsec_of(cell):
    cell = cell[0] if isinstance(cell, list) else cell
    q = u.Quantity(cell.replace("'", ''))
    return q.to(u.arcsec).value


def one(case):
    p = read_list(case['list'])
    names, dirs, frames, rows, intents, known = sf.read_ms(case['ms'])
    ra = np.array([d[0] for d in dirs])
    dec = np.array([d[1] for d in dirs])
    ra0, dec0 = centre(p['phasecenter'])
    radius = p.get('search_radius_arcsec')
    if not radius and not isinstance(radius, (int, float)):
        radius = 1000.0
    if p.get('cutout_imsize') is not None:
        cut = p['cutout_imsize']
        cut = cut if isinstance(cut, list) else [cut, cut]
        hx, hy = (arcsec_of(p['cell']) * c / 2.0 for c in (cut[0], cut[-1]))
    else:
        hx = hy = 1800.0 + float(radius)
    c = SkyCoord(ra0 * u.deg, dec0 * u.deg, frame='icrs')
    fields = SkyCoord(ra * u.rad, dec * u.rad, frame='icrs')
    dlon, dlat = c.spherical_offsets_to(fields)
    dlon, dlat = np.abs(dlon.to(u.arcsec).value), np.abs(dlat.to(u.arcsec).value)
    current = [i for i, n in enumerate(names)
               if rows[i] > 0 and 'TARGET' in intents[i]
               and any(fnmatch.fnmatch(sf.name_for_casa(n), pat) for pat in PATTERNS)
               and dlon[i] < hx and dlat[i] < hy]
    d = 1800.0 + float(radius)
    v2022 = []
    for i, n in enumerate(names):
        dra = abs(ra[i] - np.radians(ra0))
        if dra > np.pi:
            dra = 2 * np.pi - dra
        x = np.degrees(dra * np.cos(dec[i])) * 3600.0
        y = abs(np.degrees(dec[i]) - dec0) * 3600.0
        if x <= d and y <= d and any(re.findall(rx, n) for rx in ('^0', '^1', '^2')):
            v2022.append(i)
    return {'current': current, 'v2022': v2022, 'halfwidth': [hx, hy]}


def make_highdec(out):
    import make_fixtures as mf
    os.makedirs(out, exist_ok=True)
    os.chdir(out)
    fields = [{'name': mf.hhmm_name(r, d), 'ra': r, 'dec': d, 'ref': 0, 'poly': 0, 'states': [0]}
              for r, d in mf.otf_layout(0.0, 20.0, 58.0, 64.5)]
    fid, sid = mf.main_rows(fields, seed=5, nbl=1)
    mf.make_vlass_ms('highdec.ms', fields, fid, sid, ['DATA'], ism=True)
    print(json.dumps({'fields': len(fields)}))


if __name__ == '__main__':
    if sys.argv[1] == '--make-highdec':
        make_highdec(sys.argv[2])
    else:
        print(json.dumps([one(c) for c in json.load(open(sys.argv[1]))]))
