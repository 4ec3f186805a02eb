#!/usr/bin/python3
"""Writes the Fits area's test images with astropy (independent of VlassPS code).

Usage: /usr/bin/python3 make_fixtures.py OUTDIR

Deterministic (fixed seeds). Also writes OUTDIR/manifest.json with the known true values
(source fluxes in Jy, positions, physical pixel values of the BITPIX cases) that tests check against.
Images are small (<= 128x128) so the committed copy in tests/fixtures/fits stays small; the
12500x12500 bench image is made by bench/fits/make_big.py at bench time.
"""
import json
import math
import os
import sys

import numpy as np
from astropy.io import fits
from astropy.wcs import WCS

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "fixtures", "fits")
os.makedirs(OUT, exist_ok=True)
manifest = {}

CELL_DEG = 0.6 / 3600.0
BMAJ_DEG = 2.8 / 3600.0
BMIN_DEG = 2.2 / 3600.0
BPA_DEG = 35.0


def beam_area_pix(bmaj, bmin, cell):
    return math.pi * bmaj * bmin / (4.0 * math.log(2.0)) / (cell * cell)


def gaussian(ny, nx, x0, y0, fwhm_maj_pix, fwhm_min_pix, pa_deg, amp):
    """Elliptical Gaussian; pa from +y (north) towards -x (east for RA increasing leftwards)."""
    y, x = np.mgrid[0:ny, 0:nx].astype(np.float64)
    s_maj = fwhm_maj_pix / (2.0 * math.sqrt(2.0 * math.log(2.0)))
    s_min = fwhm_min_pix / (2.0 * math.sqrt(2.0 * math.log(2.0)))
    t = math.radians(pa_deg)
    dx, dy = x - x0, y - y0
    # major axis direction in pixel space: (-sin t, cos t)
    u = -dx * math.sin(t) + dy * math.cos(t)
    v = dx * math.cos(t) + dy * math.sin(t)
    return amp * np.exp(-0.5 * ((u / s_maj) ** 2 + (v / s_min) ** 2))


def celestial_header(proj, crval, naxis, crpix, cell=CELL_DEG, use_cd=False, rot_deg=0.0, pv=None, radesys="FK5"):
    h = fits.Header()
    h["CTYPE1"] = "RA---" + proj
    h["CTYPE2"] = "DEC--" + proj
    h["CRVAL1"] = crval[0]
    h["CRVAL2"] = crval[1]
    h["CRPIX1"] = crpix[0]
    h["CRPIX2"] = crpix[1]
    c, s = math.cos(math.radians(rot_deg)), math.sin(math.radians(rot_deg))
    if use_cd:
        h["CD1_1"] = -cell * c
        h["CD1_2"] = cell * s
        h["CD2_1"] = cell * s
        h["CD2_2"] = cell * c
    else:
        h["CDELT1"] = -cell
        h["CDELT2"] = cell
        h["PC1_1"] = c
        h["PC1_2"] = -s
        h["PC2_1"] = s
        h["PC2_2"] = c
    h["CUNIT1"] = "deg"
    h["CUNIT2"] = "deg"
    if pv:
        for k, v in pv.items():
            h[k] = v
    h["RADESYS"] = radesys
    h["EQUINOX"] = 2000.0
    return h


def add_beam(h):
    h["BMAJ"] = BMAJ_DEG
    h["BMIN"] = BMIN_DEG
    h["BPA"] = BPA_DEG
    h["BUNIT"] = "Jy/beam"


