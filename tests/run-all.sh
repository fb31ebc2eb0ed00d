#!/usr/bin/env bash
# `npm test`: every check a change must pass, in the order that fails fastest.
set -uo pipefail
cd "$(dirname "$0")/.."
# A fresh machine too: browsers, Node 22 and npm packages are installed when missing.
source tests/setup.sh test || exit 1
passed=0
failed=0
step() {
  local name="$1"
  shift
  echo
  echo "=== $name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "!!! $name failed"; fi
}

step "typecheck" npx tsc --noEmit
step "unit tests" npx vitest run
step "e2e builds (chrome, firefox)" npm run --silent build:e2e
step "chrome e2e" npx playwright test
step "firefox e2e" npm run --silent test:firefox
step "store zips" npm run --silent build
step "reproducible build (sources zip -> same zips)" npm run --silent repro
step "web-ext lint (firefox)" npm run --silent lint:firefox
step "bench smoke" npm run --silent bench -- --smoke

echo
echo "checks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
