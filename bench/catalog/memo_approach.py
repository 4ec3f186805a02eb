#!/usr/bin/env python3
"""The Memo 20 Tile Puller's approach, re-implemented for timing: pandas read_fwf of the summary table
(header on line 1, lines 2-3 skipped), then for each position a loop over every row with iterrows, testing
the position and 8 points of a box of half-size 250 arcsec against the row's bounds with strict inequalities.
No archive access. Usage: memo_approach.py <table> <positions.csv> <positions-to-time>
"""
import sys, time
import pandas as pd

table, positions_file, n = sys.argv[1], sys.argv[2], int(sys.argv[3])

parse = []
for _ in range(20):
    t0 = time.perf_counter()
    data = pd.read_fwf(table, skiprows=[1, 2], header=0)
    parse.append((time.perf_counter() - t0) * 1000)
parse.sort()
assert len(data) == 2697, len(data)

pos = pd.read_csv(positions_file).head(n)
half = 250 / 3600.0
rows = 0
t0 = time.perf_counter()
for ra, dec in zip(pos["ra"], pos["dec"]):
    xs = [ra - half, ra + half, ra - half, ra + half, ra, ra, ra, ra - half, ra + half]
    ys = [dec + half, dec - half, dec - half, dec + half, dec, dec + half, dec - half, dec, dec]
    for _, row in data.iterrows():
        dmin, dmax = row["Dec min"], row["Dec max"]
        rmin, rmax = row["RA min"] * 15, row["RA max"] * 15
        for x, y in zip(xs, ys):
            if rmin < x < rmax and dmin < y < dmax:
                rows += 1
                break
elapsed = (time.perf_counter() - t0) * 1000
print(f"python_parse_ms_median {parse[len(parse) // 2]:.3f}")
print(f"python_parse_ms_min {parse[0]:.3f}")
print(f"python_positions {len(pos)}")
print(f"python_loop_ms {elapsed:.1f}")
print(f"python_rows {rows}")