def source_image(n, sources, seed, noise):
    rng = np.random.default_rng(seed)
    img = rng.normal(0.0, noise, size=(n, n)) if noise > 0 else np.zeros((n, n))
    abeam = beam_area_pix(BMAJ_DEG, BMIN_DEG, CELL_DEG)
    bmaj_pix, bmin_pix = BMAJ_DEG / CELL_DEG, BMIN_DEG / CELL_DEG
    out = []
    for s in sources:
        if s["kind"] == "point":
            # A point source of flux S convolved with the beam: peak S Jy/beam.
            img += gaussian(n, n, s["x"], s["y"], bmaj_pix, bmin_pix, BPA_DEG, s["flux"])
            out.append(dict(s))
        else:
            # Extended: intrinsic Gaussian convolved with the beam; amplitude chosen so that the
            # integral (sum over pixels / beam area) equals the flux.
            maj = math.hypot(s["maj_pix"], bmaj_pix)
            mnr = math.hypot(s["min_pix"], bmin_pix)
            amp = s["flux"] * abeam / (2 * math.pi * (maj / 2.3548200450309493) * (mnr / 2.3548200450309493))
            img += gaussian(n, n, s["x"], s["y"], maj, mnr, s.get("pa", 0.0), amp)
            out.append(dict(s, peak=amp, maj_conv_pix=maj, min_conv_pix=mnr))
    return img, out


def write(name, hdul):
    path = os.path.join(OUT, name)
    hdul.writeto(path, overwrite=True, output_verify="exception")
    return path


def sky_of(h, x, y):
    w = WCS(h).celestial
    ra, dec = w.wcs_pix2world([[x, y]], 0)[0]
    return float(ra), float(dec)


# ---- 1. point + extended sources on SIN and TAN grids -------------------------------------------
N = 128
SOURCES = [
    {"kind": "point", "x": 40.3, "y": 44.7, "flux": 0.0125},
    {"kind": "extended", "x": 84.2, "y": 80.9, "flux": 0.0450, "maj_pix": 14.0, "min_pix": 8.0, "pa": 30.0},
]
for proj, crval, use_cd, rot, name in [
    ("SIN", (121.9897, 4.5429), False, 0.0, "sources_sin.fits"),
    ("TAN", (141.2345, 14.7402), True, 12.0, "sources_tan.fits"),
]:
    h = celestial_header(proj, crval, N, (N / 2 + 1, N / 2 + 1), use_cd=use_cd, rot_deg=rot)
    add_beam(h)
    img, srcs = source_image(N, SOURCES, seed=1 if proj == "SIN" else 2, noise=0.0)
    for s in srcs:
        s["ra"], s["dec"] = sky_of(h, s["x"], s["y"])
    write(name, fits.HDUList([fits.PrimaryHDU(img.astype(np.float32), header=h)]))
    manifest[name] = {"sources": srcs, "beam_area_pix": beam_area_pix(BMAJ_DEG, BMIN_DEG, CELL_DEG)}

# ---- 2. SIN with PV2_1/PV2_2 (slant orthographic), near-pole and RA-wrap grids --------------------
h = celestial_header("SIN", (10.0, 33.0), 96, (40.5, 57.25), pv={"PV2_1": 0.0123, "PV2_2": -0.0345})
add_beam(h)
img, _ = source_image(96, [], seed=3, noise=0.001)
write("sin_pv.fits", fits.HDUList([fits.PrimaryHDU(img.astype(np.float32), header=h)]))

h = celestial_header("TAN", (359.9995, -87.5), 96, (48.0, 49.0), cell=2.0 / 3600, use_cd=True, rot_deg=-25.0, radesys="ICRS")
del h["EQUINOX"]
img, _ = source_image(96, [], seed=4, noise=0.001)
write("tan_pole.fits", fits.HDUList([fits.PrimaryHDU(img.astype(np.float32), header=h)]))

h = celestial_header("SIN", (0.0002, 0.0), 64, (33.0, 33.0), cell=1.0 / 3600)
h["LONPOLE"] = 180.0
img, _ = source_image(64, [], seed=5, noise=0.001)
write("sin_wrap.fits", fits.HDUList([fits.PrimaryHDU(img.astype(np.float64), header=h)]))

