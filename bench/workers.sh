#!/usr/bin/env bash
# A quarter run through Hangfire on PostgreSQL by 1, 2, … worker processes (issue #17): for each count, a fresh data root
# whose raw/ and identity/ are hard links of SRC_ROOT's (read only) and outcomes/ a copy, a fresh Hangfire schema, N
# `blindspot worker` processes each running SLOTS bucket jobs at once (default 1: one core each, so N processes are N
# machines' worth of job slots), then `run-quarter --wait`. Prints:
#   - per count: the run's wall time and each worker's peak RSS;
#   - per stage (from Hangfire's states: first job's start to last job's success): wall seconds, so a stage's speed-up
#     with N is read across the tables;
#   - per job kind (from Hangfire's Succeeded states): jobs, sum / median / max of the jobs' own durations, and how many
#     each worker process took. Sum ÷ N machines + the longest job is the bucket stages' floor on N machines.
# One hash of scores/, worklists/ and the register per count: they must be equal.
# Usage: bench/workers.sh SRC_ROOT QUARTER [COUNT...]     (default counts: 1 2)
#   BENCH_POSTGRES: the database (default: the blindspot role's blindspot_bench on 127.0.0.1, created if absent)
#   SLOTS: bucket jobs one worker process runs at once (Pipeline:ShardWorkerCount; default 1)
#   SCRATCH: where the data roots go (default /work/data-workers); deleted at the end unless KEEP=1
set -euo pipefail
src=${1:?usage: bench/workers.sh SRC_ROOT QUARTER [COUNT...]}
quarter=${2:?usage: bench/workers.sh SRC_ROOT QUARTER [COUNT...]}
shift 2
counts=("$@")
[[ ${#counts[@]} -gt 0 ]] || counts=(1 2)
repo=$(cd "$(dirname "$0")/.." && pwd)
scratch=${SCRATCH:-/work/data-workers}
slots=${SLOTS:-1}
db=${BENCH_POSTGRES:-}
if [[ -z $db ]]; then
  su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname = 'blindspot_bench'\"" | grep -q 1 \
    || su postgres -c "psql -qc \"CREATE DATABASE blindspot_bench OWNER blindspot\""
  db="Host=127.0.0.1;Port=5432;Username=blindspot;Password=blindspot;Database=blindspot_bench"
fi
psql_url=$(python3 -c 'import sys; d = dict(p.split("=", 1) for p in sys.argv[1].split(";") if p); print("postgresql://%s:%s@%s:%s/%s" % (d["Username"], d["Password"], d["Host"], d.get("Port", "5432"), d["Database"]))' "$db")

dotnet build "$repo/Cli/BlindSpot.Cli.csproj" -c Release -v quiet -nologo >/dev/null
cli="$repo/Cli/bin/Release/net10.0/blindspot.dll"
summary=$(mktemp)
echo "| worker processes | job slots | run wall (s) | peak RSS per worker (MiB) | load before |" >"$summary"
echo "|---:|---:|---:|---|---|" >>"$summary"
details=$(mktemp)

for n in "${counts[@]}"; do
  root="$scratch/run-$n-$$"
  schema="bench_workers_${n}_$$"
  rm -rf "$root" && mkdir -p "$root"
  for folder in raw identity; do
    [[ -d "$src/$folder" ]] && cp -al "$src/$folder" "$root/$folder"
  done
  # A copy, not links: dispatch rewrites outcomes/<Q>/dispatches.csv in place, which would write through a link into SRC_ROOT.
  [[ -d "$src/outcomes" ]] && cp -a "$src/outcomes" "$root/outcomes"
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  pids=()
  for w in $(seq 1 "$n"); do
    BLINDSPOT_PIPELINE__SHARD_WORKER_COUNT=$slots /usr/bin/time -f "%M" -o "$root/worker-$w.rss" \
      dotnet "$cli" worker --postgres "$db" --postgres-schema "$schema" --data "$root" --models "$repo/models" \
      >"$root/worker-$w.log" 2>&1 &
    pids+=($!)
    # The first worker installs the Hangfire schema; two installing at once collide in PostgreSQL's catalog.
    if [[ $w == 1 ]]; then
      for _ in $(seq 1 120); do
        [[ $(psql "$psql_url" -tAc "SELECT count(*) FROM information_schema.tables WHERE table_schema = '$schema' AND table_name = 'server'") == 1 ]] \
          && [[ $(psql "$psql_url" -tAc "SELECT count(*) FROM \"$schema\".server") -ge 1 ]] 2>/dev/null && break
        sleep 1
      done
    fi
  done
  started=$(date +%s.%N)
  dotnet "$cli" run-quarter "$quarter" --postgres "$db" --postgres-schema "$schema" --data "$root" --models "$repo/models" --wait >"$root/run.log"
  ended=$(date +%s.%N)
  # SIGTERM to the workers themselves (their parent, time, then writes each one's peak).
  for pid in "${pids[@]}"; do pkill -TERM -P "$pid" 2>/dev/null || true; done
  wait "${pids[@]}" 2>/dev/null || true
  rss=$(for w in $(seq 1 "$n"); do awk '{ printf "%.0f", $1 / 1024 }' "$root/worker-$w.rss"; echo; done | paste -sd' ' | sed 's/ /, /g')
  printf '| %s | %s | %.1f | %s | %s |\n' "$n" "$((n * slots))" "$(echo "$ended - $started" | bc)" "$rss" "$load" >>"$summary"
  {
    echo
    echo "### $n worker process(es), $slots slot(s) each"
    # A stage's wall: from its first job's start to its last job's success (bucket jobs, fan-out and reduce included).
    echo "| stage | wall (s) | jobs |"
    echo "|---|---:|---:|"
    psql "$psql_url" -tA -F' | ' <<SQL | sed 's/^/| /; s/$/ |/'
WITH jobs AS (
  SELECT j.id, CASE WHEN j.invocationdata::json->>'Method' IN ('FanOutAsync', 'RunPartAsync', 'ReduceAsync')
                    THEN (j.arguments::json->>0)::json#>>'{}'
                    ELSE regexp_replace(regexp_replace(j.invocationdata::json->>'Method', 'Async$', ''), '([a-z])([A-Z])', '\\1-\\2', 'g') END AS stage
  FROM "$schema".job j)
SELECT lower(jobs.stage), round(extract(epoch FROM max(s.createdat) FILTER (WHERE s.name = 'Succeeded') - min(s.createdat) FILTER (WHERE s.name = 'Processing'))::numeric, 1),
       count(DISTINCT jobs.id)
FROM jobs JOIN "$schema".state s ON s.jobid = jobs.id
GROUP BY 1 ORDER BY min(s.createdat);
SQL
    echo
    echo "| job | jobs | sum (s) | median (s) | max (s) | taken per worker process |"
    echo "|---|---:|---:|---:|---:|---|"
    psql "$psql_url" -tA -F' | ' <<SQL | sed 's/^/| /; s/$/ |/'
WITH done AS (
  SELECT j.id, CASE WHEN j.invocationdata::json->>'Method' IN ('FanOutAsync', 'RunPartAsync', 'ReduceAsync')
                    THEN ((j.arguments::json->>0)::json#>>'{}') || ' ' || (j.invocationdata::json->>'Method')
                    ELSE j.invocationdata::json->>'Method' END AS job,
         (s.data::json->>'PerformanceDuration')::numeric / 1000 AS seconds,
         (SELECT regexp_replace(ps.data::json->>'ServerId', ':[0-9a-f-]{36}$', '') FROM "$schema".state ps
          WHERE ps.jobid = j.id AND ps.name = 'Processing' ORDER BY ps.id DESC LIMIT 1) AS server
  FROM "$schema".job j JOIN "$schema".state s ON s.jobid = j.id AND s.name = 'Succeeded'),
per_server AS (SELECT job, server || ' ×' || count(*) AS taken FROM done GROUP BY job, server)
SELECT d.job, count(*), round(sum(d.seconds), 1),
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY d.seconds)::numeric, 1), round(max(d.seconds), 1),
       (SELECT string_agg(taken, ', ' ORDER BY taken) FROM per_server p WHERE p.job = d.job)
FROM done d GROUP BY d.job ORDER BY d.job;
SQL
    (cd "$root" && find "scores/$quarter" "worklists/$quarter" "outcomes/$quarter/dispatches.csv" -type f -not -path '*/shards/*' -print0 | sort -z | xargs -0 sha256sum | sha256sum | sed "s/ .*/  scores+worklists+register hash/")
  } >>"$details"
  psql "$psql_url" -qc "SET client_min_messages = warning; DROP SCHEMA \"$schema\" CASCADE" >/dev/null
  [[ ${KEEP:-0} == 1 ]] || rm -rf "$root"
done
cat "$summary" "$details"
