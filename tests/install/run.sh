#!/usr/bin/env bash
# Installs the built project into a temporary prefix, then builds and runs an outside
# program against it through find_package(annals) and through pkg-config.
# Usage: run.sh BUILD_DIR CONSUMER_SOURCE_DIR SEEDS_DIR
set -euo pipefail
build=$1 consumer=$2 seeds=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" >/dev/null
cmake -S "$consumer" -B "$work/consumer" -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/consumer" >/dev/null
"$work/consumer/annals_consumer" "$work/a.db" "$seeds"
export PKG_CONFIG_PATH="$work/prefix/lib/pkgconfig:$work/prefix/lib64/pkgconfig"
for d in "$work"/prefix/lib*/pkgconfig; do [ -d "$d" ] && export PKG_CONFIG_PATH="$d"; done
c++ "$consumer/consumer.cpp" -o "$work/pc_consumer" $(pkg-config --cflags --libs annals) \
  -Wl,-rpath,"$(pkg-config --variable=libdir annals)"
"$work/pc_consumer" "$work/b.db" "$seeds"
test -x "$work/prefix/bin/annals"
"$work/prefix/bin/annals" --db "$work/a.db" documents >/dev/null
echo "install test: both outside programs ran"