# ---- 3. 4-axis VLASS-like image ---------------------------------------------------------------
VL = "VLASS2.1.se.T12t13.J080757+043232.06.2048.v1.I.iter3.image.pbcor.tt0.subim.fits"
n4 = 100
h = fits.Header()
h["BSCALE"] = 1.0
h["BZERO"] = 0.0
h["BMAJ"] = BMAJ_DEG
h["BMIN"] = BMIN_DEG
h["BPA"] = BPA_DEG
h["BTYPE"] = "Intensity"
h["OBJECT"] = "T12t13"
h["BUNIT"] = "Jy/beam"
h["EQUINOX"] = 2000.0
h["RADESYS"] = "FK5"
h["LONPOLE"] = 180.0
h["LATPOLE"] = 4.542222222222
for i, (ct, cv, cd, cp, cu) in enumerate([
    ("RA---SIN", 121.98975, -CELL_DEG, 51.0, "deg"),
    ("DEC--SIN", 4.542222222222, CELL_DEG, 51.0, "deg"),
    ("FREQ", 2.987741489322e9, 2.0e9, 1.0, "Hz"),
    ("STOKES", 1.0, 1.0, 1.0, ""),
], start=1):
    h[f"CTYPE{i}"] = ct
    h[f"CRVAL{i}"] = cv
    h[f"CDELT{i}"] = cd
    h[f"CRPIX{i}"] = cp
    h[f"CUNIT{i}"] = cu
for i in range(1, 5):
    for j in range(1, 5):
        h[f"PC{i}_{j}"] = 1.0 if i == j else 0.0
h["PV2_1"] = 0.0
h["PV2_2"] = 0.0
h["RESTFRQ"] = 2.987741489322e9
h["SPECSYS"] = "LSRK"
h["TELESCOP"] = "VLA"
h["DATE-OBS"] = "2020-09-12T10:15:00.0"
src4 = [{"kind": "point", "x": 50.0, "y": 50.0, "flux": 0.0021}]
img, srcs = source_image(n4, src4 + [{"kind": "extended", "x": 30.5, "y": 66.0, "flux": 0.0075, "maj_pix": 10.0, "min_pix": 6.0, "pa": -20.0}], seed=6, noise=1.2e-4)
img[0:3, 0:5] = np.nan  # masked corner as pbcor images have
hc = h.copy()
for s in srcs:
    s["ra"], s["dec"] = sky_of(hc, s["x"], s["y"])
write(VL, fits.HDUList([fits.PrimaryHDU(img.astype(np.float32)[None, None, :, :], header=h)]))
# matching rms image: constant 1.2e-4 apart from a gradient so that "given rms image" is tested
rms = np.full((n4, n4), 1.2e-4) * (1.0 + 0.002 * np.arange(n4)[None, :])
write(VL.replace(".tt0.subim", ".tt0.rms.subim"), fits.HDUList([fits.PrimaryHDU(rms.astype(np.float32)[None, None, :, :], header=h)]))
manifest[VL] = {"sources": srcs, "beam_area_pix": beam_area_pix(BMAJ_DEG, BMIN_DEG, CELL_DEG),
                "freq_hz": 2.987741489322e9, "noise": 1.2e-4}

# ---- 4. the comparison pair: B is A's sky on a shifted, rotated, finer grid, 1% brighter ----------
A_h = celestial_header("SIN", (121.9897, 4.5429), 120, (60.5, 61.0))
add_beam(A_h)
wA = WCS(A_h)
B_h = celestial_header("SIN", (121.9899, 4.5431), 130, (66.25, 64.75), cell=0.55 / 3600, rot_deg=7.0)
add_beam(B_h)
wB = WCS(B_h)


def sky_model(ra, dec):
    """A smooth sky: sum of Gaussians in arcsec offsets from a centre (evaluated exactly on each grid)."""
    val = np.zeros_like(ra)
    for (r0, d0, f, sig) in [(121.9897, 4.5429, 0.010, 3.0), (121.9880, 4.5440, 0.004, 6.0), (121.9912, 4.5418, 0.002, 2.0)]:
        dx = (ra - r0) * math.cos(math.radians(d0)) * 3600
        dy = (dec - d0) * 3600
        val += f * np.exp(-0.5 * (dx * dx + dy * dy) / (sig * sig))
    return val


