"""A faithful re-implementation of the memo's tile search (VLASS_Tile_Puller.py, Memo 20 scripts), for timing.

For each position: the search box half-width (L + 2*buffer)/2 added to RA in degrees WITHOUT 1/cos(dec)
(the memo's defect, kept for fidelity), nine test points (centre, four corners, four edge midpoints), and for
every row of the survey summary table a strict-inequality test of every point against the row's bounds.
The table is read with pandas read_fwf as the memo does when pandas is installed, else by the same columns.
Prints the time per position (best of three passes). Usage: memo_tile_search.py <summary table> <positions.csv> <max positions>
"""
import sys
import time


def load_table(path):
    try:
        import pandas as pd  # the memo's reader
        df = pd.read_fwf(path, header=0, skiprows=[1, 2])
        cols = list(df.columns)
        rows = [(r[0], float(r[1]), float(r[2]), float(r[3]), float(r[4])) for r in df[cols[:5]].itertuples(index=False)]
        return rows, "pandas.read_fwf"
    except ImportError:
        rows = []
        with open(path) as fh:
            for line in fh.readlines()[3:]:
                if len(line) < 42:
                    continue
                rows.append((line[0:6], float(line[6:15]), float(line[15:24]), float(line[24:33]), float(line[33:42])))
        return rows, "fixed-width slices (pandas not installed)"


def tiles_for(rows, ra, dec, size_arcsec, buffer_arcsec=1000.0):
    half = (size_arcsec + 2 * buffer_arcsec) / 2 / 3600.0
    points = [(ra + dx * half, dec + dy * half) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]
    found = []
    for name, dmin, dmax, rmin_h, rmax_h in rows:
        for pra, pdec in points:
            if rmin_h * 15 < pra < rmax_h * 15 and dmin < pdec < dmax:
                found.append(name)
                break
    return found


def main():
    table, positions_file, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
    t0 = time.perf_counter()
    rows, how = load_table(table)
    t_load = time.perf_counter() - t0
    with open(positions_file) as fh:
        positions = [tuple(map(float, l.split(","))) for l in fh.read().split()[:limit]]
    # Best of three passes, as the VlassPS side does on this shared machine.
    t = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        total = 0
        for ra, dec in positions:
            total += len(tiles_for(rows, ra, dec, 500.0))
        t = min(t, time.perf_counter() - t0)
    print(f"memo_tile_search positions={len(positions)} seconds={t:.3f} per_position_us={t * 1e6 / len(positions):.2f} "
          f"table_load_seconds={t_load:.3f} table_rows={len(rows)} reader='{how}' hits={total}")


if __name__ == "__main__":
    main()
