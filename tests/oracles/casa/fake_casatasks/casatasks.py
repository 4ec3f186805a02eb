"""FAKE casatasks module (a test double: CASA itself cannot be installed here).

split(**kwargs) appends its keyword arguments as one JSON line to the file named by $FAKE_CASATASKS_LOG, so
tests can check exactly what a generated script would pass to CASA.
"""
import json
import os


def split(**kwargs):
    with open(os.environ['FAKE_CASATASKS_LOG'], 'a', encoding='utf-8') as fh:
        fh.write(json.dumps(kwargs, ensure_ascii=False) + '\n')
    return True