for name, h, w, n, scale in [("compare_a.fits", A_h, wA, 120, 1.0), ("compare_b.fits", B_h, wB, 130, 1.01)]:
    y, x = np.mgrid[0:n, 0:n]
    ra, dec = w.wcs_pix2world(x, y, 0)
    write(name, fits.HDUList([fits.PrimaryHDU((scale * sky_model(ra, dec)).astype(np.float32), header=h)]))

# ---- 5. BITPIX / BSCALE / BZERO / BLANK -----------------------------------------------------------
rng = np.random.default_rng(7)
bit_cases = {}
small = celestial_header("SIN", (200.0, -30.0), 8, (4.5, 4.5))
for bitpix, dtype, bscale, bzero, blank in [
    (8, np.uint8, 0.5, -10.0, 255),
    (16, np.int16, 0.001, 3.0, -32768),
    (32, np.int32, 1.0e-6, 0.0, -2147483648),
    (64, np.int64, 2.0, 5.0, -9223372036854775808),
    (-32, np.float32, None, None, None),
    (-64, np.float64, None, None, None),
]:
    shape = (6, 8)  # NAXIS2=6, NAXIS1=8: non-square so that axis order bugs show
    if bitpix > 0:
        info = np.iinfo(dtype)
        raw = rng.integers(max(info.min + 1, -100000), min(info.max - 1, 100000) if bitpix > 8 else 254, size=shape, endpoint=True).astype(dtype)
        raw[1, 2] = blank
        raw[0, 0] = info.max if bitpix != 8 else 254
        hdu = fits.PrimaryHDU(raw, header=small.copy())
        phys = raw.astype(np.float64) * bscale + bzero
        phys[1, 2] = np.nan
    else:
        raw = rng.normal(0, 1, size=shape).astype(dtype)
        raw[1, 2] = np.nan
        raw[5, 7] = -np.inf if bitpix == -64 else raw[5, 7]
        hdu = fits.PrimaryHDU(raw, header=small.copy())
        phys = raw.astype(np.float64)
    name = f"bitpix_{'m' if bitpix < 0 else ''}{abs(bitpix)}.fits"
    # write raw integers untouched (astropy would otherwise rescale on write)
    hdul = fits.HDUList([hdu])
    path = os.path.join(OUT, name)
    hdul.writeto(path, overwrite=True, output_verify="exception")
    if bitpix > 0:
        # add the scaling keywords afterwards so that astropy keeps the raw integers as written
        with fits.open(path, mode="update", do_not_scale_image_data=True) as f:
            f[0].header["BSCALE"] = bscale
            f[0].header["BZERO"] = bzero
            f[0].header["BLANK"] = blank
    # verify astropy reads back the physical values we claim
    with fits.open(path) as f:
        assert f[0].header["BITPIX"] == bitpix, (name, f[0].header["BITPIX"])
        back = f[0].data.astype(np.float64)
        assert np.allclose(np.nan_to_num(back, nan=1e300), np.nan_to_num(phys, nan=1e300), rtol=1e-6, atol=1e-6), name  # astropy scales to float32
    bit_cases[name] = {"bitpix": bitpix, "values": [[None if not np.isfinite(v) and np.isnan(v) else (str(v) if not np.isfinite(v) else float(v)) for v in row] for row in phys]}
manifest["bitpix"] = bit_cases

# BITPIX 16 with BZERO 32768 (unsigned 16-bit convention)
u = np.array([[0, 1, 32767, 32768, 65535, 12345]], dtype=np.uint16)
write("bitpix_u16.fits", fits.HDUList([fits.PrimaryHDU(u)]))
manifest["bitpix_u16.fits"] = {"values": [[float(v) for v in u[0]]]}

