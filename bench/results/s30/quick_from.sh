#!/bin/bash
# The quick preset from a pre-trained checkpoint (run.init_ckpt holding netD: no prior fitting, every image starts
# from the checkpoint's networks), on benchmark images, one thread each, two at a time.
#   bash bench/results/s30/quick_from.sh CKPT TAG SEED STEM [STEM ...]
cd "$(dirname "$0")/../../.." && B=data/synface64/benchmark && CK=$1 && TAG=$2 && SEED=$3 && shift 3
run() { OMP_NUM_THREADS=1 .venv/bin/gan2shape reconstruct --image $B/image/$1.png --latent $B/latents/$1.pt --depth $B/depth/$1.png \
  --gt-mask $B/mask/$1.png --preset ${PRESET:-synface64-quick} --out runs/s30/$TAG/$1 --overwrite --set run.init_ckpt=$CK --set run.seed=$SEED \
  > runs/s30/${TAG}_$1.log 2>&1; grep -A1 "prior alone" runs/s30/${TAG}_$1.log | tr -s ' ' | paste -sd' ' | sed "s/^/$1 /"; }
while [ $# -gt 0 ]; do run $1 & [ $# -gt 1 ] && run $2 & wait; shift; shift; done
