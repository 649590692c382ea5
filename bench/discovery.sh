#!/usr/bin/env bash
# Own discovery (자체 발굴) at national scale: the discovery index of a 9M-person quarter (built with `blindspot
# discovery-index`, timed with /usr/bin/time for wall clock and peak memory) and the search page served by
# `blindspot serve` from this checkout, embedded mode, signed in as officer-41110 (수원시, the largest 시군구 file) and
# officer-11110515 (one 읍면동 of 종로구). N views of each search with curl: the first view (which reads the 시군구's
# index into the portal's cache), then median and p95 (nearest rank) of all views.
# Usage: bench/discovery.sh DATA_ROOT [QUARTER]   (default quarter 2026Q3; the data root needs roster, lake, scores,
# register and identity vault of the quarter, e.g. a hard-link copy of the 9M root: `cp -al`, with runs/ and outcomes/
# copied, since the stage writes its record and the portal its folder there). REBUILD=1 deletes and rebuilds the index;
# without it an existing index is reused. N=20 views by default; ADDS=1 one-person additions by default.
set -euo pipefail
data=${1:?usage: bench/discovery.sh DATA_ROOT [QUARTER]}
quarter=${2:-2026Q3}
views=${N:-20}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/blindspot-bench-discovery.XXXXXX)
trap 'rm -rf "$work"' EXIT
dotnet build "$repo/Cli/BlindSpot.Cli.csproj" -c Release -v quiet -nologo -o "$work/cli" >/dev/null

if [ "${REBUILD:-0}" = 1 ] || [ ! -d "$data/discovery/$quarter" ]; then
  rm -rf "$data/discovery/$quarter"
  env -u BLINDSPOT_POSTGRES /usr/bin/time -v "$work/cli/blindspot" discovery-index "$quarter" --data "$data" >"$work/build.log" 2>&1
  grep -E "^discovery-index" "$work/build.log"
  awk -F': ' '/Elapsed \(wall clock\)/ { printf "index build: wall %s", $2 } /Maximum resident set size/ { printf ", peak RSS %.0f MiB\n", $2 / 1024 }' "$work/build.log"
fi
du -sh "$data/discovery/$quarter" | awk '{ print "index size: " $1 }'
ls -S "$data/discovery/$quarter" | head -1 | xargs -I{} ls -l "$data/discovery/$quarter/{}" | awk '{ printf "largest 시군구 file: %s, %.1f MB\n", $9, $5 / 1048576 }'

stats() {
  local first; first=$(head -1 "$1")
  sort -n "$1" | awk -v f="$first" '{ t[NR] = $1 * 1000 } END { p = int(NR * 0.95 + 0.999); printf "%6.0f | %6.0f | %6.0f", f * 1000, t[int((NR + 1) / 2)], t[p] }'
}

sign_in() {
  local jar=$1 user=$2 base=$3 token
  token=$(curl -s -c "$jar" -b "$jar" "$base/login" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "username=$user" --data-urlencode "password=sample-$user" "$base/login"
}

time_page() {
  local jar=$1 url=$2 label=$3
  : >"$work/times"
  for _ in $(seq 1 "$views"); do
    curl -s -o "$work/body" -w '%{http_code} %{time_total}\n' -b "$jar" "$url" >>"$work/times.raw"
    tail -1 "$work/times.raw" | awk '$1 != 200 { print "status " $1 > "/dev/stderr"; exit 1 } { print $2 }' >>"$work/times"
  done
  local count; count=$(grep -o '조건에 맞는 사람 <strong>[0-9,]*명' "$work/body" | grep -o '[0-9,]*' | head -1)
  printf '| %-62s | %9s | %s |\n' "$label" "$count" "$(stats "$work/times")"
}

# A portal folder of its own, removed after: the sample accounts are seeded into it at start.
portal_backup=""
if [ -d "$data/portal" ]; then portal_backup="$work/portal-before"; mv "$data/portal" "$portal_backup"; fi
restore() { rm -rf "$data/portal"; if [ -n "$portal_backup" ]; then mv "$portal_backup" "$data/portal"; fi; rm -rf "$work"; }
trap restore EXIT
port=5097
env -u BLINDSPOT_PSEUDONYM_KEY -u BLINDSPOT_POSTGRES "$work/cli/blindspot" serve --data "$data" --urls "http://127.0.0.1:$port" >"$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/login" && break; sleep 0.5; done
base="http://127.0.0.1:$port"
sign_in "$work/sigungu.cookies" officer-41110 "$base"
sign_in "$work/emd.cookies" officer-11110515 "$base"
page="$base/discovery/41110/$quarter"
echo "| search ($views views)                                             |  matching |  first | median |    p95 |  (ms)"
time_page "$work/sigungu.cookies" "$page" "41110, no condition (every indexed person of 수원시)"
time_page "$work/sigungu.cookies" "$page?kind=utility-cut&age=65-79" "41110 ?kind=utility-cut&age=65-79"
time_page "$work/sigungu.cookies" "$page?hh=single&g-lonely_death=%EC%83%81" "41110 ?hh=single&g-lonely_death=상"
time_page "$work/sigungu.cookies" "$page?feed=health_insurance_arrears&feed=loan_arrears&g-household=%EC%A4%91&hh=child" "41110 ?feed=…&feed=…&g-household=중&hh=child"
time_page "$work/sigungu.cookies" "$page?emd=41110515&age=80-" "41110 ?emd=41110515&age=80-"
time_page "$work/emd.cookies" "$base/discovery/11110/$quarter" "11110 as the 읍면동 officer of 11110515"
time_page "$work/emd.cookies" "$base/discovery/11110/$quarter?kind=health-insurance" "11110 as the 읍면동 officer, ?kind=health-insurance"
# Adding people as own cases (one POST each: reasons from the lake, the store, the register): 1 person, then 20.
add() {
  local count=$1 url="$page?kind=utility-cut&age=65-79" html token version picks
  html=$(curl -s -b "$work/sigungu.cookies" "$url")
  token=$(echo "$html" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | tail -1 | sed 's/.*value="//; s/"$//')
  version=$(echo "$html" | grep -o 'name="v" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  picks=$(echo "$html" | grep -o 'name="p" value="[0-9]*"' | sed 's/.*value="//; s/"$//' | sed -n "$2,$(($2 + count - 1))p" | sed 's/^/--data-urlencode p=/' | tr '\n' ' ')
  # shellcheck disable=SC2086
  curl -s -o "$work/added" -w "%{http_code} %{time_total}\n" -b "$work/sigungu.cookies" --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "v=$version" \
    --data-urlencode "reason=벤치마크" $picks "$page/add" | awk -v n="$count" '{ printf "| add %-2d people as own cases (41110)                            | status %s | %6.0f ms\n", n, $1, $2 * 1000 }'
}
# ADDS=n: n additions of one person (different people), for a spread rather than one sample.
for i in $(seq 1 "${ADDS:-1}"); do add 1 "$i"; done
add 20 $((${ADDS:-1} + 1))
ps -o rss= -p "$pid" | awk '{ printf "portal RSS after the searches: %.0f MiB\n", $1 / 1024 }'
kill "$pid"
wait "$pid" 2>/dev/null || true
