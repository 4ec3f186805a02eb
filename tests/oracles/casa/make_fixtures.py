#!/usr/bin/python3
"""Write the casacore fixture tables for the VlassPS Casa reader (python-casacore 3.5.x; run with /usr/bin/python3).

Usage: make_fixtures.py OUTDIR            small fixtures (committed under tests/fixtures/casa)
       make_fixtures.py --large OUTDIR    large ones (generated at test/bench time): f100k.ms, main_2m.tab
Environment: MAIN_ROWS overrides the 2,000,000 rows of main_2m.tab.

Every table is written read-write once and then only ever opened read-only, so the stale table.dat row
count that addrows() leaves behind (the lock file has the real count) survives.
"""
import os
import shutil
import sys

import numpy as np
import casacore.tables as pt

# MDirection reference codes as CASA writes them into MEASINFO.TabRefTypes/TabRefCodes.
DIR_TYPES = ['J2000', 'JMEAN', 'JTRUE', 'APP', 'B1950', 'B1950_VLA', 'BMEAN', 'BTRUE', 'GALACTIC', 'HADEC',
             'AZEL', 'AZELSW', 'AZELGEO', 'AZELSWGEO', 'JNAT', 'ECLIPTIC', 'MECLIPTIC', 'TECLIPTIC',
             'SUPERGAL', 'ITRF', 'TOPO', 'ICRS']
INTENT_TARGET = 'OBSERVE_TARGET#UNSPECIFIED'
STATE_MODES = [INTENT_TARGET,
               'CALIBRATE_PHASE#UNSPECIFIED,CALIBRATE_AMPLI#UNSPECIFIED',
               'CALIBRATE_FLUX#UNSPECIFIED,CALIBRATE_BANDPASS#UNSPECIFIED',
               INTENT_TARGET + ',CALIBRATE_POL_LEAKAGE#UNSPECIFIED']


def hhmm_name(ra_deg, dec_deg):
    """VLASS OTF field name HHMM+DDMM (9 bytes: always in the SSM string heap)."""
    h = ra_deg / 15.0
    s = '+' if dec_deg >= 0 else '-'
    d = abs(dec_deg)
    return f"{int(h):02d}{int(round((h % 1) * 60, 6)) % 60:02d}{s}{int(d):02d}{int(round((d % 1) * 60, 6)) % 60:02d}"


def otf_layout(ra0, ra1, dec0, dec1, dstripe=0.12, dfield=0.10):
    """VLASS-like on-the-fly mosaic: Dec stripes every 7.2', fields every ~6' along RA (deg)."""
    pos = []
    dec = dec0
    while dec < dec1:
        step = dfield / np.cos(np.deg2rad(dec))
        ra = ra0
        while ra < ra1:
            pos.append((ra % 360.0, dec))
            ra += step
        dec += dstripe
    return pos


def vlass_fields():
    """Target fields of a VLASS-like OTF block straddling RA 0h (tests the wrap) plus calibrators.

    Returns a list of dicts: name, ra, dec (deg), ref (MDirection code), poly (NUM_POLY), state ids."""
    fields = []
    for i, (ra, dec) in enumerate(otf_layout(-4.0, 6.0, 30.0, 33.6)):
        name = hhmm_name(ra, dec)
        if i % 7 == 3:                       # names stored with literal double quotes (domain.md 11.1)
            name = '"' + name + '"'
        fields.append({'name': name, 'ra': ra, 'dec': dec, 'ref': 0, 'poly': 0, 'states': [0]})
    fields[10]['ref'] = 21                   # a few ICRS rows through VarRefCol
    fields[11]['ref'] = 21
    fields[12]['states'] = [3]               # target with an extra intent
    fields[13]['states'] = []                # no MAIN rows: intents unknown for this field
    fields.append({'name': 'J0010+3403', 'ra': 2.61, 'dec': 34.06, 'ref': 0, 'poly': 0, 'states': [1]})
    fields.append({'name': '0542+498', 'ra': 85.65, 'dec': 49.85, 'ref': 0, 'poly': 0, 'states': [2]})  # 3C147: digit name, calibrator
    fields.append({'name': 'T32t02.NCP', 'ra': 0.0, 'dec': 89.99, 'ref': 0, 'poly': 0, 'states': [0]})
    fields.append({'name': '0001+3130', 'ra': 0.3, 'dec': 31.5, 'ref': 0, 'poly': 1, 'states': [0]})   # NUM_POLY 1
    fields.append({'name': '0002+3131', 'ra': 120.0, 'dec': 20.0, 'ref': 8, 'poly': 0, 'states': [0]}) # GALACTIC
    fields.append({'name': 'Ünïcode ☃ field', 'ra': 1.0, 'dec': 31.0, 'ref': 0, 'poly': 0, 'states': [0]})
    return fields


