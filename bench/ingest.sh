#!/usr/bin/env bash
# Ingest benchmark: generate a synthetic quarter with the simulator, ingest it under /usr/bin/time -v, print a table.
# Usage: bench/ingest.sh [people=9000000] [data=/work/bigdata-ingest] [quarter=2026Q3]
# Needs a blindspot CLI with the generate verb (BLINDSPOT_SIM_CLI: a project dir; default this repo's Cli).
# The data folder is deleted at the end unless KEEP=1.
set -euo pipefail
people=${1:-9000000}
data=${2:-/work/bigdata-ingest}
quarter=${3:-2026Q3}
repo=$(cd "$(dirname "$0")/.." && pwd)
sim_cli=${BLINDSPOT_SIM_CLI:-$repo/Cli}

dotnet build "$repo/Cli" -c Release -nologo -v quiet >/dev/null
ingest="$repo/Cli/bin/Release/net10.0/blindspot.dll"
if [[ ! -d "$data/raw/$quarter" ]]; then
  dotnet build "$sim_cli" -c Release -nologo -v quiet >/dev/null
  dotnet "$(dirname "$sim_cli")/$(basename "$sim_cli")/bin/Release/net10.0/blindspot.dll" generate \
    --people "$people" --quarters "$quarter" --seed 1 --out "$data"
fi
rm -rf "$data/roster" "$data/lake" "$data/quarantine" "$data/runs"

log=$(mktemp)
/usr/bin/time -v dotnet "$ingest" ingest "$quarter" --data "$data" >"$log" 2>&1 || { tail -5 "$log"; exit 1; }
wall=$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')
rss=$(grep 'Maximum resident set size' "$log" | awk '{printf "%.2f", $NF/1048576}')
user=$(grep 'User time' "$log" | awk '{print $NF}')
sys=$(grep 'System time' "$log" | awk '{print $NF}')
rows=$(grep '^total:' "$log" | sed -E 's/.*read ([0-9,]+) =.*/\1/')
csv=$(du -sb "$data/raw/$quarter" | awk '{printf "%.2f", $1/1073741824}')
load=$(cut -d' ' -f1-3 /proc/loadavg)

printf '%-28s %s\n' "people" "$people" "rows read (roster + feeds)" "$rows" "raw CSV (GiB)" "$csv" \
  "wall (m:ss)" "$wall" "user + sys CPU (s)" "$user + $sys" "peak RSS (GiB)" "$rss" "load average after" "$load"
grep '^total:' "$log"
[[ "${KEEP:-0}" == 1 ]] || rm -rf "$data"
