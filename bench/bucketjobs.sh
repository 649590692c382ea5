#!/usr/bin/env bash
# run-quarter end to end (one process, in memory) under /usr/bin/time, for this branch and optionally another build,
# each into a fresh data root whose raw/, identity/ and outcomes/ are hard links of SRC_ROOT's copies (read only:
# nothing is written there). Prints the wall time and peak RSS per run, then per stage from runs/<Q>/manifest.json
# (wall seconds, peak memory of the stage), then rebuilds the features alone with this branch's `features` verb and
# prints each bucket's own build time. One hash of scores/, worklists/ and the register per run to compare the builds.
# Usage: bench/bucketjobs.sh SRC_ROOT QUARTER SPEC...   SPEC = before (BEFORE_CLI=path/to/blindspot.dll) | after
#   e.g. BEFORE_CLI=/work/data-bucketjobs/buckets-src/Cli/bin/Release/net10.0/blindspot.dll bench/bucketjobs.sh /work/data-bucketjobs/src9m 2026Q3 before after
# Scratch roots go under $SCRATCH (default /work/data-bucketjobs) and are deleted at the end unless KEEP=1.
set -euo pipefail
src=${1:?usage: bench/bucketjobs.sh SRC_ROOT QUARTER SPEC...}
quarter=${2:?usage: bench/bucketjobs.sh SRC_ROOT QUARTER SPEC...}
shift 2
repo=$(cd "$(dirname "$0")/.." && pwd)
scratch=${SCRATCH:-/work/data-bucketjobs}
source "$repo/bench/measure.sh"

dotnet build "$repo/Cli/BlindSpot.Cli.csproj" -c Release -v quiet -nologo >/dev/null
cli="$repo/Cli/bin/Release/net10.0/blindspot.dll"
models="$repo/models"
roots=()
for spec in "$@"; do
  root="$scratch/run-$spec-$$"
  rm -rf "$root" && mkdir -p "$root"
  for folder in raw identity outcomes; do
    # outcomes/ is copied, not linked: dispatch rewrites outcomes/<Q>/dispatches.csv in place (it would write through a hard link into SRC_ROOT).
    [[ -d "$src/$folder" ]] && if [[ $folder == outcomes ]]; then cp -r "$src/$folder" "$root/$folder"; else cp -al "$src/$folder" "$root/$folder"; fi
  done
  roots+=("$root")
  case $spec in
    before) measure "run-quarter before" dotnet "${BEFORE_CLI:?BEFORE_CLI must name the blindspot.dll of the build before}" run-quarter "$quarter" --data "$root" --models "$models" >/dev/null ;;
    after) measure "run-quarter after" dotnet "$cli" run-quarter "$quarter" --data "$root" --models "$models" >/dev/null ;;
    *) echo "unknown spec $spec" >&2; exit 2 ;;
  esac
done
print_table
for root in "${roots[@]}"; do
  echo
  echo "$(basename "$root"): $(ls -d "$root"/roster/"$quarter"/bucket=* 2>/dev/null | wc -l) buckets"
  python3 - "$root/runs/$quarter/manifest.json" <<'PY'
import json, sys
from datetime import datetime
m = json.load(open(sys.argv[1]))
stages = m["stages"] if isinstance(m["stages"], list) else list(m["stages"].values())
print("| stage | wall (s) | peak (MiB) |")
print("|---|---:|---:|")
for s in stages:
    start, end = s.get("startedAt"), s.get("finishedAt")
    wall = (datetime.fromisoformat(end) - datetime.fromisoformat(start)).total_seconds() if start and end else float("nan")
    peak = s.get("peakMemoryBytes") or s.get("peakWorkingSetBytes") or 0
    print(f"| {s.get('stage') or s.get('name')} | {wall:.1f} | {peak / 2**20:.0f} |")
PY
  (cd "$root" && find "scores/$quarter" "worklists/$quarter" "outcomes/$quarter/dispatches.csv" -type f -not -path '*/shards/*' -print0 | sort -z | xargs -0 sha256sum | sha256sum | sed "s/ .*/  scores+worklists+register hash/")
done
if [[ -d "${roots[-1]}/features/$quarter" && "${!#}" == after ]]; then
  # Features alone with this branch: every bucket's record removed, so every bucket is built; the verb prints each one's time.
  rm -f "${roots[-1]}"/features/"$quarter"/bucket=*/_bucket.json
  echo
  out=$(mktemp)
  measure "features alone (all buckets)" dotnet "$cli" features "$quarter" --data "${roots[-1]}" >"$out"
  cat "$out"
  print_table | tail -1
  rm -f "$out"
fi
[[ "${KEEP:-0}" == 1 ]] || rm -rf "${roots[@]}"