def casa_like_dminfo(ism_columns, ssm_columns):
    """CASA layout: each MAIN scalar in its own IncrementalStMan, a few in StandardStMan, data tiled."""
    dm = {}
    k = 1
    for c in ism_columns:
        dm['*%d' % k] = {'TYPE': 'IncrementalStMan', 'NAME': c, 'SPEC': {'BUCKETSIZE': 32768}, 'COLUMNS': [c]}
        k += 1
    for c in ssm_columns:
        dm['*%d' % k] = {'TYPE': 'StandardStMan', 'NAME': c, 'SPEC': {}, 'COLUMNS': [c]}
        k += 1
    dm['*%d' % k] = {'TYPE': 'TiledShapeStMan', 'NAME': 'TiledData', 'SPEC': {'DEFAULTTILESHAPE': np.array([1, 1, 64], dtype=np.int32)},
                     'COLUMNS': ['DATA', 'CORRECTED_DATA']}
    return dm


MAIN_SCALARS = ['ARRAY_ID', 'EXPOSURE', 'FEED1', 'FEED2', 'FIELD_ID', 'INTERVAL', 'OBSERVATION_ID',
                'PROCESSOR_ID', 'SCAN_NUMBER', 'STATE_ID', 'TIME', 'TIME_CENTROID']
MAIN_SSM = ['FLAG_ROW', 'ANTENNA1', 'ANTENNA2', 'DATA_DESC_ID', 'UVW', 'FLAG', 'FLAG_CATEGORY', 'WEIGHT', 'SIGMA']


def data_desc(columns):
    return pt.maketabdesc([pt.makearrcoldesc(c, 0j, ndim=2, valuetype='complex') for c in columns])


def write_subtables(name, fields, nspw=4):
    f = pt.table(name + '/FIELD', readonly=False, ack=False)
    n = len(fields)
    f.addrows(n)
    f.putcol('NAME', [x['name'] for x in fields])
    f.putcol('SOURCE_ID', np.arange(n, dtype=np.int32))
    f.putcol('NUM_POLY', np.array([x['poly'] for x in fields], dtype=np.int32))
    f.putcol('CODE', ['NONE'] * n)
    f.putcol('TIME', np.full(n, 5.0e9))
    for r, x in enumerate(fields):
        ra, dec = np.deg2rad(x['ra']), np.deg2rad(x['dec'])
        d = np.zeros((x['poly'] + 1, 2))       # numpy (NUM_POLY+1, 2) == casacore shape [2, NUM_POLY+1]
        d[0] = (ra, dec)
        if x['poly']:
            d[1] = (1e-6, -2e-6)               # a rate term: the epoch position is term 0
        for c in ('PHASE_DIR', 'DELAY_DIR', 'REFERENCE_DIR'):
            f.putcell(c, r, d)
    # CASA's variable-reference direction columns: MEASINFO.VarRefCol + an Int column of codes.
    f.addcols(pt.makescacoldesc('PhaseDir_Ref', 0, datamanagertype='StandardStMan', datamanagergroup='StandardStMan'))
    f.putcol('PhaseDir_Ref', np.array([x['ref'] for x in fields], dtype=np.int32))
    f.putcolkeyword('PHASE_DIR', 'MEASINFO', {'type': 'direction', 'VarRefCol': 'PhaseDir_Ref',
                                              'TabRefTypes': DIR_TYPES,
                                              'TabRefCodes': np.arange(len(DIR_TYPES), dtype=np.uint32)})
    f.close()

    s = pt.table(name + '/STATE', readonly=False, ack=False)
    s.addrows(len(STATE_MODES))
    s.putcol('OBS_MODE', STATE_MODES)
    s.close()

    w = pt.table(name + '/SPECTRAL_WINDOW', readonly=False, ack=False)
    w.addrows(nspw)
    nchan = 64
    for i in range(nspw):
        f0 = 2.0e9 + i * 128e6
        w.putcell('CHAN_FREQ', i, f0 + np.arange(nchan) * 2e6)
        w.putcell('CHAN_WIDTH', i, np.full(nchan, 2e6))
        w.putcell('EFFECTIVE_BW', i, np.full(nchan, 2e6))
        w.putcell('RESOLUTION', i, np.full(nchan, 2e6))
    w.putcol('NAME', ['EVLA_S#A0C0#%d' % i for i in range(nspw)])
    w.putcol('REF_FREQUENCY', 2.0e9 + np.arange(nspw) * 128e6)
    w.putcol('NUM_CHAN', np.full(nspw, nchan, dtype=np.int32))
    w.putcol('TOTAL_BANDWIDTH', np.full(nspw, nchan * 2e6))
    w.close()

    o = pt.table(name + '/OBSERVATION', readonly=False, ack=False)
    o.addrows(1)
    o.putcol('TELESCOPE_NAME', ['EVLA'])
    o.putcol('PROJECT', ['VLASS2.1'])
    o.putcol('OBSERVER', ['Jane "Q" Observer'])
    o.putcell('TIME_RANGE', 0, np.array([5.0e9, 5.0e9 + 3600.0]))
    o.close()


