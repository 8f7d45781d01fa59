#!/usr/bin/env bash
# All tests, in the order a failure is cheapest to find: lint and types, pure rules, the local cloud
# and functions, pages in jsdom, the weapp build in miniprogram-simulate, the H5 build in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
results=.test-artifacts/results
rm -rf "$results" && mkdir -p "$results"
step() { printf '\n=== %s\n' "$*"; }
run_jest() {
  local name=$1
  shift
  npx jest -c test/jest.config.js --selectProjects "$name" --json --outputFile "$results/$name.json" "$@"
}

step "lint: eslint, prettier, tsc"
npm run --silent lint

step "unit: core rules"
run_jest unit

step "build: cloud functions"
npm run --silent build:functions

step "cloud: local cloud fidelity and functions (real wx-server-sdk)"
run_jest cloud --maxWorkers=2

step "pages: jsdom"
run_jest pages

step "build: weapp"
npm run --silent build:weapp

step "weapp: miniprogram-simulate on the built output"
run_jest weapp
npx tsx tools/check-size.ts

step "build: h5"
npm run --silent build:h5

step "e2e: Chromium against the local product"
run_jest e2e --runInBand

node -e '
const fs = require("fs"), dir = process.argv[1];
let passed = 0, failed = 0;
for (const f of fs.readdirSync(dir)) { const r = JSON.parse(fs.readFileSync(dir + "/" + f)); passed += r.numPassedTests; failed += r.numFailedTests; }
console.log(`\nall tests: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
' "$results"
