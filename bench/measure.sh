#!/usr/bin/env bash
# Sourced by the bench scripts: `measure NAME command…` runs a command under GNU time and appends
# "NAME|wall seconds|peak RSS MiB" to $RESULTS; `print_table` prints them as a table.
command -v /usr/bin/time >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
RESULTS=$(mktemp)

measure() {
  local name=$1; shift
  local log; log=$(mktemp)
  /usr/bin/time -v "$@" 2>"$log" || { cat "$log" >&2; echo "$name failed" >&2; return 1; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.1f", s }' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$log")
  echo "$name|$wall|$rss" >>"$RESULTS"
  rm -f "$log"
}

print_table() {
  printf '| %-28s | %10s | %13s |\n' "run" "wall (s)" "peak RSS (MiB)"
  printf '|%s|%s|%s|\n' "------------------------------" "------------" "---------------"
  while IFS='|' read -r name wall rss; do
    printf '| %-28s | %10s | %13s |\n' "$name" "$wall" "$rss"
  done <"$RESULTS"
}
