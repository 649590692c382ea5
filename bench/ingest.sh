#!/usr/bin/env bash
# Ingest benchmark: generate a synthetic quarter with the simulator, ingest it under /usr/bin/time -v, then read the
# same CSVs with DuckDB into Parquet (bench/DuckDbIngest) in the same run, and print both side by side.
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

measure() { # log field -> value
  case $2 in
    wall) grep 'Elapsed (wall clock)' "$1" | awk '{print $NF}' | awk -F: '{ if (NF == 3) print $1*3600+$2*60+$3; else print $1*60+$2 }' ;;
    cpu) awk '/User time|System time/ {s += $NF} END {printf "%.1f", s}' "$1" ;;
    rss) grep 'Maximum resident set size' "$1" | awk '{printf "%.2f", $NF/1048576}' ;;
  esac
}

log=$(mktemp)
/usr/bin/time -v dotnet "$ingest" ingest "$quarter" --data "$data" >"$log" 2>&1 || { tail -5 "$log"; exit 1; }
rows=$(grep '^total:' "$log" | sed -E 's/.*read ([0-9,]+) =.*/\1/')
load_ingest=$(cut -d' ' -f1 /proc/loadavg)

duck=$(mktemp)
dotnet build "$repo/bench/DuckDbIngest" -c Release -nologo -v quiet >/dev/null
rm -rf "$data/bench-duckdb"
/usr/bin/time -v dotnet "$repo/bench/DuckDbIngest/bin/Release/net10.0/DuckDbIngest.dll" "$data/raw/$quarter" "$data/bench-duckdb" >"$duck" 2>&1 || { tail -5 "$duck"; exit 1; }
load_duck=$(cut -d' ' -f1 /proc/loadavg)
rm -rf "$data/bench-duckdb"

csv=$(du -sb "$data/raw/$quarter" | awk '{printf "%.2f", $1/1073741824}')
printf '%s people, %s rows read, %s GiB of CSV\n\n' "$people" "$rows" "$csv"
printf '%-22s %10s %14s %14s %12s\n' "" "wall (s)" "CPU u+s (s)" "peak RSS (GiB)" "load (1 min)"
printf '%-22s %10s %14s %14s %12s\n' "blindspot ingest" "$(measure "$log" wall)" "$(measure "$log" cpu)" "$(measure "$log" rss)" "$load_ingest"
printf '%-22s %10s %14s %14s %12s\n' "duckdb csv->parquet" "$(measure "$duck" wall)" "$(measure "$duck" cpu)" "$(measure "$duck" rss)" "$load_duck"
awk -v a="$(measure "$log" wall)" -v b="$(measure "$duck" wall)" 'BEGIN {printf "ratio ingest/duckdb (wall): %.2f\n", a/b}'
grep '^total:' "$log"
grep '^duckdb:' "$duck"
[[ "${KEEP:-0}" == 1 ]] || rm -rf "$data"
