#!/usr/bin/env python3
"""The article model `paiban inspect` prints (stdin) as a Typst document (stdout) set like the
`newspaper` template: A4, margins 25/22 mm, 10.5 pt Song body with a 2-em indent, justified,
leading 1.7 x size, headlines in bold Hei, a running head and page numbers. For the peer
benchmark only: typst gets the same text and font as paiban."""

import json
import sys

SERIF = "Noto Serif SC Paiban"
SANS = "Noto Sans SC Paiban"


def s(text):
    """A Typst string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def runs(rs):
    return " + ".join(s(r.get("text", "")) for r in rs) or '""'


def block(b, out):
    kind = b.get("type")
    if kind in ("paragraph", "subheading"):
        out.append(f"#par({runs(b['runs'])})")
    elif kind == "quote":
        for p in b.get("paragraphs", []):
            out.append(f"#par({runs(p['runs'])})")
    elif kind == "list":
        for it in b.get("items", []):
            out.append(f"#par({runs(it['runs'])})")


def main():
    doc = json.load(sys.stdin)
    meta = doc["meta"]
    out = [
        f"#set document(title: {s(meta['title'])})",
        '#set page("a4", margin: (top: 25mm, bottom: 25mm, x: 22mm),',
        f"  header: align(center, text(size: 9pt, {s(meta['title'])} + \"　\" + {s(meta.get('date') or '')})),",
        '  footer: context align(center, text(size: 9pt, "第 " + counter(page).display() + " 页")))',
        f'#set text(font: "{SERIF}", size: 10.5pt, lang: "zh", region: "cn")',
        "#set par(justify: true, leading: 0.7 * 10.5pt, first-line-indent: (amount: 2em, all: true))",
        "",
    ]
    for a in doc["articles"]:
        h = a.get("headline") or {}
        if h.get("kicker"):
            out.append(f'#align(center, text(font: "{SERIF}", size: 16pt, {s(h["kicker"])}))')
        if h.get("headline"):
            out.append(
                f'#align(center, text(font: "{SANS}", weight: "bold", size: 22pt, {s(h["headline"])}))'
            )
        if h.get("subtitle"):
            out.append(f'#align(center, text(font: "{SERIF}", size: 16pt, {s(h["subtitle"])}))')
        body = []
        for b in a.get("body", []):
            block(b, body)
        d = a.get("dateline")
        if d and body:
            body[0] = body[0].replace(
                "#par(", f'#par(text(font: "{SANS}", weight: "bold", {s(d["text"])}) + "　" + ', 1
            )
        out.extend(body)
        by = a.get("byline")
        if by:
            names = "　".join(
                " ".join(filter(None, [c.get("organisation"), c.get("role"), " ".join(c.get("names", []))]))
                for c in by.get("credits", [])
            )
            out.append(f"#align(right, {s('（' + names + '）')})")
        out.append("#v(2em)")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
