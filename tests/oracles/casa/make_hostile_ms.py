#!/usr/bin/python3
"""Writes measurement sets that casacore can describe but whose columns hold unexpected types or values
(issue 13 §4), one folder per variant, from a copy of a fixture MS. Usage: make_hostile_ms.py <fixture.ms> <outdir>
Prints the variant names, one per line."""
import shutil
import sys

import numpy as np
from casacore.tables import makearrcoldesc, makescacoldesc, maketabdesc, table


def retype(ms, sub, col, value, array_shape=None):
    """Replaces column `col` of subtable `sub` ('' = main) by one of value's type, filled with value."""
    path = ms if sub == '' else ms + '/' + sub
    t = table(path, readonly=False, ack=False)
    n = t.nrows()
    t.removecols(col)
    if array_shape is None:
        t.addcols(maketabdesc(makescacoldesc(col, value)))
        t.putcol(col, [value] * n)
    else:
        t.addcols(maketabdesc(makearrcoldesc(col, value, shape=array_shape)))
        t.putcol(col, np.full((n,) + tuple(array_shape), value))
    t.close()


def put(ms, sub, col, value):
    t = table(ms if sub == '' else ms + '/' + sub, readonly=False, ack=False)
    t.putcol(col, np.array([value] * t.nrows()))
    t.close()


VARIANTS = {
    'field_name_int': lambda ms: retype(ms, 'FIELD', 'NAME', 7),
    'field_num_poly_string': lambda ms: retype(ms, 'FIELD', 'NUM_POLY', 'zero'),
    'main_field_id_double': lambda ms: retype(ms, '', 'FIELD_ID', 1.5),
    'spw_num_chan_string': lambda ms: retype(ms, 'SPECTRAL_WINDOW', 'NUM_CHAN', 'many'),
    'spw_ref_frequency_string': lambda ms: retype(ms, 'SPECTRAL_WINDOW', 'REF_FREQUENCY', '3GHz'),
    'state_obs_mode_int': lambda ms: retype(ms, 'STATE', 'OBS_MODE', 3),
    'telescope_name_int': lambda ms: retype(ms, 'OBSERVATION', 'TELESCOPE_NAME', 27),
    'time_range_1e20': lambda ms: put(ms, 'OBSERVATION', 'TIME_RANGE', [3e11, 1e20]),
    'time_range_inf': lambda ms: put(ms, 'OBSERVATION', 'TIME_RANGE', [np.inf, np.inf]),
    'main_field_id_huge': lambda ms: put(ms, '', 'FIELD_ID', 2**31 - 1),
    'main_field_id_negative': lambda ms: put(ms, '', 'FIELD_ID', -5),
}


def main():
    src, out = sys.argv[1], sys.argv[2]
    for name, make in VARIANTS.items():
        dst = f'{out}/{name}.ms'
        shutil.copytree(src, dst, symlinks=True)
        try:
            make(dst)
        except Exception as e:  # a variant casacore itself refuses is not a reader test
            shutil.rmtree(dst)
            print(f'# {name}: {e}', file=sys.stderr)
            continue
        print(name)


if __name__ == '__main__':
    main()
