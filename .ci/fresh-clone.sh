#!/usr/bin/env bash
# The new user's first hour, checked: clone this repository's committed HEAD into an empty temporary folder and run the
# README's two quick-start commands there, in order, exactly as the README spells them (read from its first ```bash
# block, so the check cannot drift from the text). Both must succeed; ends with the tests' "N passed, N failed" line.
# It does not start PostgreSQL or Chromium: on a machine without them their tests must be skipped, not failed. Set
# CI=true to make a missing service fail instead. Takes minutes (a cold build, one sample quarter, every test).
# Usage: bash .ci/fresh-clone.sh [keep]   ("keep" leaves the clone in place and prints where it is)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

clone=$(mktemp -d "${TMPDIR:-/tmp}/blindspot-fresh-clone.XXXXXX")
if [ "${1:-}" != "keep" ]; then
  trap 'rm -rf "$clone"' EXIT
fi
git clone --quiet --no-hardlinks "$repo" "$clone/blindspot"
cd "$clone/blindspot"

# The README's quick-start commands: the lines of its first ```bash block, each without its trailing # comment.
mapfile -t commands < <(awk '/^```bash$/ { inside = 1; next } inside && /^```$/ { exit } inside' README.md | sed -E 's/[[:space:]]+#.*$//' | grep -v '^[[:space:]]*$')
if [ "${#commands[@]}" -ne 2 ]; then
  echo "fresh-clone: expected the README's two quick-start commands, found ${#commands[@]}" >&2
  exit 1
fi

status=0
for index in 0 1; do
  echo "== README command $((index + 1)): ${commands[$index]}"
  start=$(date +%s)
  bash -c "${commands[$index]}" || status=$?
  echo "== README command $((index + 1)) exited $status after $(( $(date +%s) - start )) s"
  if [ "$status" -ne 0 ]; then
    break
  fi
done

if [ -d TestResults ]; then
  python3 .ci/summary.py TestResults
fi
if [ "${1:-}" = "keep" ]; then
  echo "clone kept at $clone/blindspot"
fi
exit $status
