#!/bin/bash
# Session 32: the quick table (images 000000-000007, seeds 0 and 1) from a given V/L start, one papermill job per seed,
# one thread each, both at once.   bash bench/results/s32/quick_table.sh CKPT TAG
cd "$(dirname "$0")/../../.."
CKPT=$1; TAG=$2; O=runs/s32/qt_$TAG; mkdir -p $O
for S in 0 1; do
  OMP_NUM_THREADS=1 .venv/bin/papermill nbs/experiments/shape_benchmark.ipynb $O/s$S.ipynb -p smoke False -p out $O/s$S \
    -p init_ckpt "$CKPT" -y "{n_images: 8, rows: [prior, quick], seeds: [$S]}" > $O/s$S.log 2>&1 &
done
wait
