#!/usr/bin/env python3
"""Make benchmark inputs from the sample and tests/inputs/ (nothing here is committed output).

    make_issues.py repeat N OUT.md   the sample N times over, as one issue
    make_issues.py batch N DIR       N different issues: each its own front matter (title, date)
                                     and its own choice and order of 6-12 articles taken from the
                                     sample and the test inputs
"""

import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "dongchangfu-2022-09.md"
OTHERS = sorted((ROOT / "tests" / "inputs").glob("*.md"))


def body(path):
    text = path.read_text(encoding="utf-8")
    if text.startswith("---\n") or text.startswith("+++\n"):
        fence = text[:3]
        end = text.find("\n" + fence + "\n", 4)
        if end >= 0:
            text = text[end + 5 :]
    return text


def articles(text):
    """Headline groups with their bodies: a new article starts at a `##` line that follows a
    non-heading line."""
    out, cur, prev_heading = [], [], False
    for line in text.splitlines():
        heading = line.startswith("## ") or line.startswith("### ")
        if line.startswith("## ") and not prev_heading and any(l.strip() for l in cur):
            out.append("\n".join(cur).strip() + "\n")
            cur = []
        if line.startswith("# "):
            continue  # an issue title of its own
        cur.append(line)
        if line.strip():
            prev_heading = heading
    if any(l.strip() for l in cur):
        out.append("\n".join(cur).strip() + "\n")
    return [a for a in out if re.search(r"^## ", a, re.M)]


def repeat(n, out):
    text = SAMPLE.read_text(encoding="utf-8")
    pathlib.Path(out).write_text("\n".join([text] * n), encoding="utf-8")


def batch(n, out_dir):
    pool = articles(body(SAMPLE))
    for p in OTHERS:
        pool += articles(body(p))
    out = pathlib.Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for k in range(n):
        count = 6 + k % 7
        picked = [pool[(k * 7 + j * 5) % len(pool)] for j in range(count)]
        month, day = k % 12 + 1, k % 28 + 1
        # Vary the dateline dates so no two issues carry the same text.
        picked = [re.sub(r"\d+月\d+日", f"{month}月{day}日", a, count=1) for a in picked]
        front = (
            f"---\ntitle: 东昌府新闻 第{k + 1}期\npublisher: 东昌府区融媒体中心\n"
            f"date: {2020 + k % 5}-{month:02}-{day:02}\n---\n\n"
        )
        (out / f"issue-{k + 1:04}.md").write_text(
            front + "\n".join(picked), encoding="utf-8"
        )


if __name__ == "__main__":
    what, n, target = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    {"repeat": repeat, "batch": batch}[what](n, target)
