#!/usr/bin/env bash
# The officer's pages at national scale: one quarter's worklists for every 시군구 (150k entries) and an outcome history
# of 400k rows (bench/BlindSpot.Bench portal-data, synthetic), served by `blindspot serve` built from this checkout
# ("after") and from the commit BEFORE ("before", default: the branch's base before the officer list was reworked).
# Each build signs in as the sample officer of 41110 (the largest sample list) and times N views of each page with curl.
# Then 10 times: 700 rows appended to the history (what an upload of a whole 시군구's file adds), one view.
# Usage: bench/portal.sh [WORK_DIR] [ENTRIES] [HISTORY_ROWS]   (default /tmp/blindspot-bench-portal, 150000, 400000;
# the folder is deleted at the end). N=20 views by default; BEFORE=<commit> to compare against another commit.
# Then the case pages (this checkout only): a case store of ENTRIES cases a quarter for 4 quarters (bench case-data),
# embedded SQLite, and PostgreSQL too when BENCH_POSTGRES holds a connection string (its schema "portal" is replaced).
# CASES_ONLY=1 skips the before/after comparison of the worklist pages.
set -euo pipefail
work=${1:-/tmp/blindspot-bench-portal}
entries=${2:-150000}
history=${3:-400000}
views=${N:-20}
before=${BEFORE:-0dffd9a}
repo=$(cd "$(dirname "$0")/.." && pwd)
quarter=2026Q3
page="/officer/41110/$quarter"

rm -rf "$work"
mkdir -p "$work/src-before"
trap 'rm -rf "$work"' EXIT
dotnet build "$repo/bench/BlindSpot.Bench/BlindSpot.Bench.csproj" -c Release -v quiet -nologo -o "$work/bench" >/dev/null
dotnet build "$repo/Cli/BlindSpot.Cli.csproj" -c Release -v quiet -nologo -o "$work/cli-after" >/dev/null
if [ "${CASES_ONLY:-0}" != 1 ]; then
  git -C "$repo" archive "$before" | tar -x -C "$work/src-before"
  dotnet build "$work/src-before/Cli/BlindSpot.Cli.csproj" -c Release -v quiet -nologo -o "$work/cli-before" >/dev/null
fi
"$work/bench/BlindSpot.Bench" portal-data "$work/data" "$quarter" "$entries" "$history"
ls -l "$work/data/outcomes/$quarter/outcome-history.csv" | awk '{ printf "outcome history: %.1f MB\n", $5 / 1048576 }'

# The first view, then the median and 95th percentile (nearest rank) of all views, in milliseconds.
stats() {
  local first; first=$(head -1 "$1")
  sort -n "$1" | awk -v f="$first" '{ t[NR] = $1 * 1000 } END { p = int(NR * 0.95 + 0.999); printf "%6.0f | %6.0f | %6.0f", f * 1000, t[int((NR + 1) / 2)], t[p] }'
}

