#!/usr/bin/env python3
"""The CJK radicals (U+2E80-U+2FDF) a PDF writes for the ideographs a simplified-Chinese font
draws with the same glyph (Chromium writes 部⻔ for 部门): each radical's glyph in Noto Sans CJK
SC, and the one unified ideograph mapped to that glyph. Prints `RADICAL IDEOGRAPH` rows (hex and
characters); src/import/chars.rs holds the supplement's rows (below U+2F00) and the Kangxi rows
whose NFKC differs from the ideograph drawn. Needs fontTools and fonts-noto-cjk."""
from fontTools.ttLib import TTCollection
import unicodedata, sys
ttc = TTCollection('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')
font = None
for f in ttc.fonts:
    name = f['name'].getDebugName(1)
    if name.endswith('SC'):
        font = f; break
print(font['name'].getDebugName(1), file=sys.stderr)
cmap = font.getBestCmap()
by_glyph = {}
for cp, g in cmap.items():
    if 0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF:
        by_glyph.setdefault(g, []).append(cp)
out = []
for cp in list(range(0x2E80, 0x2F00)) + list(range(0x2F00, 0x2FE0)):
    g = cmap.get(cp)
    if g is None: continue
    ideos = by_glyph.get(g, [])
    nfkc = unicodedata.normalize('NFKC', chr(cp))
    if len(ideos) == 1:
        out.append((cp, ideos[0], nfkc))
    elif len(ideos) > 1:
        print('multi', hex(cp), [chr(i) for i in ideos], file=sys.stderr)
    else:
        if nfkc != chr(cp):
            print('nfkc only', chr(cp), hex(cp), nfkc, file=sys.stderr)
diff = [(hex(a), chr(a), chr(b), n) for a, b, n in out if len(n)==1 and n != chr(b) and n != chr(a)]
print(len(out), 'mapped; differing from NFKC:', diff, file=sys.stderr)
for a,b,n in out:
    print(f"{a:04X} {b:04X} {chr(a)} {chr(b)}")
