#!/usr/bin/env bash
# Converts every file of a folder with GNU parallel: one `folio` run per document, as many at
# once as there are cores, on this machine or, with `--sshloginfile`, on several (see the
# README). Prints a line per document converted and one per failure, then a summary; exits 1
# if any failed.
#
#   examples/parallel.sh INPUT_DIR OUTPUT_DIR [FOLIO OPTIONS...]
#   examples/parallel.sh examples/documents out -t html
#
# FOLIO names the folio binary (default: folio on the PATH). Outputs are named after the
# inputs with the extension of -t (Markdown when absent); inputs are taken in name order.
# Two inputs of the same name but another extension (a.md, a.txt) would write the same
# output: `folio --output-dir` numbers such names instead.
set -euo pipefail
[ $# -ge 2 ] || { sed -n '2,12p' "$0" >&2; exit 2; }
in=$1 out=$2
shift 2
folio=${FOLIO:-folio}
parallel --version 2>/dev/null | grep -q 'GNU parallel' || {
  echo "parallel.sh: GNU parallel is not installed" >&2
  exit 2
}

# The extension of the output format: what folio --list-formats shows first for it.
to=markdown
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case ${args[i]} in
    -t | --to) to=${args[i + 1]:-markdown} ;;
    --to=*) to=${args[i]#--to=} ;;
  esac
done
ext=$("$folio" --list-formats | awk -v f="$to" '$1 == f && $2 ~ /^\./ { sub(/^\./, "", $2); print $2; exit }')
[ -n "$ext" ] || { echo "parallel.sh: unknown output format $to" >&2; exit 2; }

mkdir -p "$out"
export folio out ext
# {/.} is the input's name without its folder and extension; --tag would prefix folio's
# errors with the input too, but folio names the input in them already.
set +e
find "$in" -maxdepth 1 -type f -print0 | sort -z |
  parallel -0 --keep-order --joblog "$out/.joblog" \
    '"$folio" {} -o "$out/{/.}.$ext" '"${*@Q}"' && echo "converted {} -> $out/{/.}.$ext"'
set -e
# The job log's seventh column is each job's exit status.
ok=$(awk 'NR > 1 && $7 == 0' "$out/.joblog" | wc -l)
failed=$(awk 'NR > 1 && $7 != 0' "$out/.joblog" | wc -l)
rm -f "$out/.joblog"
echo "converted $ok, failed $failed"
[ "$failed" -eq 0 ]
