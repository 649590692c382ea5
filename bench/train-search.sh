#!/usr/bin/env bash
# The search behind train's defaults (docs/SCORING.md, "Training"; figures in docs/BENCHMARKS.md, "Train's defaults"):
# a grid of FastTree settings, each backtested per variant on the dispatched list (models backtest: trained on the
# labels up to each of the last FOLDS labelled quarters, that quarter dispatched through Dispatch's selection with the
# live models ranking the other variants, the list measured against the truth). Prints one Markdown table per variant,
# with /usr/bin/time's wall time and peak memory. One job at a time, one thread: the machine is shared.
# Usage: bench/train-search.sh DATA MODELS [FOLDS] [VARIANTS]
#   e.g. bench/train-search.sh /work/data-quality/1m /work/data-quality/models 3 "household child lonely_death"
set -euo pipefail
data=${1:?data root}
models=${2:?models folder (live models rank the other variants)}
folds=${3:-3}
variants=${4:-household child lonely_death}
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cli=${BLINDSPOT_DLL:-$repo/Cli/bin/Release/net10.0/blindspot.dll}
trees=${TREES:-100,200,400}
leaves=${LEAVES:-8,31}
rates=${RATES:-0.05,0.1}
min_leaf=${MIN_LEAF:-20}
# RECIPES="100x8@0.05/20 200x31@0.1/20 …" backtests exactly those instead of the grid (the refinement round).
if [ -n "${RECIPES:-}" ]; then
  grid=()
  for r in $RECIPES; do grid+=(--recipe "$r"); done
  what="recipes $RECIPES"
else
  grid=(--trees "$trees" --leaves "$leaves" --learning-rate "$rates" --min-leaf "$min_leaf")
  what="trees $trees × leaves $leaves × learning rate $rates × min leaf $min_leaf"
fi
for v in $variants; do
  echo "## $v ($what, $folds folds)"
  /usr/bin/time -f "wall %e s, peak %M KB" dotnet "$cli" models backtest --variant "$v" --data "$data" --models "$models" \
    --folds "$folds" "${grid[@]}" 2> >(grep -v '^fold ' >&2)
  echo
done
