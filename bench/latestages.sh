#!/usr/bin/env bash
# score, dispatch and discovery-index alone, each under /usr/bin/time, alternating this branch's build with another
# (BEFORE_CLI), ROUNDS times, on a data root that already holds the quarter's roster, lake and features (e.g. the root
# bench/bucketjobs.sh leaves with KEEP=1). Each run first removes the stage's outputs, so the stage runs instead of being
# skipped. Prints wall time and peak RSS per run, and after each run the hash of what the stage wrote, to show both
# builds write the same bytes. The root is written to: use a scratch copy (outcomes/ must be a copy, not hard links:
# dispatch rewrites outcomes/<Q>/dispatches.csv in place). Dispatch's outputs include its summary and its facts parts
# (dispatch/<Q>/, which a build before them does not write), so every run of it does its bucket parts too.
# Usage: BEFORE_CLI=path/to/blindspot.dll bench/latestages.sh ROOT QUARTER [ROUNDS] [STAGE...]
#   e.g. BEFORE_CLI=/work/data-selectbuckets/before/cli/blindspot.dll bench/latestages.sh /work/data-selectbuckets/9m 2026Q3 2 score
set -euo pipefail
root=${1:?usage: bench/latestages.sh ROOT QUARTER [ROUNDS] [STAGE...]}
quarter=${2:?usage: bench/latestages.sh ROOT QUARTER [ROUNDS] [STAGE...]}
rounds=${3:-1}
shift $(( $# < 3 ? $# : 3 ))
stages=("$@")
[[ ${#stages[@]} -gt 0 ]] || stages=(score dispatch discovery-index)
repo=$(cd "$(dirname "$0")/.." && pwd)
source "$repo/bench/measure.sh"
dotnet build "$repo/Cli/BlindSpot.Cli.csproj" -c Release -v quiet -nologo >/dev/null
after="$repo/Cli/bin/Release/net10.0/blindspot.dll"
before=${BEFORE_CLI:?BEFORE_CLI must name the blindspot.dll of the build before}

clear_outputs() {
  case $1 in
    score) rm -f "$root/scores/$quarter/"*.parquet ;;
    dispatch) rm -rf "$root/worklists/$quarter" "$root/worklists/dispatch-summary-$quarter.json" "$root/outcomes/$quarter/dispatches.csv" "$root/dispatch/$quarter" ;;
    discovery-index) rm -rf "$root/discovery/$quarter" ;;
  esac
}

written() {
  case $1 in
    score) (cd "$root" && sha256sum "scores/$quarter/"*.parquet | sha256sum | cut -c1-16) ;;
    dispatch) (cd "$root" && find "worklists/$quarter" "worklists/dispatch-summary-$quarter.json" "outcomes/$quarter/dispatches.csv" -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16) ;;
    discovery-index) (cd "$root" && find "discovery/$quarter" -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16) ;;
  esac
}

for stage in "${stages[@]}"; do
  for ((r = 1; r <= rounds; r++)); do
    for build in before after; do
      cli=$before; [[ $build == after ]] && cli=$after
      models=(); [[ $stage == score ]] && models=(--models "$repo/models")
      clear_outputs "$stage"
      echo "$(uptime | sed 's/.*load/load/')  $stage $build"
      measure "$stage $build $r" dotnet "$cli" "$stage" "$quarter" --data "$root" "${models[@]}" >/dev/null
      echo "  wrote $(written "$stage")"
    done
  done
done
print_table
