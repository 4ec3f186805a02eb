#!/usr/bin/python3
"""Independent oracle for Select-VlassField: reads an MS with python-casacore and applies both rules.

Usage: select_fields.py MS CASES.json > out.json
CASES.json: [{"ra": deg, "dec": deg, "width": arcsec, "height": arcsec, "rg": arcsec}, ...]
Output: {"fields": [{"id", "name", "frame", "rows", "intents"}], "cases": [{"pipeline": [ids], "memo20": [ids]}]}
Pipeline rule (NRAO hif_editimlist): fnmatch of the name as fieldname_for_casa quotes it against 0*,"0*,1*,"1*,2*,
"2*,T*,"T*; intent TARGET (intents from STATE.OBS_MODE by the pipeline's VLA key table, substring search) when the
MS has intents; astropy spherical_offsets_to, |dlon| < w/2+rg and |dlat| < h/2+rg (strict).
Memo 20 rule (carlson_editimlist_prep): re.match ^0|^1|^2; |wrap(dRA)|*cos(dec_field) <= d, |dDec| <= d.
Only J2000/ICRS fields take part (the frame comes from MEASINFO Ref or VarRefCol).
"""
import fnmatch
import json
import re
import string
import sys

import numpy as np
import astropy.units as u
from astropy.coordinates import SkyCoord
import casacore.tables as pt

PIPE_PATTERNS = ['0*', '"0*', '1*', '"1*', '2*', '"2*', 'T*', '"T*']
MEMO_REGEX = ['^0', '^1', '^2']


def vla_state_keys():
    """The pipeline's VLA OBS_MODE -> intent table (domain/state.py StateVLA), restated: 14 modes in three
    ON_SOURCE spellings plus 14 single keys, 56 in all."""
    keys = {}
    for mode, intent in [('CALIBRATE_POLARIZATION', 'POLARIZATION'), ('CALIBRATE_POL_ANGLE', 'POLANGLE'),
                         ('CALIBRATE_POL_LEAKAGE', 'POLLEAKAGE'), ('CALIBRATE_BANDPASS', 'BANDPASS'),
                         ('CALIBRATE_AMPLI', 'PHASE'), ('CALIBRATE_FLUX', 'AMPLITUDE'), ('CALIBRATE_PHASE', 'PHASE'),
                         ('CALIBRATE_TARGET', 'TARGET'), ('CALIBRATE_POINTING', 'POINTING'), ('CALIBRATE_FOCUS', 'FOCUS'),
                         ('CALIBRATE_WVR', 'WVR'), ('CALIBRATE_ATMOSPHERE', 'ATMOSPHERE'),
                         ('CALIBRATE_SIDEBAND_RATIO', 'SIDEBAND'), ('OBSERVE_TARGET', 'TARGET')]:
        for sep in '#._':
            keys[mode + sep + 'ON_SOURCE'] = intent
    for mode in ('POLARIZATION', 'POL_ANGLE', 'POL_LEAKAGE', 'BANDPASS', 'FLUX', 'PHASE', 'AMPLI'):
        keys['CALIBRATE_%s#UNSPECIFIED' % mode] = keys['CALIBRATE_%s#ON_SOURCE' % mode]
    keys['OBSERVE_TARGET#UNSPECIFIED'] = 'TARGET'
    for sep in '#._':
        keys['OBSERVE_TARGET' + sep + 'OFF_SOURCE'] = 'REFERENCE'
    keys['UNSPECIFIED#UNSPECIFIED'] = 'UNSPECIFIED#UNSPECIFIED'
    keys['SYSTEM_CONFIGURATION'] = 'SYSTEM_CONFIGURATION'
    keys['SYSTEM_CONFIGURATION#UNSPECIFIED'] = 'SYSTEM_CONFIGURATION'
    assert len(keys) == 56
    return keys


VLA_KEYS = vla_state_keys()


def state_intents(obs_mode):
    """Every key found anywhere in the OBS_MODE text adds its intent (str.find, as the pipeline does)."""
    return {intent for key, intent in VLA_KEYS.items() if obs_mode.find(key) != -1}


def name_for_casa(name):
    """The pipeline's fieldname_for_casa: quote all-digit names and names with characters outside [A-Za-z0-9+-]."""
    allowed = string.ascii_letters + string.digits + '+-'
    clean = ''.join(c if c in allowed else '_' for c in name)
    return '"%s"' % name if name.isdigit() or name != clean else name


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
                intents[f_id] |= state_intents(modes[s_id])
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
                if ok[i] and any(fnmatch.fnmatchcase(name_for_casa(n), p) for p in PIPE_PATTERNS)
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
