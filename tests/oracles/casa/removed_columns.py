#!/usr/bin/python3
"""Writes an MS with python-casacore and removes StandardStMan columns with casacore's removecols.

Usage: removed_columns.py OUTDIR
Writes OUTDIR/removed.ms: the split-style VLASS MS of make_fixtures.py (MAIN scalars all in one StandardStMan),
then removes MAIN columns ARRAY_ID and EXPOSURE and FIELD column CODE. casacore keeps the StandardStMan's
column blocks at their old length after removeColumn, so the table describes more SSM columns than are bound.
Prints JSON: {"main_removed": [...], "field_removed": [...], "main_columns": [...], "field_columns": [...]}.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import casacore.tables as pt  # noqa: E402
import make_fixtures as mf  # noqa: E402

MAIN_REMOVED = ['ARRAY_ID', 'EXPOSURE']
FIELD_REMOVED = ['CODE']


def main(out):
    os.makedirs(out, exist_ok=True)
    os.chdir(out)
    fields = mf.vlass_fields()
    fid, sid = mf.main_rows(fields, seed=11)
    mf.make_vlass_ms('removed.ms', fields, fid, sid, ['DATA'], ism=False)
    m = pt.table('removed.ms', readonly=False, ack=False)
    dm = {c: m.getcoldesc(c)['dataManagerType'] for c in MAIN_REMOVED}
    assert all(t == 'StandardStMan' for t in dm.values()), dm
    m.removecols(MAIN_REMOVED)
    main_cols = m.colnames()
    m.close()
    f = pt.table('removed.ms/FIELD', readonly=False, ack=False)
    assert f.getcoldesc('CODE')['dataManagerType'] == 'StandardStMan'
    f.removecols(FIELD_REMOVED)
    field_cols = f.colnames()
    f.close()
    print(json.dumps({'main_removed': MAIN_REMOVED, 'field_removed': FIELD_REMOVED,
                      'main_columns': main_cols, 'field_columns': field_cols}))


if __name__ == '__main__':
    main(sys.argv[1])
