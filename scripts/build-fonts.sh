#!/usr/bin/env bash
# Rebuild the bundled open fallback fonts in fonts/open/ from Debian packages.
#
# Needs: apt-get (Debian/Ubuntu sources), dpkg-deb, and fontTools for Python 3
# (Debian: apt-get install -y python3-fonttools). Nothing is installed system-wide:
# each .deb is downloaded once into $FONT_DEB_DIR and unpacked into a temp dir.
# The output is deterministic: the same packages give the same bytes.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
FINAL="$ROOT/fonts/open"
DEBS="${FONT_DEB_DIR:-/tmp/fontdebs}"
PKGS=(texlive-lang-chinese fonts-arphic-gkai00mp fonts-noto-cjk fonts-noto-cjk-extra fonts-liberation)

# fontTools: prefer Debian's python3 (python3-fonttools), else whatever python3 has it.
PY=""
for cand in "${PYTHON:-}" /usr/bin/python3 python3; do
  [ -n "$cand" ] || continue
  if "$cand" -c 'import fontTools.subset' 2>/dev/null; then PY="$cand"; break; fi
done
if [ -z "$PY" ]; then
  echo "build-fonts: fontTools not found; run: apt-get install -y python3-fonttools" >&2
  exit 1
fi

mkdir -p "$DEBS" "$FINAL"
for pkg in "${PKGS[@]}"; do
  if ! ls "$DEBS/${pkg}_"*.deb >/dev/null 2>&1; then
    (cd "$DEBS" && apt-get download "$pkg")
  fi
done

WORK="$(mktemp -d)"
# Output is staged beside fonts/open (same file system) and renamed into place file by file,
# so tests or builds running meanwhile never see a missing or half-written font.
OUT="$ROOT/fonts/.open-staging.tmp"
rm -rf "$OUT" && mkdir -p "$OUT"
trap 'rm -rf "$WORK" "$OUT"' EXIT
for pkg in "${PKGS[@]}"; do
  dpkg-deb -x "$(ls "$DEBS/${pkg}_"*.deb | head -n1)" "$WORK/x"
done
X="$WORK/x"
NOTO="$X/usr/share/fonts/opentype/noto"
FANDOL="$X/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"

# Character set for the Noto cuts: every character GBK encodes (GB2312 plus the rest of
# GBK's hanzi and symbols), ASCII, Latin-1, general punctuation, CJK symbols and
# full-width forms, so any report a township writes in GBK-era software is covered.
"$PY" - "$WORK/unicodes.txt" <<'PY'
import sys
cps = set()
for lead in range(0x81, 0xFF):
    for trail in list(range(0x40, 0x7F)) + list(range(0x80, 0xFF)):
        # Python's gbk codec maps 80 cells (e.g. FE50–FEA0) to the private use area; GB18030
        # maps them to real characters (CJK radicals, Ext. A), as iconv-lite and Windows do.
        for codec in ('gbk', 'gb18030'):
            try:
                s = bytes([lead, trail]).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(s) == 1 and not (0xE000 <= ord(s) <= 0xF8FF):  # skip user-defined (PUA) cells
                cps.add(ord(s))
ranges = [(0x20, 0x7E), (0xA0, 0xFF), (0x2010, 0x2027), (0x2030, 0x203B), (0x3000, 0x303F), (0xFF01, 0xFF5E), (0xFFE0, 0xFFE6)]
for lo, hi in ranges:
    cps.update(range(lo, hi + 1))
# Punctuation official documents use, listed explicitly so the intent is visible.
cps.update(ord(c) for c in '〔〕【】《》〈〉“”‘’—―…·、・℃№')
with open(sys.argv[1], 'w') as f:
    f.write('\n'.join('U+%04X' % c for c in sorted(cps)) + '\n')
print('build-fonts: %d code points in the subset list' % len(cps), file=sys.stderr)
PY

