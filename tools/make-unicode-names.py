#!/usr/bin/python3
"""Writes src/VlassPS.Core/Seip/UnicodeNames.txt.gz: every name Python's \\N{...} escape accepts (character names
and formal aliases, as this Python's unicodedata knows them), so that VlassPS reads SEIP lists as literal_eval does.
Each entry is checked by decoding '\\N{name}' with Python itself. Algorithmic names are not listed: the reader
computes HANGUL SYLLABLE names and takes the CJK UNIFIED IDEOGRAPH ranges written here as 'CJK;first;last'.
Aliases come from the unicode-data package's NameAliases.txt (apt-get install unicode-data); only those this Python
accepts are kept. Usage: tools/make-unicode-names.py [NameAliases.txt]"""
import codecs
import gzip
import os
import sys
import unicodedata


def accepted(name):
    try:
        return codecs.decode('\\N{%s}' % name, 'unicode_escape')
    except UnicodeDecodeError:
        return None


def main():
    aliases_path = sys.argv[1] if len(sys.argv) > 1 else '/usr/share/unicode/NameAliases.txt'
    lines = ['# Python %s, Unicode %s' % (sys.version.split()[0], unicodedata.unidata_version)]
    cjk = []
    for cp in range(0x110000):
        name = unicodedata.name(chr(cp), '')
        if not name or name.startswith('HANGUL SYLLABLE '):
            continue
        if name.startswith('CJK UNIFIED IDEOGRAPH-'):
            if cjk and cjk[-1][1] == cp - 1:
                cjk[-1][1] = cp
            else:
                cjk.append([cp, cp])
            continue
        if accepted(name) == chr(cp):
            lines.append('%X;%s' % (cp, name))
    for first, last in cjk:
        lines.append('CJK;%X;%X' % (first, last))
    for raw in open(aliases_path, encoding='utf-8'):
        raw = raw.split('#')[0].strip()
        if not raw:
            continue
        cp, alias, _ = raw.split(';')
        if accepted(alias) == chr(int(cp, 16)):
            lines.append('%s;%s' % (cp.lstrip('0') or '0', alias))
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src', 'VlassPS.Core', 'Seip', 'UnicodeNames.txt.gz')
    with open(out, 'wb') as f, gzip.GzipFile(fileobj=f, mode='wb', compresslevel=9, mtime=0, filename='') as g:
        g.write(('\n'.join(lines) + '\n').encode('ascii'))
    print('%d entries, %d CJK ranges -> %s' % (len(lines) - 1, len(cjk), out))


if __name__ == '__main__':
    main()
