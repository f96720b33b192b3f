#!/usr/bin/env bash
# Sourced by .ci/run (or by hand: `source .ci/use-node.sh`): puts a Node.js that satisfies package.json's
# `engines.node` (">=MAJOR.MINOR") first on PATH. The machines ship Node 20; Node 22 LTS comes from the npm
# registry as the `node` package (a prebuilt binary, no download from elsewhere), installed once into a
# cache prefix and reused. Everything after it (npm ci, the build, the tests) then runs on that Node; the
# native modules in the tree are N-API prebuilds, chosen per platform rather than per Node version, so
# nothing is compiled.
_sovani_min=$(sed -n 's/^ *"node": *">=\([0-9][0-9]*\.[0-9][0-9]*\)".*/\1/p' package.json | head -1)
if [ -z "$_sovani_min" ]; then
  echo "use-node: package.json has no engines.node of the form \">=MAJOR.MINOR\"" >&2
  return 1 2>/dev/null || exit 1
fi
_sovani_node_ok() {
  "$1" -e 'const [a, b] = process.versions.node.split(".").map(Number);
    const [x, y] = process.argv[1].split(".").map(Number);
    process.exit(a > x || (a === x && b >= y) ? 0 : 1)' "$_sovani_min" >/dev/null 2>&1
}
if ! _sovani_node_ok node; then
  _sovani_prefix="${SOVANI_NODE_PREFIX:-${XDG_CACHE_HOME:-$HOME/.cache}/sovani-node-${_sovani_min%%.*}}"
  if ! _sovani_node_ok "$_sovani_prefix/node_modules/.bin/node"; then
    echo "use-node: $(node --version 2>/dev/null || echo 'no node') does not satisfy >=$_sovani_min;" \
      "installing node@${_sovani_min%%.*} from the npm registry into $_sovani_prefix"
    npm install --prefix "$_sovani_prefix" --no-audit --no-fund --loglevel=error "node@${_sovani_min%%.*}"
  fi
  export PATH="$_sovani_prefix/node_modules/.bin:$PATH"
  hash -r
fi
if ! _sovani_node_ok node; then
  echo "use-node: still no Node.js >=$_sovani_min on PATH ($(command -v node))" >&2
  return 1 2>/dev/null || exit 1
fi
echo "use-node: $(command -v node) $(node --version)"
unset -f _sovani_node_ok
unset _sovani_min _sovani_prefix
