#!/usr/bin/env bash
# paiban against its peers, side by side in one run, on this machine:
#   - the sample, 10x and 100x over: paiban (release, all three formats in one process, and each
#     format alone), pandoc (DOCX; EPUB with a per-document pyftsubset subset of the bundled
#     serif face), typst (PDF from a .typ written from `paiban inspect`'s model, bundled fonts);
#   - a batch of 50 and of 200 different issues made from the sample and tests/inputs/, with
#     `paiban build DIR -j 2`.
# Every command runs RUNS times (after one warm-up), the commands of a group taking turns so
# load from other users of the machine falls on all of them alike, then 3 more times under GNU
# time for its peak memory. Reported: median wall time,
# peak resident memory (the largest max RSS of the runs, from /usr/bin/time; for the batches
# also the median of the runs' max RSS, which one busy moment on a shared machine does not
# move), output size, and the ratio paiban/peer. Output is Markdown, for docs/benchmarks.md.
#
# Needs: pandoc (apt-get install pandoc), pyftsubset (pip install fonttools), typst for Python
# (pip install typst), GNU time (apt-get install time).
#
# Usage: benches/peers.sh [RUNS]        RUNS defaults to 7 (at least 5 for the record)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
RUNS=${1:-7}
RSS_RUNS=3

need() {
    if ! eval "$1" >/dev/null 2>&1; then
        echo "peers.sh needs $2" >&2
        exit 2
    fi
}
need "command -v pandoc" "pandoc: apt-get install pandoc"
need "command -v pyftsubset" "pyftsubset: pip install fonttools"
need "python3 -c 'import typst'" "typst for Python: pip install typst"
need "test -x /usr/bin/time" "GNU time: apt-get install time"

cargo build --release --locked --quiet
bin=$root/target/release/paiban
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
serif=$root/fonts/NotoSerifSC-Regular-subset.ttf

declare -A MED RSS RSSMED SIZE

