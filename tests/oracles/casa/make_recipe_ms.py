#!/usr/bin/python3
"""Write a VLASS-like OTF measurement set around a target, for the README recipe test (python-casacore; /usr/bin/python3).

Usage: make_recipe_ms.py OUT.ms RA_DEG DEC_DEG [HALF_WIDTH_DEG]
The fields tile RA_DEG +- HALF_WIDTH/cos(dec), DEC_DEG +- HALF_WIDTH (default 0.8 deg) in VLASS OTF stripes, all
with intent OBSERVE_TARGET, MAIN in IncrementalStMan with DATA and CORRECTED_DATA, as the archive's calibrated MS.
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_fixtures as mf  # noqa: E402


def main(argv):
    out, ra, dec = argv[0], float(argv[1]), float(argv[2])
    half = float(argv[3]) if len(argv) > 3 else 0.8
    dra = half / np.cos(np.deg2rad(dec))
    fields = [{'name': mf.hhmm_name(r, d), 'ra': r, 'dec': d, 'ref': 0, 'poly': 0, 'states': [0]}
              for r, d in mf.otf_layout(ra - dra, ra + dra, dec - half, dec + half)]
    fid, sid = mf.main_rows(fields, seed=11)
    parent = os.path.dirname(os.path.abspath(out))
    os.makedirs(parent, exist_ok=True)
    cwd = os.getcwd()
    os.chdir(parent)
    try:
        mf.make_vlass_ms(os.path.basename(out), fields, fid, sid, ['DATA', 'CORRECTED_DATA'], ism=True)
    finally:
        os.chdir(cwd)


if __name__ == '__main__':
    main(sys.argv[1:])
