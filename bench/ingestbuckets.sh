#!/usr/bin/env bash
# Ingest of one quarter under /usr/bin/time, a build before and this branch alternated ROUNDS times (same load for
# both), each run into a fresh data root whose raw/ is a hard link of SRC_ROOT's (read only: nothing is written there).
# Prints wall and peak RSS per run, then one hash of roster/, lake/ and the rejects files per run: every run must show
# the same hash (the ingest report is left out: it holds durations).
# Usage: BEFORE_CLI=path/to/blindspot.dll bench/ingestbuckets.sh SRC_ROOT QUARTER [ROUNDS=2]
#   e.g. BEFORE_CLI=/work/data-ingestbuckets/before-cli/net10.0/blindspot.dll bench/ingestbuckets.sh /work/data-casework3/9m 2026Q3 2
# Scratch roots go under $SCRATCH (default /work/data-ingestbuckets) and are deleted at the end unless KEEP=1.
set -euo pipefail
src=${1:?usage: bench/ingestbuckets.sh SRC_ROOT QUARTER [ROUNDS]}
quarter=${2:?usage: bench/ingestbuckets.sh SRC_ROOT QUARTER [ROUNDS]}
rounds=${3:-2}
repo=$(cd "$(dirname "$0")/.." && pwd)
scratch=${SCRATCH:-/work/data-ingestbuckets}
source "$repo/bench/measure.sh"

dotnet build "$repo/Cli/BlindSpot.Cli.csproj" -c Release -v quiet -nologo >/dev/null
after="$repo/Cli/bin/Release/net10.0/blindspot.dll"
before=${BEFORE_CLI:?BEFORE_CLI must name the blindspot.dll of the build before}
hashes=$(mktemp)
for round in $(seq 1 "$rounds"); do
  for spec in before after; do
    root="$scratch/run-$spec-$round-$$"
    rm -rf "$root" && mkdir -p "$root" && cp -al "$src/raw" "$root/raw"
    cli=$([[ $spec == before ]] && echo "$before" || echo "$after")
    measure "ingest $spec (round $round)" dotnet "$cli" ingest "$quarter" --data "$root" >/dev/null
    echo "$spec $round $(cd "$root" && find "roster/$quarter" "lake/$quarter" "quarantine/$quarter" -type f -not -name ingest-report.json -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16) (load $(cut -d' ' -f1 /proc/loadavg))" >>"$hashes"
    [[ "${KEEP:-0}" == 1 ]] || rm -rf "$root"
  done
done
print_table
echo
echo "roster+lake+rejects hash per run (load average after the run):"
cat "$hashes"
