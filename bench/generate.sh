#!/usr/bin/env bash
# Benchmarks `blindspot generate` under /usr/bin/time -v and prints one table row:
# people, quarters, feed rows, roster rows, bytes on disk, wall seconds, peak RSS in MiB.
# Usage: bench/generate.sh [PEOPLE] [QUARTERS] [OUT]   (defaults: 9000000 2026Q3 /work/bigdata)
# The output folder is deleted afterwards (the disk is shared) unless KEEP=1.
set -euo pipefail
cd "$(dirname "$0")/.."
people="${1:-9000000}"
quarters="${2:-2026Q3}"
out="${3:-/work/bigdata}"
seed="${SEED:-1}"

if [[ ! -x /usr/bin/time ]]; then
  echo "installing GNU time" >&2
  apt-get install -y time >/dev/null
fi

dotnet build Cli/BlindSpot.Cli.csproj -c Release -nologo -v quiet >/dev/null
rm -rf "$out"
log="$(mktemp)"
/usr/bin/time -v dotnet Cli/bin/Release/net10.0/blindspot.dll generate \
  --people "$people" --quarters "$quarters" --seed "$seed" --out "$out" ${GZIP:+--gzip} 2>"$log" >&2

wall="$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')"
rss_kb="$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')"
bytes="$(du -sb "$out" | cut -f1)"
read -r feed_rows roster_rows < <(python3 -c "
import json,sys
r=json.load(open(sys.argv[1]))
print(r['rowsWritten'], sum(q['rosterRows'] for q in r['quarters']))" "$out/simulation.json")

printf '| %s | %s | %s | %s | %s | %s | %s |\n' people quarters 'feed rows' 'roster rows' bytes 'wall s' 'peak RSS MiB'
printf '|---|---|---|---|---|---|---|\n'
printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$people" "$quarters" "$feed_rows" "$roster_rows" "$bytes" "$wall" "$((rss_kb / 1024))"
rm -f "$log"
if [[ "${KEEP:-0}" != "1" ]]; then
  rm -rf "$out"
fi
