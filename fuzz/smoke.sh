#!/usr/bin/env bash
# A short run of every fuzz target (SECONDS_EACH, default 3), for CI: skipped with a notice
# when the nightly toolchain or cargo-fuzz is missing. Longer runs:
#   cd fuzz && cargo +nightly fuzz run TARGET corpus/TARGET seeds/TARGET -- -max_total_time=600
set -euo pipefail
cd "$(dirname "$0")"
each=${SECONDS_EACH:-3}
if ! cargo +nightly --version >/dev/null 2>&1 || ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "fuzz smoke run skipped: needs the nightly toolchain and cargo-fuzz (cargo install cargo-fuzz)"
  exit 0
fi
cargo +nightly fuzz build -O
for target in $(cargo +nightly fuzz list); do
  mkdir -p "corpus/$target"
  log=$(mktemp)
  if ! cargo +nightly fuzz run -O "$target" "corpus/$target" "seeds/$target" -- \
      -max_total_time="$each" -rss_limit_mb=2048 -timeout=20 >"$log" 2>&1; then
    tail -n 40 "$log"
    echo "fuzz target $target failed"
    exit 1
  fi
  printf '%-18s %s\n' "$target" "$(grep -o 'Done [0-9]* runs in [0-9]* second(s)' "$log" | tail -n 1)"
  rm -f "$log"
done
