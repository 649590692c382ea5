#!/usr/bin/env bash
# A full quarter at scale, stage by stage and then end to end, on one data root.
# Usage: bench/quarter.sh [people=9000000] [data=/work/bench-quarter] [quarter=2026Q3]
#   1. generates QUARTER-1..QUARTER with the simulator (seed 1) unless DATA/raw/QUARTER exists;
#   2. runs each verb on its own under /usr/bin/time -v: ingest Q-1, ingest Q, features Q, score Q, dispatch Q;
#   3. removes every output and runs `blindspot run-quarter Q` (default settings, in-memory storage, one process),
#      then prints its own per-stage table from the run manifest (stage wall time and sampled peak working set).
# Prints one table: wall, CPU (user + sys), peak RSS per command, and the 1-minute load average after each.
# Uses the repository's models/. The data folder is deleted at the end unless KEEP=1.
set -euo pipefail
people=${1:-9000000}
data=${2:-/work/bench-quarter}
quarter=${3:-2026Q3}
repo=$(cd "$(dirname "$0")/.." && pwd)
previous=$(python3 -c "y, q = int('$quarter'[:4]), int('$quarter'[5]); print(f'{y - (q == 1)}Q{4 if q == 1 else q - 1}')")

dotnet build "$repo/Cli" -c Release -nologo -v quiet >/dev/null
cli=(dotnet "$repo/Cli/bin/Release/net10.0/blindspot.dll")
rows=$(mktemp)

run() { # name, command... ; appends "name|wall|cpu|rss MiB|load" to $rows
  local name=$1; shift
  local log; log=$(mktemp)
  /usr/bin/time -v "$@" >"$log.out" 2>"$log" || { tail -20 "$log.out" "$log" >&2; echo "$name failed" >&2; exit 1; }
  local wall cpu rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.1f", s }' "$log")
  cpu=$(awk '/User time|System time/ { s += $NF } END { printf "%.1f", s }' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$log")
  echo "$name|$wall|$cpu|$rss|$(cut -d' ' -f1 /proc/loadavg)" >>"$rows"
  rm -f "$log" "$log.out"
}

if [[ ! -d "$data/raw/$quarter" ]]; then
  run "generate $previous..$quarter" "${cli[@]}" generate --people "$people" --quarters "$previous..$quarter" --seed 1 --out "$data"
fi
clean() { rm -rf "$data"/{roster,lake,quarantine,features,scores,worklists,dispatch,runs}; rm -f "$data/outcomes/$quarter/dispatches.csv"; }
clean
run "ingest $previous" "${cli[@]}" ingest "$previous" --data "$data"
run "ingest $quarter" "${cli[@]}" ingest "$quarter" --data "$data"
run "features $quarter" "${cli[@]}" features "$quarter" --data "$data"
run "score $quarter" "${cli[@]}" score "$quarter" --data "$data" --models "$repo/models"
run "dispatch $quarter" "${cli[@]}" dispatch "$quarter" --data "$data"
clean
run "run-quarter $quarter (end to end)" "${cli[@]}" run-quarter "$quarter" --data "$data" --models "$repo/models"

printf '%s people; %s cores; %s\n\n' "$people" "$(nproc)" "$(date -u +%FT%TZ)"
printf '| %-34s | %9s | %9s | %14s | %6s |\n' "command" "wall (s)" "CPU (s)" "peak RSS (MiB)" "load"
printf '|%s|%s|%s|%s|%s|\n' "------------------------------------" "-----------" "-----------" "----------------" "--------"
while IFS='|' read -r name wall cpu rss load; do
  printf '| %-34s | %9s | %9s | %14s | %6s |\n' "$name" "$wall" "$cpu" "$rss" "$load"
done <"$rows"
echo
echo "run-quarter's stages, from runs/$quarter/manifest.json:"
python3 - "$data/runs/$quarter/manifest.json" <<'EOF'
import json, sys
from datetime import datetime
m = json.load(open(sys.argv[1]))
stages = sorted(m["stages"].values() if isinstance(m["stages"], dict) else m["stages"], key=lambda s: s.get("startedAt") or "")
print(f"| {'stage':10} | {'wall (s)':>9} | {'peak working set (MiB)':>22} |")
print(f"|{'-' * 12}|{'-' * 11}|{'-' * 24}|")
for s in stages:
    t = lambda k: datetime.fromisoformat(s[k].replace("Z", "+00:00"))
    wall = (t("finishedAt") - t("startedAt")).total_seconds() if s.get("finishedAt") and s.get("startedAt") else float("nan")
    peak = s.get("peakWorkingSetBytes")
    print(f"| {s['stage']:10} | {wall:9.1f} | {peak / 1048576 if peak else float('nan'):22.0f} |")
EOF
rm -f "$rows"
[[ "${KEEP:-0}" == 1 ]] || rm -rf "$data"
