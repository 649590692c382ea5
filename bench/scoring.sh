#!/usr/bin/env bash
# Scoring at full size: training the household model on ~1M labelled rows and scoring 9M people for all three variants,
# on a synthetic features-shaped data root made from the real feature schema (bench/BlindSpot.Bench scoring-data), and,
# when python3-xgboost is installed, XGBoost (tree_method=hist, 2 threads) fitting and predicting the very same matrices.
# Usage: bench/scoring.sh [WORK_DIR] [PEOPLE]   (default /tmp/blindspot-bench-scoring, 9000000; the folder is deleted at the end)
set -euo pipefail
work=${1:-/tmp/blindspot-bench-scoring}
people=${2:-9000000}
trees=${TREES:-200}
leaves=${LEAVES:-31}
threads=${THREADS:-1}
repo=$(cd "$(dirname "$0")/.." && pwd)
source "$repo/bench/measure.sh"

dotnet build "$repo/Cli/BlindSpot.Cli.csproj" -c Release -v quiet -nologo >/dev/null
dotnet build "$repo/bench/BlindSpot.Bench/BlindSpot.Bench.csproj" -c Release -v quiet -nologo >/dev/null
cli="$repo/Cli/bin/Release/net10.0/blindspot.dll"
bench="$repo/bench/BlindSpot.Bench/bin/Release/net10.0/BlindSpot.Bench.dll"
rm -rf "$work"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
npy=""
if python3 -c "import xgboost" 2>/dev/null; then npy=1; fi

# 2.5M people with half of the eligible labelled ≈ 1M household training rows; a 200k validation quarter; the 9M quarter to score.
dotnet "$bench" scoring-data "$work/data" 2026Q1 2500000 0.5 ${npy:+"$work/npy-train"}
dotnet "$bench" scoring-data "$work/data" 2026Q2 200000 0.05
dotnet "$bench" scoring-data "$work/data" 2026Q3 "$people" 0.0005 ${npy:+"$work/npy-score"}
rm -f "$work/npy-train/all.npy"

common=(--train 2026Q1 --valid 2026Q2 --data "$work/data" --models "$work/models" --trees "$trees" --leaves "$leaves" --threads "$threads")
measure "train household (1M rows)" dotnet "$cli" train --variant household "${common[@]}"
dotnet "$cli" train --variant child "${common[@]}" | head -2
dotnet "$cli" train --variant lonely_death "${common[@]}" | head -2
for variant in household child lonely_death; do
  version=$(ls "$work/models/$variant" | grep '^v' | head -1)
  dotnet "$cli" models promote "$variant/$version" --data "$work/data" --models "$work/models" --features 2026Q3
done
measure "score 3 variants ($people)" dotnet "$cli" score 2026Q3 --data "$work/data" --models "$work/models"
dotnet "$cli" score 2026Q3 --data "$work/data" --models "$work/models"

if [ -n "$npy" ]; then
  measure "xgboost fit (same 1M rows)" python3 "$repo/bench/xgboost_fit_predict.py" fit "$work/npy-train" "$work/xgb.json" "$trees" "$leaves"
  measure "xgboost predict ($people, 1 model)" python3 "$repo/bench/xgboost_fit_predict.py" predict "$work/npy-score/all.npy" "$work/xgb.json"
fi
print_table
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); features $(du -sh "$work/data/features/2026Q3" | cut -f1) for $people people"
