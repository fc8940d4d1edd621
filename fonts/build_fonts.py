#!/usr/bin/env python3
"""Make paiban's bundled fonts from Debian's fonts-noto-cjk (see PROVENANCE.md).

For each face: pick the SC face out of the TTC, subset it to the ranges below with the
East-Asian spacing features, convert the CFF outlines to TrueType quadratics (cu2qu), rename the
family so nobody mistakes the subset for the full font, verify the result and write
PROVENANCE.md. Same inputs and fontTools version give the same bytes.
"""

import hashlib
import os
import subprocess
import sys

import fontTools
from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

DEB_PACKAGE = "fonts-noto-cjk"
SRC_DIR = "/usr/share/fonts/opentype/noto"

# (output file, source TTC, expected face name, new family, style, weight, cu2qu tolerance)
# The tolerance is the largest distance, in font units (1000 per em), between a CFF curve and
# its TrueType approximation. The body face is read at 9–16 pt: 6 units is 0.06 pt at 10.5 pt
# (0.02 mm, under a third of what the eye resolves at reading distance) and keeps the sample's
# PDF under 200 KB. The Hei face sets mastheads and headlines up to 36 pt: 3 units, 0.1 pt there.
# (fontmake's default is 1 unit: the sample's serif glyphs are 10 % larger at 3, 14 % at 6.)
FACES = [
    ("NotoSerifSC-Regular-subset.ttf", "NotoSerifCJK-Regular.ttc",
     "Noto Serif CJK SC", "Noto Serif SC Paiban", "Regular", 400, 6.0),
    ("NotoSansSC-Bold-subset.ttf", "NotoSansCJK-Bold.ttc",
     "Noto Sans CJK SC", "Noto Sans SC Paiban", "Bold", 700, 3.0),
]

RANGES = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x2000, 0x206F),  # General Punctuation
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
]
# East-Asian width "ambiguous" marks Chinese text needs from the CJK face (docs/typography.md §1).
MUST_HAVE = "“”‘’·—…―、，。：；！？（）《》"
# Horizontal kerning and the CJK spacing features text-spacing-trim relies on. No vertical
# (vert/vrt2/vhal/vpal/vkrn), locale (locl), width-variant (fwid/hwid/pwid) or ligature
# features: they only pull in glyphs paiban never asks for. `chws` is kept if present (these
# Noto versions have none; browsers then fall back to `halt`).
FEATURES = ["kern", "halt", "palt", "chws"]


def find_face(path, want):
    coll = TTCollection(path, lazy=True)
    for i, f in enumerate(coll.fonts):
        if f["name"].getDebugName(1) == want:
            return i
    sys.exit(f"{path}: no face named {want!r}")


def subset_face(font):
    opts = subset.Options()
    opts.layout_features = FEATURES
    opts.layout_scripts = ["*"]
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.hinting = False
    opts.desubroutinize = True
    opts.notdef_outline = True
    opts.glyph_names = False
    opts.drop_tables += ["vhea", "vmtx", "VORG", "DSIG"]
    unicodes = [u for lo, hi in RANGES for u in range(lo, hi + 1)]
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=unicodes)
    sub.subset(font)


