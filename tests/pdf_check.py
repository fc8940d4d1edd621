#!/usr/bin/env python3
"""Check a paiban PDF with poppler and qpdf against the article model.

    paiban inspect SOURCE > model.json
    paiban build SOURCE --to pdf -o DIR
    python3 tests/pdf_check.py DIR/SOURCE.pdf model.json [--pdfa]

- `pdftotext` of the PDF, with line breaks, running heads, page numbers and U+3000 removed,
  contains every body paragraph of the model exactly, in order (the dateline is printed before the first paragraph; the paragraph's own
  text follows it unchanged).
- `qpdf --check` reports no errors.
- `pdffonts` lists only embedded subset fonts.
- With --pdfa: the XMP carries the PDF/A-2 identification and the file has an sRGB output intent.
Prints what it found; exit status 0 when everything holds, 1 otherwise.
"""

import json
import re
import subprocess
import sys


def run(*cmd):
    return subprocess.run(cmd, capture_output=True, text=True)


def main():
    pdf, model_path = sys.argv[1], sys.argv[2]
    pdfa = "--pdfa" in sys.argv[3:]
    model = json.load(open(model_path, encoding="utf-8"))
    problems = []

    text = run("pdftotext", "-enc", "UTF-8", pdf, "-").stdout
    # Running heads and feet stand between the halves of a paragraph that crosses a page: drop
    # page-number lines and lines made only of the running head's fields (title, date,
    # publisher), however the reader split them.
    meta = model["meta"]
    fields = [meta.get("title") or "", meta.get("publisher") or "", meta.get("date") or ""]
    if meta.get("date"):
        parts = [int(p) for p in meta["date"].split("-")]
        fields.append("".join(f"{v}{u}" for v, u in zip(parts, "年月日")))
    fields = sorted((f for f in fields if f), key=len, reverse=True)
    number = re.compile(r"^(第 ?\d+ ?页|— ?\d+ ?—|\d+)$")

    def running(line):
        rest = line.strip("\f ")
        for f in fields:
            rest = rest.replace(f, "")
        return not rest.strip(" \u3000\f")

    # A page number can also end up on the line of the page's last body line.
    trailing_number = re.compile(r"\s*(第 \d+ 页|— \d+ —)\s*$")
    kept = [
        trailing_number.sub("", line)
        for line in text.replace("\f", "\n").split("\n")
        if not number.match(line.strip("\f ")) and not running(line)
    ]
    # U+3000 (the dateline's and phrases' one-em gap) is white space to poppler: it prints
    # none and may start a new text block there. Compare without it.
    flat = re.sub(r"[\n\f\u3000]", "", "\n".join(kept))
    # poppler prints a widened (justified) word space as two: compare spaces as one.
    flat = re.sub(r" {2,}", " ", flat)
    pos = 0
    paragraphs = 0
    def labelled(where, entries):
        # A line of entries is one group: every entry must be there, in any order. poppler
        # takes the one-em gap between entries for a column gap, so when the entries wrap it
        # reads the left column's entries before the right one's.
        return [(where, [f"{e['label']}：{e['value']}" for e in entries])] if entries else []

    for n, article in enumerate(model["articles"], 1):
        # Release metadata before the body and credits after it.
        wanted = labelled("release", article.get("release", []))
        for b, block in enumerate(article["body"], 1):
            items = block.get("runs") and [block] or block.get("paragraphs") or block.get("items") or []
            wanted += [(f"paragraph {b}", ["".join(r["text"] for r in p["runs"])]) for p in items]
        wanted += labelled("credits", article.get("credits", []))
        for where, group in wanted:
            end = pos
            for want in group:
                want = re.sub(r" {2,}", " ", want.replace("\u3000", ""))
                found = flat.find(want, pos)
                if found < 0:
                    problems.append(f"article {n}, {where}: not found in order: {want[:40]}…")
                else:
                    end = max(end, found + len(want))
                    paragraphs += 1
            pos = end
    print(f"pdftotext: {paragraphs} paragraphs found in order")

    check = run("qpdf", "--check", pdf)
    if check.returncode != 0:
        problems.append("qpdf --check: " + (check.stdout + check.stderr).strip().splitlines()[-1])
    else:
        print("qpdf --check: " + check.stdout.strip().splitlines()[-1])

    fonts = run("pdffonts", pdf).stdout.strip().splitlines()[2:]
    for line in fonts:
        cols = line.split()
        name, emb, sub = cols[0], cols[-5], cols[-4]
        if emb != "yes" or sub != "yes" or not re.match(r"^[A-Z]{6}\+", name):
            problems.append(f"pdffonts: not an embedded subset: {line}")
    print(f"pdffonts: {len(fonts)} fonts, all embedded subsets" if fonts else "pdffonts: no fonts")
    if not fonts:
        problems.append("pdffonts: no fonts")

    if pdfa:
        data = open(pdf, "rb").read()
        if not re.search(rb'pdfaid:part(>|=")2', data):
            problems.append("no PDF/A-2 part in XMP")
        if not re.search(rb'pdfaid:conformance(>|=")B', data):
            problems.append("no PDF/A conformance B in XMP")
        if b"/OutputIntents" not in data or b"sRGB" not in data:
            problems.append("no sRGB output intent")
        if not problems:
            print("PDF/A-2b: XMP identification and sRGB output intent present")

    for p in problems:
        print("problem:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
