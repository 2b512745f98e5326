#!/usr/bin/env bash
# Whole-process benchmark: cold `gongwen render` of each sample to PDF, wall time and peak memory.
# Usage: [FORMAT=pdf|docx|all] scripts/bench.sh [runs]   (builds the release binary first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
cargo build --release -q
bin=target/release/gongwen
out=$(mktemp -d)
for spec in samples/*.toml; do
  best=999999; total=0
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$bin" render --no-system-fonts ${FORMAT:+--format "$FORMAT"} "$spec" -o "$out" >/dev/null
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    total=$((total + ms)); [ "$ms" -lt "$best" ] && best=$ms
  done
  peak=$(/usr/bin/time -f %M "$bin" render --no-system-fonts ${FORMAT:+--format "$FORMAT"} "$spec" -o "$out" 2>&1 >/dev/null | tail -1)
  printf '%-32s mean %4d ms  best %4d ms  peak %6.1f MB\n' "$(basename "$spec")" $((total / runs)) "$best" "$(echo "$peak / 1024" | bc -l)"
done
rm -rf "$out"
