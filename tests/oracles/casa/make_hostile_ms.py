#!/usr/bin/python3
"""Writes measurement sets that casacore can describe but whose columns hold unexpected types or values
(issue 13 §4), one folder per variant, from a copy of a fixture MS.
Usage: make_hostile_ms.py <fixture.ms> <outdir> [variant ...]   (all variants when none is named)
Prints the variant names made, one per line."""
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


def lock_rows(ms, nrow):
    """Sets the row count of MAIN's table.lock sync record (uInt in sync v1, Int64 in v2) as another writer would."""
    path = ms + '/table.lock'
    b = bytearray(open(path, 'rb').read())
    at = b.index(b'sync', 260) + 4
    version = int.from_bytes(b[at:at + 4], 'big')
    if version >= 2:
        b[at + 4:at + 12] = nrow.to_bytes(8, 'big', signed=True)
    else:
        b[at + 4:at + 8] = nrow.to_bytes(4, 'big')
    open(path, 'wb').write(bytes(b))


def ref_rows_past_parent(ms):
    """Turns <ms> into a RefTable over a sibling parent, then replaces the parent by a copy of its first half:
    the stored row numbers lie past the parent's end (as after the parent was rewritten shorter)."""
    parent = ms[:-3] + '_parent.ms'
    shutil.move(ms, parent)
    t = table(parent, ack=False)
    n = t.nrows()
    t.query('ROWNUMBER() >= %d' % (n // 4), name=ms).close()     # a persistent RefTable of the last 3/4
    t.selectrows(list(range(n // 2))).copy(parent + '.half', deep=True).close()
    t.close()
    shutil.rmtree(parent)
    shutil.move(parent + '.half', parent)


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
    'main_field_id_string': lambda ms: retype(ms, '', 'FIELD_ID', 'one'),
    'spw_ref_frequency_int': lambda ms: retype(ms, 'SPECTRAL_WINDOW', 'REF_FREQUENCY', 3),
    'spw_num_chan_double': lambda ms: retype(ms, 'SPECTRAL_WINDOW', 'NUM_CHAN', 1e300),
    'state_obs_mode_double': lambda ms: retype(ms, 'STATE', 'OBS_MODE', 1.5),
    'telescope_name_double': lambda ms: retype(ms, 'OBSERVATION', 'TELESCOPE_NAME', 2.5),
    'lock_rows_3e9': lambda ms: lock_rows(ms, 3_000_000_000),
    'varrefcol_double_1e300': lambda ms: retype(ms, 'FIELD', 'PhaseDir_Ref', 1e300),
    'varrefcol_string': lambda ms: retype(ms, 'FIELD', 'PhaseDir_Ref', 'J2000'),
    'ref_rows_past_parent': ref_rows_past_parent,
    # 5 MB in every STATE row: intents were matched once per field and state, 2,655 × 5 MB (98 s).
    'state_obs_mode_5mb': lambda ms: put(ms, 'STATE', 'OBS_MODE', 'CALIBRATE_PHASE#ON_SOURCE,' + 'X' * 5_000_000 + ',OBSERVE_TARGET#ON_SOURCE'),
    'time_range_3e11': lambda ms: put(ms, 'OBSERVATION', 'TIME_RANGE', [3e11, 3e11 + 60]),
    'time_range_1e20': lambda ms: put(ms, 'OBSERVATION', 'TIME_RANGE', [3e11, 1e20]),
    'time_range_inf': lambda ms: put(ms, 'OBSERVATION', 'TIME_RANGE', [np.inf, np.inf]),
    'main_field_id_huge': lambda ms: put(ms, '', 'FIELD_ID', 2**31 - 1),
    'main_field_id_negative': lambda ms: put(ms, '', 'FIELD_ID', -5),
}


def main():
    src, out = sys.argv[1], sys.argv[2]
    wanted = sys.argv[3:] or list(VARIANTS)
    for name in wanted:
        make = VARIANTS[name]
        dst = f'{out}/{name}.ms'
        shutil.copytree(src, dst, symlinks=True)
        try:
            make(dst)
        except Exception as e:  # a variant casacore itself refuses is not a reader test
            for leftover in (dst, dst[:-3] + '_parent.ms'):
                shutil.rmtree(leftover, ignore_errors=True)
            print(f'# {name}: {e}', file=sys.stderr)
            continue
        print(name)


if __name__ == '__main__':
    main()
