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

# Like measure, plus user+system CPU seconds: on a shared machine the CPU time is the steadier figure.
timed() {
  local name=$1; shift
  local log; log=$(mktemp)
  /usr/bin/time -f "%e|%U|%S|%M" "$@" 2>"$log" || { cat "$log" >&2; echo "$name failed" >&2; return 1; }
  tail -1 "$log" | awk -F'|' -v n="$name" '{ printf "| %-34s | %8.1f | %8.1f | %8.0f |\n", n, $1, $2 + $3, $4 / 1024 }' >>"$work/table"
  grep -v '|' "$log" >&2 || true
  rm -f "$log"
}

rm -rf "$work"
mkdir -p "$work"
: >"$work/table"
trap 'rm -rf "$work"' EXIT
# Built into the work folder, so rebuilding the repository while the bench runs cannot swap assemblies under it.
dotnet build "$repo/Cli/BlindSpot.Cli.csproj" -c Release -v quiet -nologo -o "$work/cli" >/dev/null
dotnet build "$repo/bench/BlindSpot.Bench/BlindSpot.Bench.csproj" -c Release -v quiet -nologo -o "$work/bench" >/dev/null
cli="$work/cli/blindspot.dll"
bench="$work/bench/BlindSpot.Bench.dll"
npy=""
py=""
# Debian's python3-xgboost installs for the system interpreter, which a pyenv python3 on PATH may hide.
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c "import xgboost" 2>/dev/null; then py=$candidate; npy=1; break; fi
done

# 2.5M people with half of the eligible labelled ≈ 1M household training rows; a 200k validation quarter; the 9M quarter to score.
dotnet "$bench" scoring-data "$work/data" 2026Q1 2500000 0.5 ${npy:+"$work/npy-train"}
dotnet "$bench" scoring-data "$work/data" 2026Q2 200000 0.05
dotnet "$bench" scoring-data "$work/data" 2026Q3 "$people" 0.0005 ${npy:+"$work/npy-score"}
rm -f "$work/npy-train/all.npy"

common=(--train 2026Q1 --valid 2026Q2 --data "$work/data" --models "$work/models" --trees "$trees" --leaves "$leaves" --threads "$threads")
timed "train household (~1M rows)" dotnet "$cli" train --variant household "${common[@]}"
dotnet "$cli" train --variant child "${common[@]}"
dotnet "$cli" train --variant lonely_death "${common[@]}"
for variant in household child lonely_death; do
  version=$(ls "$work/models/$variant" | grep '^v' | head -1)
  dotnet "$cli" models promote "$variant/$version" --data "$work/data" --models "$work/models" --features 2026Q3
done
timed "score 3 variants ($people people)" dotnet "$cli" score 2026Q3 --data "$work/data" --models "$work/models"

if [ -n "$npy" ]; then
  timed "xgboost fit (same rows)" "$py" "$repo/bench/xgboost_fit_predict.py" fit "$work/npy-train" "$work/xgb.json" "$trees" "$leaves"
  timed "xgboost predict ($people rows, 1 model)" "$py" "$repo/bench/xgboost_fit_predict.py" predict "$work/npy-score/all.npy" "$work/xgb.json"
fi
echo "| run | wall (s) | CPU (s) | peak RSS (MiB) |"
echo "|---|---:|---:|---:|"
cat "$work/table"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); features $(du -sh "$work/data/features/2026Q3" | cut -f1) for $people people"
