#!/usr/bin/env bash
# Instructions lintas executes, counted by callgrind (the same to the instruction for the same
# binary and input, whatever else the machine does): per 1,000 small files of the bench corpus
# (the difference of an 8-folder and a 2-folder run, so that start-up cancels out), and for the
# seed article end to end. Run bench/bench.py once first: it builds bench/out/small.
#
#     bench/instructions.sh [BINARY]      (default: target/release/lintas)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/target/release/lintas}
small=$root/bench/out/small
[ -d "$small/0007" ] || { echo "no $small/0007: run bench/bench.py first" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
count() {
    valgrind --tool=callgrind --callgrind-out-file="$out/callgrind" "$@" >/dev/null 2>"$out/log" || true
    grep -m1 "Collected" "$out/log" | awk '{print $4}'
}
lint=("$bin" check --no-config --quiet --format jsonl --fail-on error --threads 1)
two=$(count "${lint[@]}" "$small"/000[01])
eight=$(count "${lint[@]}" "$small"/000[0-7])
seed=$(count "$bin" check --no-config --quiet "$root/fixtures/seed/komdigi-india-mou.txt")
echo "instructions per 1,000 small files: $(( (eight - two) / 6 ))"
echo "instructions for the seed article:  $seed"
