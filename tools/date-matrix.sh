#!/usr/bin/env bash
# The date-sensitive test projects at the moments where calendars turn: a Monday 00:30 and a Sunday
# 23:59 in Shanghai (week boundaries), the last day of a month, 1 January, 29 February 2028, and the
# moment the script runs. Each moment is set through QUNHUO_NOW (tools/local-cloud/clock.ts), the one
# place every part of the stack takes "now" from: the local cloud and its functions, the demo seed,
# the tests' data, and the Date of the pages and weapp build under test (test/support/follow-clock.ts)
# and of Chromium (test/support/browser.ts). No faketime: per-process fake clocks would disagree.
#
#   tools/date-matrix.sh                      unit, cloud, pages and weapp at every moment
#   tools/date-matrix.sh --e2e                also the browser tests (needs build:h5 and Chromium; slow)
#   tools/date-matrix.sh --projects 'unit cloud' [jest path patterns...]
#   tools/date-matrix.sh --no-build           reuse dist/ as it is
set -uo pipefail
cd "$(dirname "$0")/.."

projects='unit cloud pages weapp'
build=1
patterns=()
while (($#)); do
  case $1 in
    --e2e) projects="$projects e2e" ;;
    --projects) projects=$2 && shift ;;
    --no-build) build=0 ;;
    *) patterns+=("$1") ;;
  esac
  shift
done

# name|UTC instant ("now" = the real time, nothing set)
MOMENTS=(
  'monday-0030-shanghai|2026-12-06T16:30:00Z'
  'sunday-2359-shanghai|2026-12-06T15:59:00Z'
  'month-end|2026-11-30T15:30:00Z'
  'new-year|2026-12-31T16:10:00Z'
  'leap-day-2028|2028-02-29T04:00:00Z'
  'now|now'
)

has() { [[ " $projects " == *" $1 "* ]]; }
if ((build)); then
  { has cloud || has weapp || has e2e; } && { npm run --silent build:functions || exit 1; }
  has weapp && { npm run --silent build:weapp >/dev/null || exit 1; }
  has e2e && { npm run --silent build:h5 >/dev/null || exit 1; }
fi

out=.test-artifacts/dates
mkdir -p "$out"
summary=()
failed=0
for entry in "${MOMENTS[@]}"; do
  name=${entry%%|*}
  instant=${entry#*|}
  if [[ $instant == now ]]; then
    instant=$(date -u +%Y-%m-%dT%H:%M:%SZ)
    unset QUNHUO_NOW
  else
    export QUNHUO_NOW=$instant
  fi
  for project in $projects; do
    printf '\n=== %s (%s): %s\n' "$name" "$instant" "$project"
    extra=()
    [[ $project == cloud ]] && extra=(--maxWorkers=2)
    [[ $project == e2e ]] && extra=(--runInBand)
    report="$out/$name-$project.json"
    rm -f "$report"
    npx jest -c test/jest.config.js --selectProjects "$project" --json --outputFile "$report" \
      "${extra[@]}" "${patterns[@]}"
    counts=$(node -e '
      try { const r = require(process.argv[1]); console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed`) }
      catch { console.log("no report") }' "$PWD/$report")
    [[ $counts == *' 0 failed' ]] || failed=1
    summary+=("$(printf '%-22s %-22s %-6s %s' "$name" "$instant" "$project" "$counts")")
  done
done
unset QUNHUO_NOW

printf '\n=== date matrix\n'
printf '%s\n' "${summary[@]}"
exit $failed
