#!/usr/bin/env bash
# Analysis speed and linearity, single thread, release build:
#   scripts/bench/analysis-scaling.sh [CORPUS_DIR] [REPEAT]
# prints documents/s of the analysis alone over CORPUS_DIR (default ../shared/corpus/polnear/dev)
# and the time of 1 MB and 10 MB bodies made of corpus text and odd patterns.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
corpus=${1:-"$root/../shared/corpus/polnear/dev"}
repeat=${2:-20}
cd "$root"
swift build -c release --product quotewire >/dev/null
.build/release/quotewire eval "$corpus" --repeat "$repeat" --scaling --scaling-megabytes 1,10
