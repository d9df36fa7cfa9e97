#!/usr/bin/env bash
# Before/after in one session: each conversion of scale.sh's inputs (1 and 10 MB) is run by
# the parser alone, then by BEFORE, then by AFTER, RUNS times in turn, so that a busy machine
# weighs on all three alike. Prints a Markdown table of the medians (wall seconds, user +
# system CPU seconds, peak MB from /usr/bin/time) and the ratios to the parser's.
#
#   bash benches/compare.sh BEFORE_BINARY [AFTER_BINARY]   # AFTER: target/release/folio
#   RUNS=5 SIZES="1 10"; BUILD=0 uses the generator and parser binaries already built;
#   PROFILE=fast takes them from that profile (release by default).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: compare.sh BEFORE_BINARY [AFTER_BINARY]" >&2; exit 2; }
RUNS=${RUNS:-5}
SIZES=${SIZES:-"1 10"}
before=$1
after=${2:-target/release/folio}
profile=${PROFILE:-release}
[ "${BUILD:-1}" = 0 ] || cargo build -q --profile "$profile" --example gen_input --example parser_limits
gen=target/$profile/examples/gen_input
limits=target/$profile/examples/parser_limits
work=target/scale
mkdir -p "$work"

one() { # COMMAND...: prints "WALL CPU MB"
  local start end
  start=$(date +%s%N)
  /usr/bin/time -f "%U %S %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || {
    echo "compare.sh: failed: $*" >&2
    cat "$work/err" >&2
    exit 1
  }
  end=$(date +%s%N)
  awk -v ns=$((end - start)) '{ printf "%.3f %.2f %.0f\n", ns / 1e9, $1 + $2, $3 / 1024 }' "$work/time"
}
median() { sort -n | awk '{ a[NR] = $0 } END { print a[int((NR + 1) / 2)] }'; }

row() { # NAME PARSER INPUT FOLIO_ARGS...
  local name=$1 parser=$2 input=$3
  shift 3
  local l=() b=() a=()
  for _ in $(seq "$RUNS"); do
    l+=("$(one "$limits" "$parser" "$input")")
    b+=("$(one "$before" "$@")")
    a+=("$(one "$after" "$@")")
  done
  read -r lw lc lm < <(printf '%s\n' "${l[@]}" | median)
  read -r bw bc bm < <(printf '%s\n' "${b[@]}" | median)
  read -r aw ac am < <(printf '%s\n' "${a[@]}" | median)
  awk -v n="$name" -v b="$(stat -c %s "$input")" -v lw="$lw" -v lc="$lc" -v lm="$lm" \
    -v bw="$bw" -v bc="$bc" -v bm="$bm" -v aw="$aw" -v ac="$ac" -v am="$am" 'BEGIN {
    mb = b / 1048576
    printf "| %s | %.1f | %.3f / %.2f / %d | %.3f / %.2f / %d | %.3f / %.2f / %d | %.2f | %.2f | %.2f |\n",
      n, mb, lw, lc, lm, bw, bc, bm, aw, ac, am, bw / lw, aw / lw, am / (3 * mb + 20) }'
}

echo "Machine: $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(nproc) cores; $(uname -sr); median of $RUNS runs, taken in turn."
echo
echo "| conversion | MB | parser alone: s / CPU s / MB | before | after | before / parser | after / parser | after MB / (3x input + 20 MB) |"
echo "|---|---|---|---|---|---|---|---|"
for mb in $SIZES; do
  md=$work/input-$mb.md
  page=$work/input-$mb.html
  [ -s "$md" ] || "$gen" markdown "${mb}MB" >"$md"
  [ -s "$page" ] || "$gen" html "${mb}MB" >"$page"
  for to in html jats epub json; do
    row "markdown to $to" pulldown-cmark "$md" -f markdown -t "$to" "$md" -o "$work/compare.$to"
  done
  row "web page to markdown" html5ever "$page" -f html -t markdown "$page" -o "$work/compare.md"
done
