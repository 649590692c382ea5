#!/usr/bin/env bash
# Outcome uploads through the portal at national scale: the 2026Q3 register (every dispatched person, national) and the
# worklists of the four largest 시군구, copied read-only from a pipeline's data root (default /work/data-contract, 9M people),
# served by `blindspot serve` (embedded mode) built from this checkout. Each officer uploads the first 700 rows of their
# worklist filled in (CSV, and XLSX made by bench/BlindSpot.Bench fill-xlsx) with curl, timed to the redirect to the
# result. Then the four 시군구 upload at once, against one after another (same files, a fresh outcome history each run).
# BEFORE=<commit> also runs the same uploads on that commit's build (e.g. main before per-시군구 locks).
# Usage: bench/uploads.sh [SOURCE_DATA] [WORK_DIR]   (N=5 timed uploads of each kind by default; WORK_DIR is deleted at the end)
set -euo pipefail
source=${1:-/work/data-contract}
work=${2:-/tmp/blindspot-bench-uploads}
runs=${N:-5}
rows=700
quarter=2026Q3
sigungus=(41110 41460 41280 48120)
repo=$(cd "$(dirname "$0")/.." && pwd)

rm -rf "$work"
mkdir -p "$work/data/outcomes/$quarter" "$work/data/worklists/$quarter" "$work/files"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
cp "$source/outcomes/$quarter/dispatches.csv" "$work/data/outcomes/$quarter/"
for s in "${sigungus[@]}"; do cp "$source/worklists/$quarter/$s.csv" "$source/worklists/$quarter/$s.xlsx" "$work/data/worklists/$quarter/"; done
dotnet build "$repo/bench/BlindSpot.Bench/BlindSpot.Bench.csproj" -c Release -v quiet -nologo -o "$work/bench" >/dev/null
builds=(after)
dotnet build "$repo/Cli/BlindSpot.Cli.csproj" -c Release -v quiet -nologo -o "$work/cli-after" >/dev/null
if [ -n "${BEFORE:-}" ]; then
  mkdir -p "$work/src-before"
  git -C "$repo" archive "$BEFORE" | tar -x -C "$work/src-before"
  dotnet build "$work/src-before/Cli/BlindSpot.Cli.csproj" -c Release -v quiet -nologo -o "$work/cli-before" >/dev/null
  builds=(before after)
fi
for s in "${sigungus[@]}"; do
  # The worklist's first 700 rows with the last two columns (결과코드, 확인일자) filled in, as an officer saves them.
  head -$((rows + 1)) "$work/data/worklists/$quarter/$s.csv" | awk -v OFS=, 'NR == 1 { print; next } { sub(/,,\r?$/, ""); print $0 "," (NR % 2 ? "지원" : "비대상") ",2026-10-20" }' >"$work/files/$s.csv"
  "$work/bench/BlindSpot.Bench" fill-xlsx "$work/data/worklists/$quarter/$s.xlsx" "$work/files/$s.xlsx" "$rows" >/dev/null
done
printf 'register: %s rows (national); files: %s rows each\n' "$(($(wc -l <"$work/data/outcomes/$quarter/dispatches.csv") - 1))" "$rows"

fresh() { rm -rf "$work/data/outcomes/$quarter/imports" "$work/data/outcomes/$quarter/outcome-history.csv" "$work/data/labels"; }

# upload NAME BASE SIGUNGU FILE: seconds to the answer; fails unless it is the redirect to the result.
upload() {
  local jar="$work/$1-$3.cookies" base=$2 token
  token=$(curl -s -b "$jar" "$base/officer/$3/$quarter" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -b "$jar" -F "__RequestVerificationToken=$token" -F "file=@$4" "$base/officer/$3/$quarter/outcomes" \
    | awk '$1 != 302 { print "upload answered " $1 > "/dev/stderr"; exit 1 } { print $2 }'
}

median() { sort -n | awk '{ t[NR] = $1 } END { printf "%.2f", t[int((NR + 1) / 2)] }'; }

printf '| build | what | median s | max s |\n|---|---|---|---|\n'
port=5190
for name in "${builds[@]}"; do
  port=$((port + 1))
  rm -rf "$work/data/portal"
  for s in "${sigungus[@]}"; do
    printf 'bench-password-%s\n' "$s" | "$work/cli-$name/blindspot" users add "officer-$s" --role officer --sigungu "$s" --data "$work/data" >/dev/null
  done
  env -u BLINDSPOT_POSTGRES "$work/cli-$name/blindspot" serve --data "$work/data" --urls "http://127.0.0.1:$port" >"$work/$name.log" 2>&1 &
  pid=$!
  base="http://127.0.0.1:$port"
  for _ in $(seq 1 120); do curl -sf -o /dev/null "$base/login" && break; sleep 0.5; done
  for s in "${sigungus[@]}"; do
    jar="$work/$name-$s.cookies"
    token=$(curl -s -c "$jar" -b "$jar" "$base/login" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | sed 's/.*value="//; s/"$//')
    curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "username=officer-$s" --data-urlencode "password=bench-password-$s" "$base/login"
  done
  fresh; upload "$name" "$base" 41110 "$work/files/41110.csv" >/dev/null   # warm-up: the first request JITs the path
  for kind in csv xlsx; do
    : >"$work/times"
    for _ in $(seq 1 "$runs"); do fresh; upload "$name" "$base" 41110 "$work/files/41110.$kind" >>"$work/times"; done
    printf '| %s | one upload, %s rows, %s | %s | %s |\n' "$name" "$rows" "$kind" "$(median <"$work/times")" "$(sort -n "$work/times" | tail -1)"
  done
  : >"$work/seq"; : >"$work/par"
  for _ in $(seq 1 "$runs"); do
    fresh
    start=$(date +%s.%N)
    for s in "${sigungus[@]}"; do upload "$name" "$base" "$s" "$work/files/$s.csv" >/dev/null; done
    echo "$(date +%s.%N) - $start" | bc >>"$work/seq"
    fresh
    start=$(date +%s.%N)
    for s in "${sigungus[@]}"; do upload "$name" "$base" "$s" "$work/files/$s.csv" >/dev/null & done
    wait $(jobs -p | grep -v "^$pid$")
    echo "$(date +%s.%N) - $start" | bc >>"$work/par"
  done
  labels=$(ls -l "$work/data/labels/$quarter.parquet" | awk '{ print $5 }')
  printf '| %s | %s 시군구 one after another (total) | %s | %s |\n' "$name" "${#sigungus[@]}" "$(median <"$work/seq")" "$(sort -n "$work/seq" | tail -1)"
  printf '| %s | %s 시군구 at once (total) | %s | %s |\n' "$name" "${#sigungus[@]}" "$(median <"$work/par")" "$(sort -n "$work/par" | tail -1)"
  echo "  ($name: labels after the last run: $labels bytes, $(($(wc -l <"$work/data/outcomes/$quarter/outcome-history.csv") - 1)) history rows)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
