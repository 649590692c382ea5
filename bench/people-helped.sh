#!/usr/bin/env bash
# People helped, as `evaluate` reports them (docs/SCORING.md, "People supported last quarter, and people helped"): copies the
# committed sample and models, generates the sample's counterfactual (its documented command with --intervention-effect 0),
# ingests and features the sample's first two quarters, imports 2025Q4's outcomes and evaluates each live model on 2025Q4
# (the first quarter after the first dispatch: the clean contrast) against the counterfactual.
# Usage: bench/people-helped.sh [OUT]   (default /tmp/blindspot-people-helped; deleted afterwards unless KEEP=1)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-/tmp/blindspot-people-helped}"
dotnet build Cli/BlindSpot.Cli.csproj -c Release -nologo -v quiet >/dev/null
b="dotnet Cli/bin/Release/net10.0/blindspot.dll"
rm -rf "$out" && mkdir -p "$out"
cp -r sample-data "$out/sample" && cp -r models "$out/models"
$b generate --people 50000 --quarters 2025Q3..2026Q3 --seed 20260926 --out "$out/counterfactual" --gzip --intervention-effect 0 >/dev/null
for q in 2025Q3 2025Q4; do $b ingest $q --data "$out/sample" >/dev/null; done
$b outcomes import "$out/sample/outcomes/2025Q4/outcomes.csv" --quarter 2025Q4 --data "$out/sample" >/dev/null
for q in 2025Q3 2025Q4; do $b features $q --data "$out/sample" >/dev/null; done
for v in household child lonely_death; do
  version=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['version'])" "$out/models/$v/live.json")
  echo "$v:"
  $b evaluate --model "$v/$version" --quarter 2025Q4 --data "$out/sample" --models "$out/models" --counterfactual "$out/counterfactual" | grep -E "supported last|people helped"
done
[[ "${KEEP:-0}" == 1 ]] || rm -rf "$out"
