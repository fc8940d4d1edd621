#!/usr/bin/env bash
# Does any pass grow faster than its input? Each hostile shape found by the attack run (issue 22)
# is built at N and 4N units and rendered by the release binary; linear work takes about 4x as
# long at 4N, quadratic work 16x. Prints one Markdown row per shape and format: seconds at N,
# seconds at 4N, the ratio, peak memory at 4N, and FAIL when the ratio is over 8 (the run then
# exits 1). Wall times are the best of RUNS runs, so a busy moment on the machine does not count.
#
# Needs: GNU time (apt-get install time). Usage: benches/scaling.sh [N] [RUNS]
#   N defaults to 100000 (characters, links or lines per unit; the 4N inputs are about 1-4 MB).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
RUNS=${2:-3}
[ -x /usr/bin/time ] || { echo "scaling.sh needs GNU time (apt-get install time)" >&2; exit 2; }
cargo build --release --quiet
bin=$PWD/target/release/paiban
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# make SHAPE COUNT FILE: a Markdown issue of COUNT units of SHAPE.
make() {
    python3 - "$1" "$2" "$3" <<'EOF'
import sys
shape, n, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
head = "# 标题\n\n"
body = {
    "latin": lambda: head + "a" * n + "\n",
    "dashes": lambda: head + "——" * (n // 2) + "\n",
    "digits": lambda: head + "7" * n + "\n",
    "ellipses": lambda: head + "……" * (n // 2) + "\n",
    "brackets": lambda: head + "（" * n + "\n",
    "url": lambda: head + "见 https://example.cn/" + "ab/" * (n // 3) + "\n",
    "links": lambda: head + "".join(f"[链{i}](https://a.cn/{i}) " for i in range(n // 10)) + "\n",
    "title": lambda: "# " + "县城新闻周刊" * (n // 6) + "\n\n## 标题\n\n正文。\n",
    "paragraphs": lambda: head + "".join("本报讯 县城新建口袋公园。\n\n" for _ in range(n // 14)),
}[shape]()
open(path, "w", encoding="utf-8").write(body)
EOF
}

# best FILE FORMAT: "seconds peak_kb" of the fastest of RUNS runs.
best() {
    local best_s="" peak=0
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f "%e %M" -o "$work/time" "$bin" build "$1" --to "$2" -o "$work/out" \
            >/dev/null 2>&1
        read -r s kb <"$work/time"
        if [ -z "$best_s" ] || awk "BEGIN{exit !($s < $best_s)}"; then best_s=$s; fi
        [ "$kb" -gt "$peak" ] && peak=$kb
    done
    echo "$best_s $peak"
}

echo "| shape | format | s at $N | s at $((4 * N)) | ratio | peak MB at 4N |"
echo "|---|---|---|---|---|---|"
status=0
for shape in latin dashes digits ellipses brackets url links title paragraphs; do
    make "$shape" "$N" "$work/small.md"
    make "$shape" "$((4 * N))" "$work/large.md"
    for format in pdf docx epub; do
        read -r s1 _ < <(best "$work/small.md" "$format")
        read -r s4 kb < <(best "$work/large.md" "$format")
        ratio=$(awk "BEGIN{printf \"%.1f\", ($s4 + 0.01) / ($s1 + 0.01)}")
        flag=""
        if awk "BEGIN{exit !($ratio > 8 && $s4 > 0.2)}"; then flag=" FAIL"; status=1; fi
        echo "| $shape | $format | $s1 | $s4 | $ratio$flag | $((kb / 1024)) |"
    done
done
exit $status
