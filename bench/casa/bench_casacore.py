#!/usr/bin/python3
"""python-casacore side of the Casa benchmark: the same operations as Program.cs on the same tables."""
import resource
import sys
import time

import numpy as np
import casacore.tables as pt

small, large = sys.argv[1], sys.argv[2]
iterations = int(sys.argv[3]) if len(sys.argv) > 3 else 15


def field(path):
    t = pt.table(path, ack=False)
    names = t.getcol('NAME')
    dirs = t.getcol('PHASE_DIR')
    t.close()
    return len(names) + float(dirs[:, 0, 0].sum() + dirs[:, 0, 1].sum())


def counts(path):
    t = pt.table(path, ack=False)
    c = np.bincount(t.getcol('FIELD_ID'))
    t.close()
    return int((c > 0).sum())


cases = [('field_3k', lambda: field(small + '/f3k.ms/FIELD')),
         ('field_3k_bigendian', lambda: field(small + '/field_big.tab')),
         ('field_100k', lambda: field(large + '/f100k.ms/FIELD')),
         ('main_2m_ism_counts', lambda: counts(large + '/main_2m.tab'))]
for name, run in cases:
    t0 = time.perf_counter()
    check = run()
    first = (time.perf_counter() - t0) * 1e3
    for _ in range(3):
        run()
    times, cpu = [], []
    for _ in range(iterations):
        c0 = time.process_time()
        t0 = time.perf_counter()
        run()
        times.append((time.perf_counter() - t0) * 1e3)
        cpu.append((time.process_time() - c0) * 1e3)
    times.sort()
    cpu.sort()
    print(f'python {name} min_ms={times[0]:.3f} median_ms={times[iterations // 2]:.3f} cpu_median_ms={cpu[iterations // 2]:.1f} first_call_ms={first:.1f} check={check!r}')
print(f'python peak_rss_mb={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f}')
