#!/usr/bin/env bash
# Leerspoor's one entry point. Each command first installs whatever is missing (and
# nothing that is already there), so a fresh Debian machine with rustup needs only:
#   ./dev.sh serve   build and serve the app on http://127.0.0.1:8080
#   ./dev.sh test    run every test: native unit tests, then browser tests
#   ./dev.sh bench   measure size, start-up, features and memory against the budgets
#   ./dev.sh single-file   build dist-single/leerspoor.html, the whole app in one file
# Nothing here downloads a binary from outside the crate registry, npm or Debian.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)

TRUNK_VERSION=0.21.14
export PATH="$HOME/.cargo/bin:$ROOT/tools/node_modules/.bin:$PATH"
# Trunk must never fetch a tool: it takes wasm-bindgen and wasm-opt from PATH.
export TRUNK_OFFLINE=true

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_wasm_target() {
  # rust-toolchain.toml pins the toolchain; rustup does not add its targets to a
  # toolchain that is already there, so add the one we need explicitly.
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "Installing the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
    say "Installing Trunk $TRUNK_VERSION (about 11 minutes on 2 cores, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
}

wasm_bindgen_version() {
  # The exact version Cargo.lock resolved; Trunk refuses any other wasm-bindgen.
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_wasm_bindgen() {
  local version
  version=$(wasm_bindgen_version)
  if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $version"; then
    say "Installing wasm-bindgen-cli $version"
    # --locked can fail on a yanked locked dependency; then resolve afresh.
    cargo install wasm-bindgen-cli --version "$version" --locked \
      || cargo install wasm-bindgen-cli --version "$version"
  fi
}

# npm ci only when the lock file changed since the last install.
ensure_npm() {
  local dir=$1
  if [ ! -f "$dir/node_modules/.package-lock.json" ] \
    || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    say "Installing npm packages in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund)
  fi
}

ensure_chromium() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "Installing Debian's chromium and chromium-driver"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
  fi
}

ensure_build_tools() {
  ensure_wasm_target
  ensure_trunk
  ensure_wasm_bindgen
  ensure_npm tools
}

build_release() {
  say "Building the release into dist/"
  trunk build --release --dist dist
}

make_single_file() {
  say "Making the single file dist-single/leerspoor.html from dist/"
  node scripts/single-file.mjs dist dist-single/leerspoor.html
}

cmd_single_file() {
  ensure_build_tools
  build_release
  make_single_file
}

cmd_serve() {
  ensure_build_tools
  # Address, port and no live reload come from Trunk.toml ([serve]); Trunk's own
  # TRUNK_SERVE_PORT and TRUNK_BUILD_DIST override them (tests/e2e/tests/serve.spec.js).
  say "Serving the release build on http://127.0.0.1:${TRUNK_SERVE_PORT:-8080} (Ctrl-C stops)"
  exec trunk serve --release
}

cmd_test() {
  ensure_build_tools
  ensure_chromium
  ensure_npm tests/e2e
  say "Native unit tests (model and storage rules)"
  cargo test --all-targets
  build_release
  make_single_file
  say "Browser tests (Playwright, Debian chromium, against dist/ on 127.0.0.1 and the single file)"
  local failed=0
  (cd tests/e2e && LEERSPOOR_SINGLE=../../dist-single/leerspoor.html npx playwright test --project=app) || failed=1
  say "The page as ./dev.sh serve gives it (Trunk's pipeline once more; Cargo compiles nothing new)"
  (cd tests/e2e && npx playwright test --project=serve) || failed=1
  return "$failed"
}

ensure_twiggy() {
  if ! command -v twiggy >/dev/null; then
    say "Installing twiggy (wasm size profiler)"
    cargo install twiggy --locked
  fi
}

cmd_bench() {
  ensure_build_tools
  ensure_chromium
  ensure_npm tests/e2e
  ensure_twiggy
  build_release
  say "Building the hello-world baseline into dist-hello/ (benches/hello)"
  (cd benches/hello && CARGO_TARGET_DIR="$ROOT/target" trunk build --release --dist "$ROOT/dist-hello")
  say "Building the floor: the rules without a view (examples/floor.rs) into bench-results/floor/"
  cargo build --release --target wasm32-unknown-unknown --example floor
  rm -rf bench-results/floor
  wasm-bindgen --target web --no-typescript --out-dir bench-results/floor \
    target/wasm32-unknown-unknown/release/examples/floor.wasm
  wasm-opt -Oz bench-results/floor/floor_bg.wasm -o bench-results/floor/floor_bg.wasm
  say "Generating the seeded data (examples/bench_data.rs)"
  mkdir -p bench-results/data
  cargo build --release --example bench_data
  for what in realistic journal network track small bundle; do
    "$ROOT/target/release/examples/bench_data" "$what" >"bench-results/data/$what.json"
  done
  # One that fits in localStorage too: 5 MB does not (see docs/performance.md).
  "$ROOT/target/release/examples/bench_data" bundle 3 >bench-results/data/bundle-3.json
  # A course folder: 30 realistic participants' bundles (examples/sample_bundles.rs).
  rm -rf bench-results/data/folder
  cargo run --release --quiet --example sample_bundles -- 30 bench-results/data/folder
  say "Sizing the wasm with twiggy"
  twiggy top --format json target/wasm32-unknown-unknown/release/leerspoor.wasm \
    >bench-results/twiggy.json
  say "Measuring in headless chromium on 127.0.0.1 (a few minutes)"
  BENCH_PORT="${BENCH_PORT:-4186}" HELLO_PORT="${HELLO_PORT:-4187}" \
    node tests/bench/bench.mjs dist dist-hello bench-results/data bench-results/twiggy.json \
    bench-results/floor
  say "Written: bench-results/latest.json and bench-results/latest.md"
}

case "${1:-}" in
  serve) cmd_serve ;;
  test) cmd_test ;;
  bench) cmd_bench ;;
  single-file) cmd_single_file ;;
  *)
    echo "usage: ./dev.sh serve | test | bench | single-file" >&2
    exit 2
    ;;
esac