# ---- 6. CONTINUE long strings, image extensions ----------------------------------------------------
h = fits.Header()
long_text = "This is a long history-like string value that does not fit into one card and uses the CONTINUE convention; " * 3 + "it's quoted 'twice'."
h["LONGSTR"] = (long_text, "a long value")
h["SHORT"] = "plain"
h["EMPTYSTR"] = ""
h["INTVAL"] = 42
h["FLOATVAL"] = -1.25e-7
h["BOOLT"] = True
h["BOOLF"] = False
h["HIERARCH ESO DET NAME"] = "hierarch"
h["COMMENT"] = "a comment card"
h["HISTORY"] = "history card 1"
h["BLANKVAL"] = None
prim = fits.PrimaryHDU(header=h)
e1 = fits.ImageHDU(np.arange(12, dtype=np.int16).reshape(3, 4), name="FIRST")
e2 = fits.ImageHDU(np.linspace(-1, 1, 30).reshape(2, 3, 5).astype(np.float64), name="CUBE")
e1.header["LONGSTR"] = "ext " + "x" * 150
write("extensions.fits", fits.HDUList([prim, e1, e2]))
manifest["extensions.fits"] = {"LONGSTR": long_text, "ext1_long": "ext " + "x" * 150,
                               "FLOATVAL": -1.25e-7, "INTVAL": 42}

# ---- 7. region files (DS9 and CASA CRTF) on sources_sin.fits ----------------------------------------
hs = fits.getheader(os.path.join(OUT, "sources_sin.fits"))
ws = WCS(hs)
ext = manifest["sources_sin.fits"]["sources"][1]
poly_pix = [(ext["x"] - 19.3, ext["y"] - 15.1), (ext["x"] + 21.7, ext["y"] - 17.2), (ext["x"] + 23.9, ext["y"] + 20.3),
            (ext["x"] + 2.1, ext["y"] + 31.4), (ext["x"] - 20.6, ext["y"] + 18.8)]
poly_sky = [tuple(float(v) for v in ws.wcs_pix2world([[x, y]], 0)[0]) for x, y in poly_pix]
pt = manifest["sources_sin.fits"]["sources"][0]
with open(os.path.join(OUT, "regions.reg"), "w") as f:
    f.write("# Region file format: DS9 version 4.1\n")
    f.write('global color=green dashlist=8 3 width=1 font="helvetica 10 normal roman" select=1\n')
    f.write("fk5\n")
    f.write("polygon(" + ",".join(f"{r:.8f},{d:.8f}" for r, d in poly_sky) + ") # text={ext}\n")
    f.write(f'circle({pt["ra"]:.8f},{pt["dec"]:.8f},6.3") # text={{point}}\n')
    f.write(f'box({ext["ra"]:.8f},{ext["dec"]:.8f},30.1",24.7",20) # comment\n')
    f.write("-circle(0:00:00.0,+00:00:00,1\")\n")  # excluded shapes are skipped
with open(os.path.join(OUT, "regions.crtf"), "w") as f:
    f.write("#CRTFv0 CASA Region Text Format version 0\n")
    f.write("poly [" + ", ".join(f"[{r:.8f}deg, {d:.8f}deg]" for r, d in poly_sky) + "] coord=J2000, label='ext'\n")
    f.write(f"circle [[{pt['ra']:.8f}deg, {pt['dec']:.8f}deg], 6.3arcsec] coord=J2000\n")
    f.write(f"rotbox [[{ext['ra']:.8f}deg, {ext['dec']:.8f}deg], [30.1arcsec, 24.7arcsec], 20deg]\n")
manifest["regions"] = {"polygon_sky": poly_sky, "circle": [pt["ra"], pt["dec"], 6.3], "box": [ext["ra"], ext["dec"], 30.1, 24.7, 20.0]}

with open(os.path.join(OUT, "manifest.json"), "w") as f:
    json.dump(manifest, f, indent=1, sort_keys=True)
print("wrote", OUT)
