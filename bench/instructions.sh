#!/usr/bin/env bash
# `bash bench/instructions.sh [tree] [parsed|corpus]`: machine instructions per call of the default classify
# of `tree` (a checkout; default this one), counted by valgrind's callgrind (apt-get install -y valgrind).
# Wall time on a shared 2-core machine moved by half between runs; an instruction count does not move
# with load, so two trees compare exactly (it does not see cache misses: read it beside bench/ab.bench.ts).
# Two runs of 100 and 200 passes over the corpus; their difference leaves out start-up, loading and warm-up.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
tree=$(cd "${1:-$here}" && pwd)
set=${2:-parsed}
count() {
  BENCH_ROOT=$tree BENCH_SET=$set BENCH_K=$1 valgrind --tool=callgrind --callgrind-out-file=/dev/null \
    node --single-threaded --import tsx "$here/bench/instructions-loop.ts" 2>&1
}
short=$(count 100)
long=$(count 200)
calls=$(sed -n 's/^calls per pass \([0-9]*\).*/\1/p' <<<"$long")
ir() { sed -n 's/.*Collected : \([0-9]*\).*/\1/p' <<<"$1"; }
echo "$tree ($set): $(( ($(ir "$long") - $(ir "$short")) / (100 * calls) )) instructions per call"
