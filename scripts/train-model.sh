#!/usr/bin/env bash
# Trains the attribution model on PolNeAR train (only) and writes the Swift source the analysis core
# compiles; --check trains and fails if the committed model differs (training is deterministic).
#   scripts/train-model.sh [--check]      QUOTEWIRE_BIN=path/to/quotewire to use another build
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${QUOTEWIRE_TRAIN_CORPUS:-../shared/corpus/polnear/train}"
model=Sources/QuotewireAnalysis/Models/TrainedModelData.swift
if [ ! -d "$corpus" ]; then
  echo "train-model: $corpus not found (set QUOTEWIRE_TRAIN_CORPUS)" >&2
  exit 66
fi
bin="${QUOTEWIRE_BIN:-}"
if [ -z "$bin" ]; then
  swift build -c release --product quotewire >&2
  bin="$(swift build -c release --show-bin-path)/quotewire"
fi
if [ "${1:-}" = "--check" ]; then
  "$bin" train "$corpus" "$model" --check
else
  "$bin" train "$corpus" "$model"
  echo "train-model: wrote $model; rebuild to use it" >&2
fi
