#!/usr/bin/env bash
# Times whole conversions, process and all: wall time and peak memory (/usr/bin/time -v),
# the median of RUNS runs, at each size in SIZES (MB), beside the parsers alone
# (examples/parser_limits.rs) and pandoc when it is on the PATH. Prints Markdown tables:
# the conversions with their ratios to the limits, then the adversarial shapes at a tenth of
# their size and whole, with the ratio of their times (10 when linear).
#
#   bash benches/scale.sh                  # SIZES="1 10 100" RUNS=3
#   SIZES="1 10" RUNS=1 bash benches/scale.sh
#   PANDOC_MAX_MB=10 (pandoc is skipped above it), SHAPES=0 skips the shapes, SHAPE_SCALE=0.1
#   makes them a tenth of the issue's sizes (1, the default, is the issue's),
#   PROFILE=release (else e.g. fast: see Cargo.toml) is the build measured.
#   FOLIO=path/to/folio measures that binary instead (an earlier build, for a before/after
#   table in one session); the generator and the parsers are still built here.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"1 10 100"}
RUNS=${RUNS:-3}
PANDOC_MAX_MB=${PANDOC_MAX_MB:-10}
SHAPES=${SHAPES:-1}
SHAPE_SCALE=${SHAPE_SCALE:-1}
PROFILE=${PROFILE:-release}

[ -x /usr/bin/time ] || { echo "scale.sh: /usr/bin/time (GNU time) is needed" >&2; exit 1; }

echo "building ($PROFILE)..." >&2
cargo build -q --profile "$PROFILE" --bin folio --example gen_input --example parser_limits
dir=target/$PROFILE
[ "$PROFILE" = dev ] && dir=target/debug
folio=${FOLIO:-$dir/folio}
gen=$dir/examples/gen_input
limits=$dir/examples/parser_limits
work=target/scale
mkdir -p "$work"

