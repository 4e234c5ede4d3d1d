#!/usr/bin/env bash
# Peak memory of `annals ingest` against the size of the bulletin, and of `annals export`.
#   bench/memory.sh [MB]    MB of bulletin (default 16; raise --max-bytes past 16 MiB)
# Builds two bulletins by repeating the seed paragraphs: one of English and Chinese
# (seeds 002 and 004 in turn), one of plain ASCII (seed 002's paragraphs, non-ASCII bytes
# dropped); ingests each into a fresh database under GNU time and prints the peak resident
# memory and its ratio to the file's size, then the peak of exporting what was ingested.
set -euo pipefail
cd "$(dirname "$0")/.."
mb="${1:-16}"
if [ ! -x /usr/bin/time ]; then
  echo "bench/memory.sh: needs GNU time as /usr/bin/time (apt-get install time)" >&2
  exit 1
fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DANNALS_WERROR=ON >/dev/null
cmake --build build -j 2 --target annals_cli >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
bytes=$((mb * 1000 * 1000))

paragraphs() {  # the lines of a seed after its title, longer than 40 bytes, each with a blank line
  tail -n +2 "$1" | awk 'length($0) > 40 { print; print "" }'
}
build() {  # name, block of paragraphs: the title and date lines, then the block repeated
  local reps=$((bytes / $(stat -c %s "$2") + 1))
  { head -n 3 seeds/002_*.txt; echo; for _ in $(seq 1 "$reps"); do cat "$2"; done; } > "$work/full"
  head -c "$bytes" "$work/full" | sed '$d' > "$work/$1.txt"  # cut to the size, on a line's end
}
paragraphs seeds/002_*.txt > "$work/english"
paragraphs seeds/004_*.txt > "$work/chinese"
cat "$work/english" "$work/chinese" > "$work/mixed.block"
LC_ALL=C tr -cd '\11\12\40-\176' < "$work/english" > "$work/ascii.block"
build mixed "$work/mixed.block"
build ascii "$work/ascii.block"

peak_kb() { grep 'Maximum resident' "$1" | awk '{ print $NF }'; }
for name in mixed ascii; do
  file="$work/$name.txt"
  size=$(stat -c %s "$file")
  /usr/bin/time -v build/annals --db "$work/$name.db" ingest --max-bytes $((size + 1)) "$file" \
    > "$work/$name.out" 2> "$work/$name.time"
  kb=$(peak_kb "$work/$name.time")
  claims=$(grep -o '([0-9]* claims)' "$work/$name.out" | tail -1)
  awk -v n="$name" -v s="$size" -v k="$kb" -v c="$claims" 'BEGIN {
    printf "ingest %-6s %6.1f MB file %s: peak %7.1f MB, %.1f times the file\n",
           n, s / 1e6, c, k * 1024 / 1e6, k * 1024 / s }'
  /usr/bin/time -v build/annals --db "$work/$name.db" export > /dev/null 2> "$work/$name.export"
  awk -v n="$name" -v k="$(peak_kb "$work/$name.export")" 'BEGIN {
    printf "export %-6s peak %7.1f MB\n", n, k * 1024 / 1e6 }'
done
