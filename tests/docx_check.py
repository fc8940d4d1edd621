#!/usr/bin/env python3
"""Read a paiban DOCX back with python-docx and compare it with the article model.

    paiban inspect SOURCE > model.json
    paiban build SOURCE --to docx -o DIR
    python3 tests/docx_check.py DIR/SOURCE.docx model.json

Checks that every paragraph has the style of its role (issue title, kicker, headline,
subtitle, release, body, subheading, quote, list item, byline, credits, in model order) and that the text of
every body paragraph, without the dateline run, equals the model's. Exit status 0 when
everything matches, 1 otherwise (each mismatch is printed). Needs `pip install python-docx`.
"""

import json
import sys

import docx  # python-docx


def expected(model):
    """(style id, text or None) for every paragraph the model calls for, in order."""
    # The masthead: the title (none is made up from the file's name), then the publisher and
    # date line, each only when the model has them.
    meta = model["meta"]
    out = [("IssueTitle", meta["title"])] if meta.get("title") else []
    line = [x for x in (meta.get("publisher"), chinese_date(meta.get("date"))) if x]
    if line:
        out.append(("MastheadLine", "\u3000".join(line)))
    for article in model["articles"]:
        group = article["headline"]
        for key, style in (("kicker", "Kicker"), ("headline", "Heading1"), ("subtitle", "Subtitle")):
            if group.get(key):
                out.append((style, group[key]))
        if article.get("release"):
            out.append(("Release", labelled(article["release"])))
        # A dateline before anything but a paragraph is a paragraph of its own.
        body = article["body"]
        if article.get("dateline") and (not body or body[0]["type"] != "paragraph"):
            out.append(("BodyText", ""))
        for block in body:
            kind = block["type"]
            if kind == "paragraph":
                out.append(("BodyText", text(block)))
            elif kind == "subheading":
                out.append(("Heading2", text(block)))
            elif kind == "quote":
                out.extend(("Quote", text(p)) for p in block["paragraphs"])
            elif kind == "list":
                out.extend(("ListParagraph", text(p)) for p in block["items"])
            else:
                raise SystemExit(f"unknown block type {kind!r} in the model")
        if article.get("byline"):
            out.append(("Byline", "（" + byline(article["byline"]) + "）"))
        if article.get("credits"):
            out.append(("Credits", labelled(article["credits"])))
    return out


def chinese_date(iso):
    """IssueDate::chinese(): 2022-09-01 → 2022年9月1日, 2022-09 → 2022年9月, 2022 → 2022年."""
    if not iso:
        return None
    parts = [int(p) for p in iso.split("-")]
    return "".join(f"{n}{unit}" for n, unit in zip(parts, "年月日"))


def labelled(entries):
    """Labelled::display_all(): `label：value` entries, one U+3000 apart."""
    return "\u3000".join(f"{e['label']}：{e['value']}" for e in entries)


def text(paragraph):
    return "".join(run["text"] for run in paragraph["runs"])


def byline(b):
    """Byline.display(): organisation + role, then names, space-separated per credit, and
    where the story was filed after a ／."""
    parts = []
    for credit in b["credits"]:
        s = (credit.get("organisation") or "") + (credit.get("role") or "")
        for name in credit["names"]:
            s = f"{s} {name}" if s else name
        if credit.get("filed"):
            s = f"{s}／{credit['filed']}"
        parts.append(s)
    return " ".join(parts)


def without_dateline(paragraph):
    """The paragraph's text minus its leading runs in the Dateline character style."""
    full = paragraph.text
    dateline = "".join(
        r.text for r in paragraph.runs if r.style is not None and r.style.style_id == "Dateline"
    )
    if dateline and full.startswith(dateline):
        # The separator after the dateline (U+3000 or nothing) is checked by the Rust tests.
        return full[len(dateline):].removeprefix("\u3000")
    return full


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    document = docx.Document(argv[1])
    with open(argv[2], encoding="utf-8") as f:
        model = json.load(f)
    want = expected(model)
    got = document.paragraphs
    problems = []
    if len(got) != len(want):
        problems.append(f"{len(got)} paragraphs in the DOCX, {len(want)} in the model")
    bodies = 0
    for i, (p, (style, txt)) in enumerate(zip(got, want), start=1):
        sid = p.style.style_id if p.style is not None else None
        if sid != style:
            problems.append(
                f"paragraph {i}: style {sid!r}, expected {style!r} ({p.text[:20]!r}); "
                "the rest is out of step and not compared"
            )
            break
        if txt is None:
            continue
        actual = without_dateline(p) if style == "BodyText" else p.text
        if actual != txt:
            problems.append(f"paragraph {i} ({style}): text differs\n  docx:  {actual!r}\n  model: {txt!r}")
        if style == "BodyText":
            bodies += 1
    for line in problems:
        print(line)
    print(
        f"{argv[1]}: {len(got)} paragraphs, {bodies} body paragraphs equal to the model, "
        f"{len(problems)} problems"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
