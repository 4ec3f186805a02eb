#!/usr/bin/python3
"""Oracle for the differential tests: dump every column of casacore tables with python-casacore as JSON.

Usage: dump_columns.py TABLE [TABLE ...] > out.json
Output: {TABLE: {"nrows": n, "columns": {NAME: {"array": bool, "values": [...]} | {"error": msg}}}}
Scalars: getcol. Arrays: per cell {"shape": casacore-order shape, "values": elements in casacore (Fortran) order},
or null for an undefined cell. Complex numbers are [re, im]. Opens every table read-only (run it on a copy:
python-casacore creates table.lock in RefTable/ConcatTable directories).
"""
import json
import sys

import numpy as np
import casacore.tables as pt


def plain(v):
    if isinstance(v, np.ndarray):
        return [plain(x) for x in v.ravel().tolist()] if v.dtype.kind == 'c' else v.ravel().tolist()
    if isinstance(v, (complex, np.complexfloating)):
        return [float(v.real), float(v.imag)]
    if isinstance(v, np.generic):
        return v.item()
    return v


def cell(t, c, r):
    if not t.iscelldefined(c, r):
        return None
    v = t.getcell(c, r)
    a = np.asarray(v)
    return {'shape': list(reversed(a.shape)), 'values': plain(a) if a.dtype.kind != 'c' else [[x.real, x.imag] for x in a.ravel()]}


def dump(path):
    t = pt.table(path, ack=False, readonly=True)
    out = {'nrows': t.nrows(), 'columns': {}}
    for c in t.colnames():
        try:
            desc = t.getcoldesc(c)
            if 'ndim' in desc and desc.get('ndim', 0) != 0 or t.isvarcol(c):
                out['columns'][c] = {'array': True, 'values': [cell(t, c, r) for r in range(t.nrows())]}
            else:
                v = t.getcol(c) if t.nrows() else []
                if isinstance(v, np.ndarray) and v.dtype.kind == 'c':
                    vals = [[x.real, x.imag] for x in v]
                elif isinstance(v, np.ndarray):
                    vals = v.tolist()
                else:
                    vals = [plain(x) for x in v]
                out['columns'][c] = {'array': False, 'values': vals}
        except RuntimeError as e:
            out['columns'][c] = {'error': str(e)}
    t.close()
    return out


if __name__ == '__main__':
    json.dump({p: dump(p) for p in sys.argv[1:]}, sys.stdout)
