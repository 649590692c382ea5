#!/usr/bin/env bash
# Features at full size, against DuckDB's best formulation over the same Parquet files, in the same run.
# Usage: bench/features.sh DATA_ROOT QUARTER   (DATA_ROOT must hold roster/ and lake/ of QUARTER, e.g. from generate + ingest)
set -euo pipefail
data=${1:?usage: bench/features.sh DATA_ROOT QUARTER}
quarter=${2:?usage: bench/features.sh DATA_ROOT QUARTER}
repo=$(cd "$(dirname "$0")/.." && pwd)
source "$repo/bench/measure.sh"

dotnet build "$repo/Cli/BlindSpot.Cli.csproj" -c Release -v quiet -nologo >/dev/null
dotnet build "$repo/bench/BlindSpot.Bench/BlindSpot.Bench.csproj" -c Release -v quiet -nologo >/dev/null
duck_out="$data/bench-duckdb-features"
rm -rf "$duck_out"

measure "blindspot features" dotnet "$repo/Cli/bin/Release/net10.0/blindspot.dll" features "$quarter" --data "$data"
measure "duckdb (best formulation)" dotnet "$repo/bench/BlindSpot.Bench/bin/Release/net10.0/BlindSpot.Bench.dll" features-duckdb "$data" "$quarter" "$duck_out"
print_table
awk -F'|' 'NR == 1 { w = $2; m = $3 } NR == 2 { printf "\nDuckDB / BlindSpot: wall %.2f×, peak memory %.2f×\n", $2 / w, $3 / m }' "$RESULTS"
echo "rows: $(python3 -c "import json; print(json.load(open('$data/features/$quarter/feature-manifest.json'))['rows'])") people, $(du -sh "$data/features/$quarter" | cut -f1) of features"
rm -rf "$duck_out"
