#!/usr/bin/env bash
# `npm run demo`: installs what is missing (tests/setup.sh), builds the e2e extension, then starts the
# sandbox hh.ru and Chromium with the extension, logged in as the demo user (tests/demo.ts).
set -uo pipefail
cd "$(dirname "$0")/.."
source tests/setup.sh demo || exit 1
echo "demo: building the extension (wxt build --mode e2e)..."
NODE_ENV=production npx wxt build --mode e2e >/dev/null || exit 1
exec npx tsx tests/demo.ts
