#!/usr/bin/env bash
# Ingest of one quarter under /usr/bin/time, with several builds and bucket counts, each into a fresh data root whose
# raw/ is a symlink to an existing one (read only: nothing is written there); with FULL=1 then features, score and
# dispatch with the same build, and one hash of features/, scores/, worklists/ and the register per run to compare.
# PREVIOUS=1 ingests the quarter before first (for the change features), unmeasured.
# Usage: bench/buckets.sh RAW_ROOT QUARTER SPEC...   SPEC = main (MAIN_CLI=path/to/blindspot.dll) | default | <B>
#   e.g. MAIN_CLI=/work/data-buckets/main-src/Cli/bin/Release/net10.0/blindspot.dll bench/buckets.sh /work/data-contract 2026Q3 main default
# Scratch roots go under $SCRATCH (default /work/data-buckets) and are deleted at the end unless KEEP=1.
set -euo pipefail
raw_root=${1:?usage: bench/buckets.sh RAW_ROOT QUARTER SPEC...}
quarter=${2:?usage: bench/buckets.sh RAW_ROOT QUARTER SPEC...}
shift 2
repo=$(cd "$(dirname "$0")/.." && pwd)
scratch=${SCRATCH:-/work/data-buckets}
source "$repo/bench/measure.sh"

dotnet build "$repo/Cli/BlindSpot.Cli.csproj" -c Release -v quiet -nologo >/dev/null
cli="$repo/Cli/bin/Release/net10.0/blindspot.dll"
models="$repo/models"
roots=()
for spec in "$@"; do
  root="$scratch/run-$spec-$$"
  rm -rf "$root" && mkdir -p "$root" && ln -s "$raw_root/raw" "$root/raw"
  # Past dispatches and labels of earlier quarters, which dispatch reads, as they are.
  [[ -d "$raw_root/outcomes" ]] && cp -r "$raw_root/outcomes" "$root/outcomes" && rm -rf "$root/outcomes/$quarter/dispatches.csv"
  [[ -d "$raw_root/identity" ]] && ln -s "$raw_root/identity" "$root/identity"
  roots+=("$root")
  if [[ "${PREVIOUS:-0}" == 1 ]]; then
    # Change features compare with the quarter before: ingest it first, with the same build and B.
    year=${quarter%Q*}; q=${quarter#*Q}
    previous=$([[ $q == 1 ]] && echo "$((year - 1))Q4" || echo "${year}Q$((q - 1))")
    case $spec in
      main) dotnet "$MAIN_CLI" ingest "$previous" --data "$root" >/dev/null ;;
      default) env -u BLINDSPOT_PARTITIONING__BUCKETS dotnet "$cli" ingest "$previous" --data "$root" >/dev/null ;;
      *) env BLINDSPOT_PARTITIONING__BUCKETS="$spec" dotnet "$cli" ingest "$previous" --data "$root" >/dev/null ;;
    esac
  fi
  case $spec in
    main) measure "ingest main" env -u BLINDSPOT_PARTITIONING__BUCKETS dotnet "${MAIN_CLI:?MAIN_CLI must name the blindspot.dll of main}" ingest "$quarter" --data "$root" >/dev/null ;;
    default) measure "ingest buckets B=default" env -u BLINDSPOT_PARTITIONING__BUCKETS dotnet "$cli" ingest "$quarter" --data "$root" >/dev/null ;;
    *) measure "ingest buckets B=$spec" env BLINDSPOT_PARTITIONING__BUCKETS="$spec" dotnet "$cli" ingest "$quarter" --data "$root" >/dev/null ;;
  esac
  if [[ "${FULL:-0}" == 1 ]]; then
    # The stages after ingest with the same build as the ingest: main's outputs are the reference for this branch's.
    stages_cli=$([[ $spec == main ]] && echo "$MAIN_CLI" || echo "$cli")
    measure "features ($spec)" dotnet "$stages_cli" features "$quarter" --data "$root" >/dev/null
    measure "score ($spec)" dotnet "$stages_cli" score "$quarter" --data "$root" --models "$models" >/dev/null
    measure "dispatch ($spec)" dotnet "$stages_cli" dispatch "$quarter" --data "$root" >/dev/null
  fi
done
print_table
for root in "${roots[@]}"; do
  printf '%s: %s buckets, ' "$(basename "$root")" "$(ls -d "$root"/roster/"$quarter"/bucket=* 2>/dev/null | wc -l)"
  python3 -c "import json,sys; r=json.load(open(sys.argv[1])); t=r['totals']; print('read', t['rowsRead'], 'accepted', t['accepted'], 'rejected', t['rejected'], 'duplicates', t['duplicates'], 'unknown', t['unknownKeys'])" "$root/quarantine/$quarter/ingest-report.json"
  if [[ "${FULL:-0}" == 1 && -d "$root/features/$quarter" ]]; then
    (cd "$root" && find "features/$quarter" "scores/$quarter" "worklists/$quarter" "outcomes/$quarter/dispatches.csv" -type f -not -path '*/shards/*' -print0 | sort -z | xargs -0 sha256sum | sha256sum | sed "s/ .*/  outputs hash/")
  fi
done
[[ "${KEEP:-0}" == 1 ]] || rm -rf "${roots[@]}"
