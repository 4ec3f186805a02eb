#!/usr/bin/python3
"""Writes a minimal casacore table with the given array columns (real files, via python-casacore),
for VlassPS's data-column detection tests.  Usage: make_table.py PATH COLUMN [COLUMN ...]"""
import sys
from casacore.tables import table, makearrcoldesc, makescacoldesc, maketabdesc

path, columns = sys.argv[1], sys.argv[2:]
desc = maketabdesc([makescacoldesc('TIME', 0.0)] + [makearrcoldesc(c, 0j, ndim=2) for c in columns])
table(path, desc, nrow=1, ack=False).close()
