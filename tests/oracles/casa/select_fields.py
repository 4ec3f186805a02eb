#!/usr/bin/python3
"""Independent oracle for Select-VlassField: reads an MS with python-casacore and applies both rules.

Usage: select_fields.py MS CASES.json > out.json
CASES.json: [{"ra": deg, "dec": deg, "width": arcsec, "height": arcsec, "rg": arcsec}, ...]
Output: {"fields": [{"id", "name", "frame", "rows", "intents"}], "cases": [{"pipeline": [ids], "memo20": [ids]}]}
Pipeline rule (NRAO hif_editimlist): fnmatch names 0*,"0*,1*,"1*,2*,"2*,T*,"T*; intent TARGET when the MS has
intents; astropy spherical_offsets_to, |dlon| < w/2+rg and |dlat| < h/2+rg (strict).
Memo 20 rule (carlson_editimlist_prep): re.match ^0|^1|^2; |wrap(dRA)|*cos(dec_field) <= d, |dDec| <= d.
Only J2000/ICRS fields take part (the frame comes from MEASINFO Ref or VarRefCol).
"""
import fnmatch
import json
import re
import sys

import numpy as np
import astropy.units as u
from astropy.coordinates import SkyCoord
import casacore.tables as pt

PIPE_PATTERNS = ['0*', '"0*', '1*', '"1*', '2*', '"2*', 'T*', '"T*']
MEMO_REGEX = ['^0', '^1', '^2']
SHORT = {'OBSERVE_TARGET': 'TARGET', 'CALIBRATE_PHASE': 'PHASE', 'CALIBRATE_AMPLI': 'AMPLITUDE',
         'CALIBRATE_FLUX': 'FLUX', 'CALIBRATE_BANDPASS': 'BANDPASS', 'CALIBRATE_POL_LEAKAGE': 'POLLEAKAGE',
         'CALIBRATE_POL_ANGLE': 'POLANGLE', 'CALIBRATE_DELAY': 'DELAY'}


def read_ms(ms):
    f = pt.table(ms + '/FIELD', ack=False)
    names = list(f.getcol('NAME'))
    dirs = [f.getcell('PHASE_DIR', r)[0] for r in range(f.nrows())]     # numpy (npoly+1, 2): term 0
    mi = f.getcolkeyword('PHASE_DIR', 'MEASINFO')
    if 'VarRefCol' in mi:
        codes = f.getcol(mi['VarRefCol'])
        types = list(mi['TabRefTypes'])
        tcodes = list(mi['TabRefCodes'])
        frames = [types[tcodes.index(c)] for c in codes]
    else:
        frames = [mi.get('Ref', 'J2000')] * len(names)
    f.close()
    m = pt.table(ms, ack=False)
    fid = m.getcol('FIELD_ID') if m.nrows() else np.zeros(0, int)
    sid = m.getcol('STATE_ID') if m.nrows() and 'STATE_ID' in m.colnames() else None
    m.close()
    s = pt.table(ms + '/STATE', ack=False)
    modes = list(s.getcol('OBS_MODE')) if s.nrows() else None
    s.close()
    known = modes is not None and sid is not None
    rows = np.bincount(fid, minlength=len(names)) if len(fid) else np.zeros(len(names), int)
    intents = [set() for _ in names]
    if known:
        for f_id, s_id in set(zip(fid.tolist(), sid.tolist())):
            if 0 <= s_id < len(modes):
                for part in modes[s_id].split(','):
                    mode = part.strip().split('#')[0]
                    if mode:
                        intents[f_id].add(SHORT.get(mode, mode))
    return names, dirs, frames, rows, intents, known


def main(ms, cases_path):
    names, dirs, frames, rows, intents, known = read_ms(ms)
    ok = [fr in ('J2000', 'ICRS') for fr in frames]
    ra = np.array([d[0] for d in dirs])
    dec = np.array([d[1] for d in dirs])
    fields = SkyCoord(ra * u.rad, dec * u.rad, frame='icrs')
    out = {'intents_known': known,
           'fields': [{'id': i, 'name': n, 'frame': frames[i], 'rows': int(rows[i]), 'intents': sorted(intents[i]),
                       'ra_deg': float(np.degrees(ra[i]) % 360.0), 'dec_deg': float(np.degrees(dec[i]))} for i, n in enumerate(names)],
           'cases': []}
    for case in json.load(open(cases_path)):
        c = SkyCoord(case['ra'] * u.deg, case['dec'] * u.deg, frame='icrs')
        hx = case['width'] / 2 + case['rg']
        hy = case['height'] / 2 + case['rg']
        dlon, dlat = c.spherical_offsets_to(fields)
        dlon = dlon.to(u.arcsec).value
        dlat = dlat.to(u.arcsec).value
        pipe = [i for i, n in enumerate(names)
                if ok[i] and any(fnmatch.fnmatchcase(n, p) for p in PIPE_PATTERNS)
                and (not known or 'TARGET' in intents[i])
                and abs(dlon[i]) < hx and abs(dlat[i]) < hy]
        memo = []
        for i, n in enumerate(names):
            if not ok[i] or not any(re.match(p, n) for p in MEMO_REGEX):
                continue
            dra = np.degrees(ra[i]) - case['ra']
            dra = (dra + 180.0) % 360.0 - 180.0
            x = abs(dra) * np.cos(dec[i]) * 3600.0
            y = abs(np.degrees(dec[i]) - case['dec']) * 3600.0
            if x <= hx and y <= hy:
                memo.append(i)
        out['cases'].append({'pipeline': pipe, 'memo20': memo})
    json.dump(out, sys.stdout)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
