#!/usr/bin/python3
"""Oracle for the large generated tables: FIELD NAME + PHASE_DIR term 0 of f100k.ms, per-field MAIN counts of main_2m.tab.

Usage: large_summary.py DIR > out.json   (DIR written by make_fixtures.py --large)
"""
import json
import sys

import numpy as np
import casacore.tables as pt

d = sys.argv[1]
f = pt.table(d + '/f100k.ms/FIELD', ack=False)
names = list(f.getcol('NAME'))
dirs = f.getcol('PHASE_DIR')[:, 0, :]
f.close()
m = pt.table(d + '/main_2m.tab', ack=False)
fid = m.getcol('FIELD_ID')
state = m.getcol('STATE_ID')
m.close()
counts = np.bincount(fid)
pairs = {}
for (a, b), k in zip(*np.unique(np.stack([fid, state], 1), axis=0, return_counts=True)):
    pairs['%d,%d' % (a, b)] = int(k)
json.dump({'names': names, 'phase_dir': dirs.ravel().tolist(), 'main_rows': int(len(fid)),
           'field_counts': {str(i): int(k) for i, k in enumerate(counts) if k}, 'field_state_counts': pairs}, sys.stdout)