# Cut the Simplified Chinese face out of a Noto CJK collection, keeping glyph names and the
# cmap (text extraction) and only the features a horizontal/vertical 公文 needs: the default
# feature list (locl, ccmp, fwid…) pulls in every JP/KR/TC variant and doubles the size.
# Hinting is dropped (PDF viewers and print do not need it); subroutines are kept (smaller).
# The faces of a collection share one CFF table named after the JP face; it is renamed after
# the SC face so PDFs made from the cut (e.g. by LibreOffice) name the font they embed.
cut_sc() { # <collection> <postscript name> <output>
  "$PY" - "$1" "$2" "$3" "$WORK/unicodes.txt" <<'PY'
import sys
from fontTools import subset
from fontTools.ttLib import TTCollection
ttc, ps, out, unicodes_file = sys.argv[1:]
faces = [f['name'].getDebugName(6) for f in TTCollection(ttc, lazy=True).fonts]
if ps not in faces:
    sys.exit('face %s not in %s' % (ps, ttc))
opts = subset.Options()
opts.parse_opts(['--layout-features=kern,halt,palt,vert,vrt2', '--glyph-names', '--name-IDs=*',
                 '--name-languages=*', '--notdef-outline', '--no-hinting',
                 '--font-number=%d' % faces.index(ps)])
font = subset.load_font(ttc, opts)
with open(unicodes_file) as f:
    unicodes = [int(line.strip()[2:], 16) for line in f if line.strip()]
sub = subset.Subsetter(opts)
sub.populate(unicodes=unicodes)
sub.subset(font)
cff = font['CFF '].cff
old = cff.fontNames[0]
cff.fontNames[0] = ps
top = cff.topDictIndex[0]
top.FullName = font['name'].getDebugName(4)
top.FamilyName = font['name'].getDebugName(1)
for fd in getattr(top, 'FDArray', []):
    if hasattr(fd, 'FontName'):
        fd.FontName = fd.FontName.replace(old, ps)
subset.save_font(font, out, opts)
PY
  echo "build-fonts: $(basename "$3") $(du -h "$3" | cut -f1)" >&2
}

cut_sc "$NOTO/NotoSansCJK-Regular.ttc" NotoSansCJKsc-Regular "$OUT/NotoSansCJKsc-Regular.subset.otf"
cut_sc "$NOTO/NotoSerifCJK-Regular.ttc" NotoSerifCJKsc-Regular "$OUT/NotoSerifCJKsc-Regular.subset.otf"
if [ -f "$NOTO/NotoSerifCJK-Black.ttc" ]; then
  cut_sc "$NOTO/NotoSerifCJK-Black.ttc" NotoSerifCJKsc-Black "$OUT/NotoSerifCJKsc-Black.subset.otf"
else
  cut_sc "$NOTO/NotoSerifCJK-Bold.ttc" NotoSerifCJKsc-Bold "$OUT/NotoSerifCJKsc-Bold.subset.otf"
fi

# These are already GB2312-sized or Latin-only: copied unaltered.
cp "$FANDOL/FandolFang-Regular.otf" "$OUT/"
cp "$X/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf" "$OUT/"
cp "$X/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf" "$OUT/"
cp "$X/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf" "$OUT/"
chmod 644 "$OUT"/*.otf "$OUT"/*.ttf

# Licence texts, one per font family, taken from the same packages.
L="$OUT/LICENSES"
mkdir -p "$L"
DOC="$X/usr/share/doc"
cp "$DOC/texlive-doc/fonts/fandol/README" "$L/Fandol-README.txt"
zcat "$DOC/texlive-doc/fonts/fandol/COPYING.gz" > "$L/Fandol-COPYING-GPL3.txt"
zcat "$DOC/fonts-arphic-gkai00mp/license/english/ARPHICPL.TXT.gz" > "$L/ARPHICPL.txt"
iconv -f GB2312 -t UTF-8 "$DOC/fonts-arphic-gkai00mp/license/gb/ARPHICPL.TXT" > "$L/ARPHICPL-zh.txt"
cp "$DOC/fonts-noto-cjk/copyright" "$L/NotoCJK-copyright-OFL.txt"
cp "$DOC/fonts-liberation/copyright" "$L/Liberation-copyright.txt"
chmod 644 "$L"/*

# Move into place (rename, same file system), then drop fonts or licence files that an earlier
# build made and this one no longer does (e.g. the Bold cut once Black is available).
mkdir -p "$FINAL/LICENSES"
built=()
for f in "$OUT"/*.otf "$OUT"/*.ttf "$OUT"/LICENSES/*; do
  rel="${f#"$OUT"/}"
  built+=("$rel")
  mv -f "$f" "$FINAL/$rel"
done
for f in "$FINAL"/*.otf "$FINAL"/*.ttf "$FINAL"/LICENSES/*; do
  [ -e "$f" ] || continue
  rel="${f#"$FINAL"/}"
  keep=no
  for b in "${built[@]}"; do [ "$b" = "$rel" ] && keep=yes && break; done
  [ "$keep" = yes ] || rm -f "$f"
done
du -sh "$FINAL" >&2
