#!/bin/bash
# Session 32: the full synface64 row (images 000000-000003, seeds 0 and 1) from a given V/L start, one papermill job per
# seed, one thread each, both at once.   bash bench/results/s32/full_table.sh CKPT TAG
cd "$(dirname "$0")/../../.."
CKPT=$1; TAG=$2; O=runs/s32/ft_$TAG; mkdir -p $O
for S in 0 1; do
  OMP_NUM_THREADS=1 .venv/bin/papermill nbs/experiments/shape_benchmark.ipynb $O/s$S.ipynb -p smoke False -p out $O/s$S \
    -p init_ckpt "$CKPT" -y "{n_images: 4, rows: [full], seeds: [$S]}" > $O/s$S.log 2>&1 &
done
wait