def main_rows(fields, seed, nbl=2):
    """MAIN (field, state) per row: runs of nbl baselines x a few integrations per field (OTF order)."""
    r = np.random.default_rng(seed)
    fid, sid = [], []
    for i, x in enumerate(fields):
        for st in x['states']:
            k = nbl * int(r.integers(1, 3))
            fid += [i] * k
            sid += [st] * k
    return np.array(fid, dtype=np.int32), np.array(sid, dtype=np.int32)


def fill_main(name, fid, sid, nbl=2):
    m = pt.table(name, readonly=False, ack=False)
    n = len(fid)
    m.addrows(n)
    rows = np.arange(n)
    m.putcol('FIELD_ID', fid)
    m.putcol('STATE_ID', sid)
    m.putcol('TIME', 5.0e9 + (rows // nbl) * 0.45)
    m.putcol('SCAN_NUMBER', (rows // 2000 + 1).astype(np.int32))
    m.putcol('ANTENNA1', (rows % 3).astype(np.int32))
    m.putcol('ANTENNA2', (rows % 3 + 1).astype(np.int32))
    m.putcol('DATA_DESC_ID', (rows % 2).astype(np.int32))
    m.close()


def make_vlass_ms(name, fields, fid, sid, data_columns, ism=True):
    desc = data_desc(data_columns)
    dm = casa_like_dminfo(MAIN_SCALARS if ism else [], MAIN_SSM if ism else MAIN_SSM + MAIN_SCALARS)
    dm = {k: v for k, v in dm.items() if v['TYPE'] != 'TiledShapeStMan' or data_columns}
    if dm:
        for v in dm.values():
            if v['TYPE'] == 'TiledShapeStMan':
                v['COLUMNS'] = list(data_columns)
    pt.default_ms(name, desc, dm)
    write_subtables(name, fields)
    fill_main(name, fid, sid)


def make_f3k(name, nfield, nmain, seed=42):
    """python-casacore default_ms layout: everything in one StandardStMan; stale table.dat nrow."""
    pt.default_ms(name, data_desc(['DATA']))
    r = np.random.default_rng(seed)
    ra = r.uniform(0, 360, nfield)
    dec = r.uniform(-40, 89, nfield)
    t = pt.table(name + '/FIELD', readonly=False, ack=False)
    t.addrows(nfield)
    t.putcol('NAME', [hhmm_name(a, d) for a, d in zip(ra, dec)])
    dirs = np.stack([np.deg2rad(ra), np.deg2rad(dec)], -1).reshape(nfield, 1, 2)
    for c in ('PHASE_DIR', 'DELAY_DIR', 'REFERENCE_DIR'):
        t.putcol(c, dirs)
    t.putcol('SOURCE_ID', np.arange(nfield, dtype=np.int32))
    t.close()                                  # table.dat nrow stays 0; table.lock says nfield
    if nmain:
        m = pt.table(name, readonly=False, ack=False)
        m.addrows(nmain)
        m.putcol('FIELD_ID', (np.arange(nmain) % nfield).astype(np.int32))
        m.close()


def make_main_ism(name, n, bucket):
    desc = pt.maketabdesc([pt.makescacoldesc('FIELD_ID', 0), pt.makescacoldesc('TIME', 0.0),
                           pt.makescacoldesc('SCAN_NUMBER', 0), pt.makescacoldesc('OBS_NAME', 'x'),
                           pt.makescacoldesc('FLAG_ROW', False), pt.makescacoldesc('STATE_ID', 0),
                           pt.makescacoldesc('ANTENNA1', 0), pt.makescacoldesc('ANTENNA2', 0)])
    dm = {'*1': {'TYPE': 'IncrementalStMan', 'NAME': 'ISMData', 'SPEC': {'BUCKETSIZE': bucket},
                 'COLUMNS': ['FIELD_ID', 'TIME', 'SCAN_NUMBER', 'OBS_NAME', 'FLAG_ROW']},
          '*2': {'TYPE': 'IncrementalStMan', 'NAME': 'ISMState', 'SPEC': {'BUCKETSIZE': bucket},
                 'COLUMNS': ['STATE_ID']},
          '*3': {'TYPE': 'StandardStMan', 'NAME': 'SSMData', 'SPEC': {}, 'COLUMNS': ['ANTENNA1', 'ANTENNA2']}}
    m = pt.table(name, desc, nrow=n, dminfo=dm, ack=False)
    rows = np.arange(n)
    nbl = 351 * 16
    m.putcol('FIELD_ID', ((rows // (2 * nbl)) % 3000).astype(np.int32))
    m.putcol('TIME', 5.0e9 + (rows // nbl) * 0.45)
    m.putcol('SCAN_NUMBER', (rows // 500000 + 1).astype(np.int32))
    m.putcol('OBS_NAME', ['VLASS2.1.sb%08d' % (r // 70000) + ('x' * (r // 70000 % 5)) for r in range(n)])
    m.putcol('FLAG_ROW', (rows // 3000) % 3 == 0)
    m.putcol('STATE_ID', ((rows // 7000) % 4).astype(np.int32))
    m.putcol('ANTENNA1', (rows % 27).astype(np.int32))
    m.putcol('ANTENNA2', ((rows // 27) % 27).astype(np.int32))
    m.close()


def make_strings(name):
    rng = np.random.default_rng(1)
    desc = pt.maketabdesc([pt.makescacoldesc('S', ''), pt.makescacoldesc('SFIX', '', maxlen=12),
                           pt.makearrcoldesc('SARR', '', ndim=1),
                           pt.makearrcoldesc('SARRFIX', '', shape=[3], options=4),
                           pt.makearrcoldesc('DFIX', 0.0, shape=[1, 2], options=5),
                           pt.makearrcoldesc('IARR', 0, ndim=-1),
                           pt.makearrcoldesc('BARR', False, ndim=1),
                           pt.makescacoldesc('B', True), pt.makescacoldesc('C', 0j),
                           pt.makescacoldesc('F', 0.0, valuetype='float'), pt.makescacoldesc('I64', 0, valuetype='int64'),
                           pt.makescacoldesc('U8', 0, valuetype='uchar'), pt.makescacoldesc('I16', 0, valuetype='short'),
                           pt.makescacoldesc('U32', 0, valuetype='uint')])
    s = pt.table(name, desc, nrow=300, ack=False)
    s.putcol('S', ['x' * int(k) + str(i) for i, k in enumerate(rng.integers(0, 5000, 300))])
    s.putcol('SFIX', ['f%d' % i for i in range(300)])
    for i in range(300):
        s.putcell('SARR', i, np.array(['a%d' % j * (j + 1) for j in range(i % 7 + 1)]))
        s.putcell('SARRFIX', i, np.array(['p', 'qq' * i, 'r']))
        if i % 5:                                   # every 5th cell stays undefined
            s.putcell('IARR', i, np.arange(i % 4 + 1, dtype=np.int32).reshape((1, -1)) if i % 2 else np.arange(3, dtype=np.int32) * i)
        s.putcell('BARR', i, (np.arange(i % 11 + 1) % 3) == 0)
    s.putcol('DFIX', rng.normal(size=(300, 1, 2)))
    s.putcol('B', rng.integers(0, 2, 300).astype(bool))
    s.putcol('C', rng.normal(size=300) + 1j)
    s.putcol('F', rng.normal(size=300).astype(np.float32))
    s.putcol('I64', (np.arange(300, dtype=np.int64) - 150) * 10_000_000_000)
    s.putcol('U8', (np.arange(300) % 256).astype(np.uint8))
    s.putcol('I16', (np.arange(300) - 150).astype(np.int16))
    s.putcol('U32', (np.arange(300) * 14_000_000).astype(np.uint32))
    s.close()


def small(out):
    fields = vlass_fields()
    fid, sid = main_rows(fields, seed=7)

    # 1. VLASS-like OTF MS as CASA writes it: MAIN scalars in IncrementalStMan, DATA + CORRECTED_DATA tiled.
    make_vlass_ms('vlass_otf.ms', fields, fid, sid, ['DATA', 'CORRECTED_DATA'], ism=True)
    # 2. The same with MAIN all in StandardStMan and DATA only (a split product).
    make_vlass_ms('vlass_split.ms', fields, fid, sid, ['DATA'], ism=False)

    # 3. Multi-MS: a ConcatTable over SUBMSS/*.ms with the subtables symlinked from the first part.
    os.makedirs('vlass_mms.ms/SUBMSS')
    half = len(fid) // 2
    make_vlass_ms('vlass_mms.ms/SUBMSS/part0.ms', fields, fid[:half], sid[:half], ['DATA', 'CORRECTED_DATA'])
    make_vlass_ms('vlass_mms.ms/SUBMSS/part1.ms', fields, fid[half:], sid[half:], ['DATA', 'CORRECTED_DATA'])
    parts = ['vlass_mms.ms/SUBMSS/part0.ms', 'vlass_mms.ms/SUBMSS/part1.ms']
    c = pt.table(parts, ack=False)
    c.rename('mms_tmp.tab')
    c.close()
    for fn in os.listdir('mms_tmp.tab'):
        shutil.move(os.path.join('mms_tmp.tab', fn), os.path.join('vlass_mms.ms', fn))
    os.rmdir('mms_tmp.tab')
    for sub in ('ANTENNA', 'DATA_DESCRIPTION', 'FEED', 'FIELD', 'FLAG_CMD', 'HISTORY', 'OBSERVATION', 'POINTING',
                'POLARIZATION', 'PROCESSOR', 'SPECTRAL_WINDOW', 'STATE'):
        os.symlink('SUBMSS/part0.ms/' + sub, 'vlass_mms.ms/' + sub)

    # 4. An MS that is a RefTable: a persistent selection of MAIN rows.
    m = pt.table('vlass_otf.ms', ack=False)
    m.query('FIELD_ID < 200 OR FIELD_ID > 1000', name='vlass_ref.ms').close()
    m.close()

    # 5. default_ms layout, 3000 fields, FIELD table.dat nrow stale (0) while table.lock says 3000.
    make_f3k('f3k.ms', 3000, 3000)

    t = pt.table('f3k.ms/FIELD', ack=False)
    t.copy('field_big.tab', deep=True, valuecopy=True, endian='big').close()
    t.close()
    make_main_ism('main_ism.tab', 100_000, 4096)
    t = pt.table('main_ism.tab', ack=False)        # big-endian IncrementalStMan + StandardStMan
    t.copy('main_big.tab', deep=True, valuecopy=True, endian='big').close()
    t.close()

    make_strings('strings.tab')

    # 6. Column added to an existing SSM (second SSMIndex), an added ISM, removed rows.
    shutil.copytree('f3k.ms/FIELD', 'field_mod.tab')
    f = pt.table('field_mod.tab', readonly=False, ack=False)
    f.addcols(pt.makescacoldesc('EXTRA', 0.0, datamanagertype='StandardStMan', datamanagergroup='StandardStMan'))
    f.putcol('EXTRA', np.arange(f.nrows()) * 1.5)
    f.addcols(pt.makescacoldesc('EXTRA2', 0), dminfo={'TYPE': 'IncrementalStMan', 'NAME': 'ISM2', 'SPEC': {}})
    f.putcol('EXTRA2', np.arange(f.nrows(), dtype=np.int32))
    f.removerows([5, 6, 7, 1000, 2999])
    f.close()

    # 7. RefTables (selection and sort) and a ConcatTable of a little- and a big-endian part.
    f = pt.table('f3k.ms/FIELD', ack=False)
    f.query('SOURCE_ID < 100 OR SOURCE_ID > 2900', name='field_ref.tab').close()
    f.sort('NAME', name='field_sorted.tab').close()
    f.close()
    c = pt.table(['f3k.ms/FIELD', 'field_big.tab'], ack=False)
    c.rename('field_concat.tab')
    c.close()


def large(out):
    make_f3k('f100k.ms', 100_000, 0, seed=5)
    make_main_ism('main_2m.tab', int(os.environ.get('MAIN_ROWS', '2000000')), 32768)


def main(argv):
    big = '--large' in argv
    args = [a for a in argv if a != '--large']
    out = args[0] if args else 'fx'
    os.makedirs(out, exist_ok=True)
    os.chdir(out)
    (large if big else small)(out)
    print('fixtures written to', os.getcwd())


if __name__ == '__main__':
    main(sys.argv[1:])
