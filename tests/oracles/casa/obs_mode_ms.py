#!/usr/bin/python3
"""Writes an MS with one target-named field per STATE.OBS_MODE string and prints the pipeline's intents for each.

Usage: obs_mode_ms.py OUTDIR MODES.json
MODES.json: a list of OBS_MODE strings. Field i (name 0001+3000-like, inside one small box) is observed only
with STATE row i. Output: {"intents": [[...], ...]} per mode, from the oracle's restatement of the pipeline's
VLA state table (select_fields.state_intents).
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_fixtures as mf  # noqa: E402
import select_fields as sf  # noqa: E402


def main(out, modes_path):
    modes = json.load(open(modes_path))
    os.makedirs(out, exist_ok=True)
    os.chdir(out)
    fields = [{'name': '%04d+3000' % i, 'ra': 0.01 * i, 'dec': 30.0, 'ref': 0, 'poly': 0, 'states': [i]}
              for i in range(len(modes))]
    fid, sid = mf.main_rows(fields, seed=3)
    mf.STATE_MODES = modes
    mf.make_vlass_ms('modes.ms', fields, fid, sid, ['DATA'], ism=True)
    json.dump({'intents': [sorted(sf.state_intents(m)) for m in modes]}, sys.stdout)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