# run_group NAME… : each NAME has CMD_<name> (a bash command line) and OUT_<name> (its output
# file). Warm-up once each, then RUNS rounds of all of them in turn.
run_group() {
    local names=("$@") n r start end
    declare -A times kbs
    for n in "${names[@]}"; do
        bash -c "${CMD[$n]}" >/dev/null 2>&1 || { echo "failed: ${CMD[$n]}" >&2; exit 1; }
        times[$n]=""
        kbs[$n]=""
        RSS[$n]=0
    done
    # Timed rounds: the command runs in a subshell of this one (some `cd`), as a user's shell runs it;
    # $EPOCHREALTIME is read without starting a process, so nothing else is in the time.
    # (Timing through `/usr/bin/time bash -c …` added 5-7 ms to every command, a fixed cost that
    # shrinks every ratio towards 1.)
    for ((r = 0; r < RUNS; r++)); do
        for n in "${names[@]}"; do
            start=$EPOCHREALTIME
            (eval "${CMD[$n]}") >/dev/null 2>&1
            end=$EPOCHREALTIME
            times[$n]+="$((${end/./} - ${start/./})) "
        done
    done
    # Peak memory: separate rounds under GNU time, not timed.
    for ((r = 0; r < RSS_RUNS; r++)); do
        for n in "${names[@]}"; do
            /usr/bin/time -f %M -o "$work/rss" bash -c "${CMD[$n]}" >/dev/null 2>&1
            local kb
            kb=$(tail -n 1 "$work/rss")
            kbs[$n]+="$kb "
            ((kb > RSS[$n])) && RSS[$n]=$kb
        done
    done
    for n in "${names[@]}"; do
        # median of the runs, in ms with one decimal
        MED[$n]=$(printf '%s\n' ${times[$n]} | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m/1000}')
        RSSMED[$n]=$(printf '%s\n' ${kbs[$n]} | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
        SIZE[$n]=0
        if [ -n "${OUT[$n]:-}" ]; then
            SIZE[$n]=$(du -cb ${OUT[$n]} | tail -n 1 | cut -f1)
        fi
    done
}

mb() { awk -v k="$1" 'BEGIN {printf "%.0f", k/1024}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }

declare -A CMD OUT

echo "## Machine"
echo
echo "- $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM, Linux $(uname -r)"
echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared)"
echo "- $($bin --version), $(rustc --version | cut -d' ' -f1-2); $(pandoc --version | head -n 1); typst $(python3 -c 'import importlib.metadata as m; print(m.version("typst"))') (typst-py, run through python3); fonttools $(python3 -c 'import fontTools; print(fontTools.version)')"
echo "- $RUNS timed runs of each command after one warm-up (forked from the shell, no wrapper); median wall time; peak = largest max RSS of $RSS_RUNS more runs under GNU time"
echo

for n in 1 10 100; do
    d=$work/x$n
    mkdir -p "$d/src" "$d/paiban" "$d/peer"
    # The sample's own name, so every size derives the same metadata (date from the name).
    in=$d/src/dongchangfu-2022-09.md
    python3 benches/make_issues.py repeat "$n" "$in"
    "$bin" inspect "$in" 2>/dev/null | python3 benches/to_typst.py > "$d/peer/issue.typ"
    cat > "$d/peer/font.css" <<'EOF'
@font-face { font-family: "Noto Serif SC Paiban"; src: url("../fonts/serif.ttf"); }
body { font-family: "Noto Serif SC Paiban", serif; }
EOF
    p=$d/paiban/dongchangfu-2022-09
    CMD[all$n]="$bin build $in -o $d/paiban"
    OUT[all$n]="$p.pdf $p.docx $p.epub"
    for f in pdf docx epub; do
        CMD[$f$n]="$bin build $in --to $f -o $d/paiban"
        OUT[$f$n]="$p.$f"
    done
    # pandoc embeds no font in a DOCX; paiban embeds two subsets unless told not to.
    CMD[docx_noembed$n]="$bin build $in --to docx --no-embed-fonts -o $d/paiban/noembed"
    OUT[docx_noembed$n]="$d/paiban/noembed/dongchangfu-2022-09.docx"
    CMD[pandoc_docx$n]="pandoc $in -o $d/peer/issue.docx"
    OUT[pandoc_docx$n]="$d/peer/issue.docx"
    CMD[pandoc_epub$n]="cd $d/peer && pyftsubset $serif --text-file=$in --output-file=serif.ttf && pandoc $in -o issue.epub --metadata title=东昌府新闻 --metadata lang=zh-CN --css font.css --epub-embed-font=serif.ttf"
    OUT[pandoc_epub$n]="$d/peer/issue.epub"
    CMD[typst$n]="python3 -c 'import sys, typst; typst.compile(sys.argv[1], output=sys.argv[2], font_paths=[sys.argv[3]])' $d/peer/issue.typ $d/peer/issue.pdf $root/fonts"
    OUT[typst$n]="$d/peer/issue.pdf"
    run_group all$n pdf$n docx$n docx_noembed$n epub$n pandoc_docx$n pandoc_epub$n typst$n
done

echo "## The sample, 10x and 100x"
echo
echo "| input | format | paiban ms | paiban peak MB | paiban bytes | peer | peer ms | peer peak MB | peer bytes | time paiban/peer |"
echo "| --- | --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |"
for n in 1 10 100; do
    echo "| ${n}x | all three, one process | ${MED[all$n]} | $(mb ${RSS[all$n]}) | ${SIZE[all$n]} | | | | | |"
    for pair in "pdf pdf typst" "docx docx pandoc_docx" "docx_noembed docx,_no_fonts_embedded pandoc_docx" "epub epub pandoc_epub"; do
        set -- $pair
        peer=$3
        case $peer in typst) pname="typst";; pandoc_docx) pname="pandoc";; pandoc_epub) pname="pyftsubset + pandoc";; esac
        echo "| ${n}x | ${2//_/ } | ${MED[$1$n]} | $(mb ${RSS[$1$n]}) | ${SIZE[$1$n]} | $pname | ${MED[$peer$n]} | $(mb ${RSS[$peer$n]}) | ${SIZE[$peer$n]} | $(ratio ${MED[$1$n]} ${MED[$peer$n]}) |"
    done
done
echo
echo "Linearity (all three formats, one process): 1x ${MED[all1]} ms, 10x ${MED[all10]} ms, 100x ${MED[all100]} ms;"
echo "100x / 10x = $(ratio ${MED[all100]} ${MED[all10]}), 10x / 1x = $(ratio ${MED[all10]} ${MED[all1]}) (10 is linear; the 1x run is mostly start-up)."
echo

echo "## A batch of different issues, -j 2"
echo
echo "| issues | median s | issues/s | peak MB, median of runs | peak MB, largest | outputs | bytes |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for n in 50 200; do
    d=$work/batch$n
    python3 benches/make_issues.py batch "$n" "$d/src"
    mkdir -p "$d/out"
    CMD[batch$n]="$bin build $d/src -j 2 -o $d/out"
    OUT[batch$n]="$d/out/*"
done
run_group batch50 batch200
for n in 50 200; do
    s=$(awk -v m="${MED[batch$n]}" 'BEGIN {printf "%.2f", m/1000}')
    echo "| $n | $s | $(awk -v n=$n -v m="${MED[batch$n]}" 'BEGIN {printf "%.0f", n/(m/1000)}') | $(mb ${RSSMED[batch$n]}) | $(mb ${RSS[batch$n]}) | $(ls "$work/batch$n/out" | wc -l) | ${SIZE[batch$n]} |"
done
echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