def cff_to_glyf(font, max_err):
    order = font.getGlyphOrder()
    glyphset = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        # CFF contours run counter-clockwise, TrueType ones clockwise: reverse.
        glyphset[name].draw(Cu2QuPen(pen, max_err, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    del font["CFF "]
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    glyf.compile(font)  # computes bounding boxes
    hmtx = font["hmtx"]
    for name in order:  # TrueType wants lsb == xMin
        adv, _ = hmtx[name]
        hmtx[name] = (adv, getattr(glyf[name], "xMin", 0))
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000  # TrueType maxp; the point/contour maxima are recomputed on save
    maxp.maxZones = 1
    for attr in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxPoints", "maxContours",
                 "maxCompositePoints", "maxCompositeContours", "maxComponentElements",
                 "maxComponentDepth"):
        setattr(maxp, attr, 0)
    post = font["post"]
    post.formatType = 3.0  # CID fonts have no useful glyph names
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def rename(font, family, style, version_note):
    name = font["name"]
    ps_family = family.replace(" ", "")
    old_version = name.getDebugName(5).split(";")[0]  # "Version 2.001"
    name.names = [r for r in name.names if r.nameID not in (1, 2, 3, 4, 5, 6, 10, 16, 17)]
    for nid, text in {
        1: family,
        2: style,
        3: f"{old_version.removeprefix('Version ')};paiban;{ps_family}-{style}",
        4: f"{family} {style}",
        5: f"{old_version}; {version_note}",
        6: f"{ps_family}-{style}",
        10: version_note + ". Modified Version under the SIL Open Font License 1.1.",
    }.items():
        name.setName(text, nid, 3, 1, 0x409)


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def verify(path, source_cmap, family, weight):
    font = TTFont(path)
    assert "glyf" in font and "CFF " not in font, f"{path}: not TrueType outlines"
    assert font.sfntVersion == "\x00\x01\x00\x00"
    for table in ("cmap", "hmtx", "hhea", "OS/2", "post", "name", "loca", "GSUB", "GPOS"):
        assert table in font, f"{path}: no {table}"
    cmap = font.getBestCmap()
    want = {u for lo, hi in RANGES for u in range(lo, hi + 1) if u in source_cmap}
    missing = want - set(cmap)
    assert not missing, f"{path}: cmap lost {len(missing)} code points, e.g. {sorted(missing)[:5]}"
    extra = set(cmap) - want
    assert not extra, f"{path}: cmap has code points outside the ranges: {sorted(extra)[:5]}"
    for ch in MUST_HAVE:
        assert ord(ch) in cmap, f"{path}: {ch} U+{ord(ch):04X} not in cmap"
    gpos = {r.FeatureTag for r in font["GPOS"].table.FeatureList.FeatureRecord}
    for tag in ("halt", "palt", "kern"):
        assert tag in gpos, f"{path}: GPOS has no {tag}"
    assert font["name"].getDebugName(1) == family
    assert font["OS/2"].usWeightClass == weight
    # Every drawn Han glyph really has an outline after the conversion.
    glyf = font["glyf"]
    for u in (0x4E00, 0x6C11, 0x9F99):
        if u in cmap:
            assert glyf[cmap[u]].numberOfContours > 0, f"{path}: empty U+{u:04X}"
    return {
        "glyphs": font["maxp"].numGlyphs,
        "codepoints": len(cmap),
        "han": sum(1 for u in cmap if 0x4E00 <= u <= 0x9FFF),
        "gsub": sorted({r.FeatureTag for r in font["GSUB"].table.FeatureList.FeatureRecord}),
        "gpos": sorted(gpos),
        "tables": sorted(t for t in font.keys() if t != "GlyphOrder"),
    }


def deb_version():
    out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", DEB_PACKAGE],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


def main():
    out_dir = os.path.dirname(os.path.abspath(__file__))
    version = deb_version()
    note = f"paiban subset of Debian {DEB_PACKAGE} {version}, TrueType outlines (fontTools {fontTools.version} cu2qu)"
    rows = []
    for out_name, ttc, face_name, family, style, weight, max_err in FACES:
        src = os.path.join(SRC_DIR, ttc)
        index = find_face(src, face_name)
        font = TTFont(src, fontNumber=index, recalcTimestamp=False)
        source_cmap = set(font.getBestCmap())
        source_version = font["name"].getDebugName(5)
        print(f"{out_name}: {src} face {index} ({face_name}, {source_version})", flush=True)
        subset_face(font)
        cff_to_glyf(font, max_err)
        rename(font, family, style, note)
        out = os.path.join(out_dir, out_name)
        font.save(out)
        info = verify(out, source_cmap, family, weight)
        size = os.path.getsize(out)
        digest = sha256(out)
        print(f"  {size} bytes, sha256 {digest}, {info['glyphs']} glyphs, {info['codepoints']} code points",
              flush=True)
        rows.append((out_name, src, index, face_name, source_version, family, style, weight, size, digest, info, max_err))
    write_provenance(out_dir, version, rows)
    write_ofl(out_dir, rows)


def write_ofl(out_dir, rows):
    """OFL.txt: the faces' own copyright notices, then the licence text from Debian's copyright."""
    with open(f"/usr/share/doc/{DEB_PACKAGE}/copyright") as f:
        text = f.read()
    body = text.split("License: SIL-1.1\n", 2)[2]  # the stand-alone licence paragraph
    licence = []
    for line in body.splitlines():
        if line and not line.startswith(" "):
            break
        licence.append("" if line.strip() == "." else line[1:])
    head = ["The fonts in this folder are Modified Versions of Noto CJK, made by build_fonts.py:", ""]
    for (out_name, _src, _index, face_name, _sver, family, *_rest) in rows:
        font = TTFont(os.path.join(out_dir, out_name), lazy=True)
        head.append(f"{out_name} ({family}, from {face_name}):")
        head.append(f"  Copyright {font['name'].getDebugName(0)}")
        head.append(f"  {font['name'].getDebugName(7)}")
    head += ["", "This Font Software is licensed under the SIL Open Font License, Version 1.1.",
             f"The licence text below is copied from Debian's /usr/share/doc/{DEB_PACKAGE}/copyright.", ""]
    with open(os.path.join(out_dir, "OFL.txt"), "w") as f:
        f.write("\n".join(head + licence).rstrip() + "\n")


def write_provenance(out_dir, version, rows):
    total = sum(r[8] for r in rows)
    lines = [
        "# Provenance of the bundled fonts",
        "",
        "Generated by `fonts/build-fonts.sh` (which runs `fonts/build_fonts.py`); do not edit by hand.",
        "",
        f"- Debian package: `{DEB_PACKAGE}` version `{version}` (bookworm, SIL OFL 1.1; licence in `OFL.txt`)",
        f"- fontTools: {fontTools.version} (pip, pinned in `build-fonts.sh`); Python {sys.version.split()[0]}",
        "- Ranges kept: " + ", ".join(f"U+{lo:04X}–{hi:04X}" for lo, hi in RANGES),
        f"- Layout features kept (where present): {', '.join(FEATURES)}; all scripts; hinting dropped",
        "  (CFF hints do not survive the conversion); tables dropped: vhea, vmtx, VORG, DSIG",
        "- Outlines: CFF → TrueType quadratic with cu2qu, max error per face (below) in units of 1/1000 em,",
        "  contours reversed to TrueType direction; `post` format 3 (no glyph names)",
        "- Names: family renamed so the subset is never mistaken for the full Noto CJK font (Noto has",
        "  no Reserved Font Name; OFL §3 would allow the old name, but a distinct one is clearer);",
        "  copyright (0), trademark (7) and licence (13, 14) records kept; description (10) says what changed",
        "",
        "Steps (`build-fonts.sh`): install `fonts-noto-cjk` with apt and fontTools with pip (in a venv);",
        "then for each face `build_fonts.py` opens the TTC face whose family is the SC one (index below),",
        "subsets it with `fontTools.subset` (options above, `.notdef` outline kept), draws every glyph",
        "through `Cu2QuPen` into `TTGlyphPen` to build `glyf`/`loca`, sets `lsb = xMin`, `maxp` 1.0,",
        "`post` 3.0, renames, saves without touching `head.modified` (so the bytes are reproducible),",
        "and re-opens the file to check: `glyf` outlines and no `CFF `; `cmap` equals the source `cmap`",
        f"restricted to the ranges; `{MUST_HAVE}` mapped; GPOS has halt, palt and kern; family and weight.",
        "",
        "Faces: the body face is the Song/Ming serif. The headline/dateline face is Noto *Sans* CJK SC",
        "Bold (黑体), not Serif Bold: Chinese papers set datelines (电头) and most headlines in Hei",
        "(docs/typography.md §6: headlines in Hei or bold Song, the dateline in Hei); Hei stays distinct from the body",
        "Song at 9–10.5 pt where a bold Song does not; and it is smaller (6.7 MB; Serif Bold through",
        "the same steps is 9,441,004 bytes).",
        "",
        "| file | source (face index in TTC) | source version | family / style / weight | cu2qu max error | bytes | SHA-256 |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for (out_name, src, index, face_name, sver, family, style, weight, size, digest, _i, err) in rows:
        lines.append(f"| `{out_name}` | `{src}` face {index} ({face_name}) | {sver} | "
                     f"{family} / {style} / {weight} | {err:g} | {size} | `{digest}` |")
    lines += ["", f"Total: {total} bytes ({total / 1e6:.1f} MB).", "", "Contents:", ""]
    for (out_name, *_rest, info, _err) in rows:
        lines.append(f"- `{out_name}`: {info['glyphs']} glyphs, {info['codepoints']} code points "
                     f"({info['han']} Han); GSUB {', '.join(info['gsub']) or '—'}; "
                     f"GPOS {', '.join(info['gpos'])}; tables {', '.join(info['tables'])}")
    lines.append("")
    with open(os.path.join(out_dir, "PROVENANCE.md"), "w") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    main()