# Runs a command RUNS times; prints "SECONDS MB CPU" of the median run (by wall time): its
# wall time, taken around /usr/bin/time (whose own is in hundredths), its peak memory
# ("Maximum resident set size") and its user + system CPU seconds, which a busy machine
# inflates less than the wall time. A failure stops the script.
measure() {
  local times=() start end
  for _ in $(seq "$RUNS"); do
    start=$(date +%s%N)
    /usr/bin/time -v -o "$work/time" "$@" >"$work/out" 2>"$work/err" || {
      echo "scale.sh: failed: $*" >&2
      cat "$work/err" >&2
      exit 1
    }
    end=$(date +%s%N)
    times+=("$(awk -F': ' -v ns=$((end - start)) '
      /Maximum resident set size/ { kb = $2 }
      /User time \(seconds\)|System time \(seconds\)/ { cpu += $2 }
      END { printf "%.3f %.0f %.2f\n", ns / 1e9, kb / 1024, cpu }' "$work/time")")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v n="$RUNS" 'NR == int((n + 1) / 2)'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "n/a" }'; }

has_pandoc=0
command -v pandoc >/dev/null && has_pandoc=1

cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
mem=$(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || true)
echo "Machine: ${cpu:-unknown CPU}, $(nproc) cores, ${mem:-unknown memory}; $(uname -sr); build: ${FOLIO:-$PROFILE}; median of $RUNS runs."
echo
echo "| input | MB | conversion | seconds | CPU s | peak MB | limit | limit s | limit CPU s | limit MB | time / limit | memory / (3x input + 20 MB) | pandoc s | pandoc MB |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"

declare -A secs
for mb in $SIZES; do
  md=$work/input-$mb.md
  page=$work/input-$mb.html
  [ -s "$md" ] || "$gen" markdown "${mb}MB" >"$md"
  [ -s "$page" ] || "$gen" html "${mb}MB" >"$page"
  read -r md_s md_mb md_cpu < <(measure "$limits" pulldown-cmark "$md")
  read -r page_s page_mb page_cpu < <(measure "$limits" html5ever "$page")
  size_mb=$(awk -v b="$(stat -c %s "$md")" 'BEGIN { printf "%.1f", b / 1048576 }')
  for to in html jats epub json; do
    read -r s m cpu < <(measure "$folio" -f markdown -t "$to" "$md" -o "$work/out.$to")
    secs[markdown-$to-$mb]=$s
    p_s=; p_m=
    if [ "$has_pandoc" = 1 ] && awk -v a="$mb" -v b="$PANDOC_MAX_MB" 'BEGIN { exit !(a <= b) }'; then
      read -r p_s p_m _ < <(measure pandoc -f markdown -t "$to" "$md" -o "$work/pandoc.$to")
    fi
    echo "| markdown | $size_mb | to $to | $s | $cpu | $m | pulldown-cmark parse + render | $md_s | $md_cpu | $md_mb | $(ratio "$s" "$md_s") | $(ratio "$m" "$(awk -v x="$size_mb" 'BEGIN { print 3 * x + 20 }')") | ${p_s:--} | ${p_m:--} |"
  done
  size_mb=$(awk -v b="$(stat -c %s "$page")" 'BEGIN { printf "%.1f", b / 1048576 }')
  read -r s m cpu < <(measure "$folio" -f html -t markdown "$page" -o "$work/out.md")
  secs[html-markdown-$mb]=$s
  p_s=; p_m=
  if [ "$has_pandoc" = 1 ] && awk -v a="$mb" -v b="$PANDOC_MAX_MB" 'BEGIN { exit !(a <= b) }'; then
    read -r p_s p_m _ < <(measure pandoc -f html -t markdown "$page" -o "$work/pandoc.md")
  fi
  echo "| web page | $size_mb | article to markdown | $s | $cpu | $m | html5ever parse | $page_s | $page_cpu | $page_mb | $(ratio "$s" "$page_s") | $(ratio "$m" "$(awk -v x="$size_mb" 'BEGIN { print 3 * x + 20 }')") | ${p_s:--} | ${p_m:--} |"
done
[ "$has_pandoc" = 1 ] || echo "(pandoc is not on the PATH: its columns are empty.)"

# time(10 MB) / time(1 MB), 11 at most when the work grows linearly (plus start-up).
if [[ " $SIZES " == *" 1 "* && " $SIZES " == *" 10 "* ]]; then
  echo
  echo "| conversion | time(10 MB) / time(1 MB) |"
  echo "|---|---|"
  for key in markdown-html markdown-jats markdown-epub markdown-json html-markdown; do
    echo "| ${key/-/ to } | $(ratio "${secs[$key-10]}" "${secs[$key-1]}") |"
  done
fi

if [ "$SHAPES" = 1 ]; then
  echo
  echo "Adversarial shapes to HTML, at $SHAPE_SCALE of the issue's sizes and at a tenth of that:"
  echo
  echo "| shape | size | seconds at 1/10 | seconds whole | ratio (10 when linear) | peak MB whole |"
  echo "|---|---|---|---|---|---|"
  while read -r name format what; do
    tenth=$work/shape-$name-$SHAPE_SCALE-tenth
    whole=$work/shape-$name-$SHAPE_SCALE
    [ -s "$whole" ] || "$gen" shape "$name" "$SHAPE_SCALE" >"$whole"
    [ -s "$tenth" ] || "$gen" shape "$name" "$(awk -v s="$SHAPE_SCALE" 'BEGIN { print s / 10 }')" >"$tenth"
    read -r s1 _ _ < <(measure "$folio" -f "$format" -t html "$tenth" -o "$work/out.html")
    read -r s2 m2 _ < <(measure "$folio" -f "$format" -t html "$whole" -o "$work/out.html")
    echo "| $what | $(awk -v b="$(stat -c %s "$whole")" 'BEGIN { printf "%.1f MB", b / 1048576 }') | $s1 | $s2 | $(ratio "$s2" "$s1") | $m2 |"
  done < <("$gen" shapes)
fi
