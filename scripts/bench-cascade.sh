#!/usr/bin/env bash
# Cascade benchmark: derive + render (draft, PDF, DOCX) for N synthetic offices, 1 and 2 worker
# threads, wall time, documents per second and peak memory; then LibreOffice converting the
# same DOCX to PDF (how offices make PDFs today) for the per-document ratio.
# Usage: scripts/bench-cascade.sh [N ...]   (default: 1 100 3000)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q --examples --bins
bin=target/release/gongwen
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1 100 3000)
printf '%-8s %-8s %10s %12s %12s\n' offices threads seconds "docs/s" "peak MB"
for n in "${sizes[@]}"; do
  target/release/examples/gen_profiles "$n" "$work/offices-$n" 2>/dev/null
  for j in 1 2; do
    rm -rf "$work/out"
    t0=$(date +%s%N)
    peak=$(/usr/bin/time -f %M "$bin" derive samples/national-2025-notice.toml --office "$work/offices-$n" \
      --as plan -o "$work/out" --render --no-system-fonts -j "$j" 2>&1 >/dev/null | tail -1)
    secs=$(echo "($(date +%s%N) - $t0) / 1000000000" | bc -l)
    printf '%-8s %-8s %10.2f %12.1f %12.1f\n' "$n" "$j" "$secs" "$(echo "$n / $secs" | bc -l)" "$(echo "$peak / 1024" | bc -l)"
  done
done
# LibreOffice: convert 20 of the DOCX just made, one soffice process (its fastest use).
if command -v soffice >/dev/null; then
  mkdir -p "$work/lo" "$work/docx"
  for f in $(find "$work/out" -name '*.docx' | sort | sed -n 1,20p); do cp "$f" "$work/docx/"; done
  count=$(ls "$work/docx" | wc -l)
  t0=$(date +%s%N)
  soffice --headless "-env:UserInstallation=file://$work/lo-profile" --convert-to pdf --outdir "$work/lo" "$work/docx"/*.docx >/dev/null 2>&1
  lo=$(echo "($(date +%s%N) - $t0) / 1000000 / $count" | bc -l)
  rm -rf "$work/one"; mkdir -p "$work/one"; cp "$(find "$work/offices-${sizes[-1]}" -name '*.toml' | sort | sed -n 1p)" "$work/one/"
  t0=$(date +%s%N)
  "$bin" derive samples/national-2025-notice.toml --office "$work/one" --as plan -o "$work/one-out" --render --no-system-fonts -j 1 >/dev/null 2>&1
  ours=$(echo "($(date +%s%N) - $t0) / 1000000" | bc -l)
  printf 'LibreOffice DOCX→PDF: %.0f ms per document (%d documents, one process); gongwen draft+PDF+DOCX, whole process: %.0f ms; ratio %.1f×\n' "$lo" "$count" "$ours" "$(echo "$lo / $ours" | bc -l)"
fi
# One document from scratch, as an office would make it: a cold soffice for one DOCX against
# a cold gongwen making the PDF and the DOCX from the spec.
if command -v soffice >/dev/null; then
  gongwen_ms=0; lo_ms=0
  for _ in 1 2 3; do
    t0=$(date +%s%N); "$bin" render --no-system-fonts samples/national-2024-notice.toml -o "$work/single" >/dev/null
    gongwen_ms=$(( gongwen_ms + ($(date +%s%N) - t0) / 1000000 ))
    t0=$(date +%s%N); soffice --headless "-env:UserInstallation=file://$work/lo-single" --convert-to pdf --outdir "$work/single-lo" "$work/single/national-2024-notice.docx" >/dev/null 2>&1
    lo_ms=$(( lo_ms + ($(date +%s%N) - t0) / 1000000 ))
  done
  printf 'One notice, cold process: gongwen PDF+DOCX %d ms, soffice DOCX→PDF %d ms; ratio %.1f×\n' $((gongwen_ms / 3)) $((lo_ms / 3)) "$(echo "$lo_ms / $gongwen_ms" | bc -l)"
fi
