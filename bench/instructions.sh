#!/usr/bin/env bash
# `bench/instructions.sh [dist-dir]`: machine instructions per pre-parsed default classify over the public corpus's JSON
# bodies, counted by valgrind's callgrind (not installed by npm ci: `apt-get install -y valgrind`). Two runs, of 300 and
# of 100 passes, in a single-threaded node: their difference over 200 × the bodies leaves out start-up and compilation.
# Wall-time benches on a shared machine move by a tenth from one minute to the next; this count moved by ~1% between
# runs of one tree (session 30), so a change of a few percent shows here when bench/ab.bench.ts cannot tell it apart.
# Build first (`npm run build`); pass another checkout's dist/ to compare.
set -euo pipefail
cd "$(dirname "$0")/.."
dist=$(realpath "${1:-dist}")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
npx tsx bench/corpus-dump.ts > "$tmp/corpus.json"
count() {
  CORPUS="$tmp/corpus.json" DIST="$dist/index.js" N="$1" valgrind --tool=callgrind --callgrind-out-file=/dev/null \
    node --single-threaded bench/instructions-loop.mjs 2>&1 | awk '/Collected/ { print $4 }'
}
bodies=$(CORPUS="$tmp/corpus.json" DIST="$dist/index.js" N=0 node bench/instructions-loop.mjs)
few=$(count 100)
many=$(count 300)
echo "$(( (many - few) / (200 * bodies) )) instructions per pre-parsed classify ($dist, $bodies bodies)"
