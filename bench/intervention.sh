#!/usr/bin/env bash
# The impact of the simulated dispatch's support (docs/SIMULATION.md, "Intervention effects"): generates the same
# population twice — the default InterventionEffect and the counterfactual (--intervention-effect 0, same seed) — and
# prints, per quarter, the households supported in the previous quarter with their mean largest severity and how many
# are still severe in each run, and the people in crisis per variant. The first dispatched quarter's households are the
# same in both runs (everything up to its outcomes is byte-identical), so its row is the clean causal contrast.
# Usage: bench/intervention.sh [PEOPLE] [QUARTERS] [OUT]   (defaults: 50000 2025Q3..2026Q3 /tmp/blindspot-intervention)
# The output folder is deleted afterwards unless KEEP=1.
set -euo pipefail
cd "$(dirname "$0")/.."
people="${1:-50000}"
quarters="${2:-2025Q3..2026Q3}"
out="${3:-/tmp/blindspot-intervention}"
seed="${SEED:-20260926}"

dotnet build Cli/BlindSpot.Cli.csproj -c Release -nologo -v quiet >/dev/null
rm -rf "$out"
dotnet Cli/bin/Release/net10.0/blindspot.dll generate --people "$people" --quarters "$quarters" --seed "$seed" --out "$out/with" >/dev/null
dotnet Cli/bin/Release/net10.0/blindspot.dll generate --people "$people" --quarters "$quarters" --seed "$seed" --out "$out/without" --intervention-effect 0 >/dev/null
python3 - "$out" <<'PY'
import json, sys
w = json.load(open(sys.argv[1] + '/with/simulation.json'))['quarters']
c = json.load(open(sys.argv[1] + '/without/simulation.json'))['quarters']
print('| quarter | supported last quarter (with / counterfactual) | mean largest severity now | still severe | in crisis: household | child | lonely death |')
print('|---|---:|---:|---:|---:|---:|---:|')
for a, b in zip(w, c):
    ia, ib = a['intervention'], b['intervention']
    t = lambda q, k: q['truth'][k]
    print(f"| {a['quarter']} | {ia['supportedHouseholds']:,} / {ib['supportedHouseholds']:,} | {ia['meanMaxSeverity']:.3f} / {ib['meanMaxSeverity']:.3f} | "
          f"{ia['stillSevere']:,} / {ib['stillSevere']:,} | {t(a,'householdInCrisis'):,} / {t(b,'householdInCrisis'):,} | "
          f"{t(a,'childInCrisis'):,} / {t(b,'childInCrisis'):,} | {t(a,'lonelyDeathInCrisis'):,} / {t(b,'lonelyDeathInCrisis'):,} |")
PY
[[ "${KEEP:-0}" == 1 ]] || rm -rf "$out"