run() {
  local name=$1 port=$2
  # A fresh portal folder each time: the sample accounts are seeded into it at start.
  rm -rf "$work/data/portal"
  env -u BLINDSPOT_PSEUDONYM_KEY -u BLINDSPOT_POSTGRES "$work/cli-$name/blindspot" serve --data "$work/data" --urls "http://127.0.0.1:$port" >"$work/$name.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/login" && break; sleep 0.5; done
  local jar="$work/$name.cookies" base="http://127.0.0.1:$port"
  local token
  token=$(curl -s -c "$jar" -b "$jar" "$base/login" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "username=officer-41110" --data-urlencode "password=sample-officer-41110" "$base/login"
  for path in /officer "$page" "$page?status=all&sort=name&page=3"; do
    : >"$work/times"
    for _ in $(seq 1 "$views"); do
      curl -s -o "$work/body" -w '%{http_code} %{time_total}\n' -b "$jar" "$base$path" >>"$work/times.raw"
      tail -1 "$work/times.raw" | awk '$1 != 200 { print "status " $1 > "/dev/stderr"; exit 1 } { print $2 }' >>"$work/times"
    done
    printf '| %-6s | %-45s | %s |\n' "$name" "$path" "$(stats "$work/times")"
  done
  # An upload appends its accepted rows to the history: 700 rows (a whole 시군구's file) before each of 10 views.
  : >"$work/times"
  for _ in $(seq 1 10); do
    tail -700 "$work/data/outcomes/$quarter/outcome-history.csv" >"$work/appended" && cat "$work/appended" >>"$work/data/outcomes/$quarter/outcome-history.csv"
    curl -s -o /dev/null -w '%{time_total}\n' -b "$jar" "$base$page" >>"$work/times"
  done
  printf '| %-6s | %-45s | %s |\n' "$name" "$page after 700 rows appended" "$(stats "$work/times")"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}

# Signs in as $2 (sample password) into cookie jar $1 at $3.
sign_in() {
  local jar=$1 user=$2 base=$3 token
  token=$(curl -s -c "$jar" -b "$jar" "$base/login" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "username=$user" --data-urlencode "password=sample-$user" "$base/login"
}

# N views of $3 with cookie jar $2, one table row named $1.
time_page() {
  local name=$1 jar=$2 url=$3 label=$4
  : >"$work/times"
  for _ in $(seq 1 "$views"); do
    curl -s -o "$work/body" -w '%{http_code} %{time_total}\n' -b "$jar" "$url" >>"$work/times.raw"
    tail -1 "$work/times.raw" | awk '$1 != 200 { print "status " $1 > "/dev/stderr"; exit 1 } { print $2 }' >>"$work/times"
  done
  printf '| %-8s | %-58s | %s |\n' "$name" "$label" "$(stats "$work/times")"
}

# The case pages of one store: the serve arguments after --data.
run_cases() {
  local name=$1 port=$2; shift 2
  rm -f "$work/data/portal/accounts.json"
  env -u BLINDSPOT_PSEUDONYM_KEY -u BLINDSPOT_POSTGRES "$work/cli-after/blindspot" serve --data "$work/data" --urls "http://127.0.0.1:$port" "$@" >"$work/cases-$name.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/login" && break; sleep 0.5; done
  local base="http://127.0.0.1:$port" jar="$work/cases-$name.cookies" local_jar="$work/cases-$name-emd.cookies"
  sign_in "$jar" officer-41110 "$base"
  sign_in "$local_jar" officer-11110515 "$base"
  local id
  id=$(curl -s -b "$jar" "$base/cases/$quarter?sort=rank" | grep -o "/cases/$quarter/$quarter-41110-[A-Z]-[0-9]*" | head -1 | sed 's|.*/||')
  time_page "$name" "$jar" "$base/cases/$quarter" "/cases/$quarter (41110, default: due date)"
  time_page "$name" "$jar" "$base/cases/$quarter?grade=%EC%83%81&status=open&sort=name&page=3" "?grade=상&status=open&sort=name&page=3"
  time_page "$name" "$jar" "$base/cases/$quarter?reason=utility-cut&repeat=1&q=%EC%A3%BC%EB%AF%BC" "?reason=utility-cut&repeat=1&q=주민"
  time_page "$name" "$jar" "$base/cases/$quarter/$id" "case page /cases/$quarter/{id}"
  time_page "$name" "$jar" "$base/cases/$quarter/$id/sheet" "visit sheet /cases/$quarter/{id}/sheet"
  time_page "$name" "$local_jar" "$base/cases/$quarter" "/cases/$quarter as 읍면동 officer 11110515"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}

if [ "${CASES_ONLY:-0}" != 1 ]; then
  echo "| build  | page (officer-41110, $views views)           |  first | median |    p95 |  (ms)"
  run before 5091
  run after 5092
fi

rm -rf "$work/data/portal"
mkdir -p "$work/data/portal" && chmod 700 "$work/data/portal"
"$work/bench/BlindSpot.Bench" case-data "$work/data" "$quarter" "$entries" 4
ls -l "$work/data/portal/cases.db" | awk '{ printf "case store (SQLite): %.1f MB\n", $5 / 1048576 }'
echo "| store    | case page ($views views)                                      |  first | median |    p95 |  (ms)"
run_cases sqlite 5093
if [ -n "${BENCH_POSTGRES:-}" ]; then
  psql "$(echo "$BENCH_POSTGRES" | sed 's/;/ /g; s/Host=/host=/; s/Port=/port=/; s/Username=/user=/; s/Password=/password=/; s/Database=/dbname=/; s/Timeout=[0-9]*//')" -qc 'DROP SCHEMA IF EXISTS portal CASCADE' 2>/dev/null \
    || echo "(could not drop schema portal with psql; continuing)"
  "$work/bench/BlindSpot.Bench" case-data "$work/data" "$quarter" "$entries" 4 "$BENCH_POSTGRES"
  run_cases postgres 5094 --postgres "$BENCH_POSTGRES"
fi
