#!/bin/bash
# Session 21 §3: the synface64 preset with the shape of the original CelebA instance schedule (configs/celeba.yml):
# stage 0 [600, 600, 400] with flip3, then 3 × [200, 500, 300] without; N_p 16, a pool of 100 batches.
#   OMP_NUM_THREADS=1 bash bench/results/s21/celeba_schedule.sh 000000 0 runs/s21/cel_000000_s0
cd "$(dirname "$0")/../../.."; B=data/synface64/benchmark; stem=$1; seed=$2; out=$3; shift 3
.venv/bin/gan2shape reconstruct --image $B/image/$stem.png --latent $B/latents/$stem.pt --depth $B/depth/$stem.png --gt-mask $B/mask/$stem.png \
  --preset synface64 --set run.seed=$seed \
  --set "schedule.stages=[{iters: [600, 600, 400], n_proj: 16, flip3: true, collect_iters: 100}, {iters: [200, 500, 300], n_proj: 16, flip3: false, collect_iters: 100, repeat: 3}]" \
  --set run.keep_checkpoint=true "$@" --out $out --overwrite
