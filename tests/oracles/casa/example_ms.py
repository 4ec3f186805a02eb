#!/usr/bin/python3
"""Writes the MS the help examples call x.ms: a VLASS-like OTF block around J0807+0432 (RA 120.5..123.5 deg,
Dec 3..6.1 deg), target fields named HHMM+DDMM plus one calibrator, written with python-casacore.

Usage: example_ms.py PATH.ms
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_fixtures as mf  # noqa: E402


def main(path):
    out, name = os.path.split(os.path.abspath(path))
    os.makedirs(out, exist_ok=True)
    os.chdir(out)
    fields = [{'name': mf.hhmm_name(r, d), 'ra': r, 'dec': d, 'ref': 0, 'poly': 0, 'states': [0]}
              for r, d in mf.otf_layout(120.5, 123.5, 3.0, 6.1)]
    fields.append({'name': 'J0808+0440', 'ra': 122.0, 'dec': 4.67, 'ref': 0, 'poly': 0, 'states': [1]})
    fid, sid = mf.main_rows(fields, seed=9, nbl=1)
    mf.make_vlass_ms(name, fields, fid, sid, ['DATA'], ism=True)


if __name__ == '__main__':
    main(sys.argv[1])
