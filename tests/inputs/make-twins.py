#!/usr/bin/env python3
"""Writes the bundled sample's twins, the same issue in the shapes editors receive it in:

- dongchangfu-2022-09-wps-paste.txt: pasted from WPS or Word. One line per paragraph, each indented with two
  U+3000, headlines and bylines flush left, a blank line between articles only.
- dongchangfu-2022-09-wps-paste-gb18030.txt: the same saved as GB18030 with CRLF line ends.
- dongchangfu-2022-09-plain.txt: the Markdown without `#` marks (bare headline lines, blank-line paragraphs).

tests/reader.rs reads each and asserts the same articles, headlines and paragraphs as the
Markdown sample. Run from the repository root after the sample changes:
    python3 tests/inputs/make-twins.py
"""
import pathlib

root = pathlib.Path(__file__).resolve().parents[2]
sample = (root / "samples/dongchangfu-2022-09.md").read_text(encoding="utf-8")
blocks = [b.strip() for b in sample.split("\n\n") if b.strip()]

wps, plain = [], []
for b in blocks:
    heading = b.startswith("#")
    text = b.lstrip("#").strip()
    # A new article starts at a `##` line that does not follow another heading.
    if b.startswith("## ") and wps and not wps[-1].startswith(("#", "\x00")):
        wps.append("")
    flush = heading or text.startswith("(")
    wps.append(("\x00" if heading else "") + (text if flush else "\u3000\u3000" + text))
    plain.append(text)

wps_text = "\n".join(line.lstrip("\x00") for line in wps) + "\n"
out = root / "tests/inputs"
(out / "dongchangfu-2022-09-wps-paste.txt").write_text(wps_text, encoding="utf-8")
(out / "dongchangfu-2022-09-wps-paste-gb18030.txt").write_bytes(
    wps_text.replace("\n", "\r\n").encode("gb18030")
)
(out / "dongchangfu-2022-09-plain.txt").write_text("\n\n".join(plain) + "\n", encoding="utf-8")
