#!/bin/bash
# The quick preset on one benchmark image with the latent offset through F1D mapping layers, then what its pool carries.
#   bash bench/results/s30/f1d_quick.sh F1D STEM SEED [extra --set ...]
# F1D 8 is the presets' (the original synface config: PixelNorm + 8 linear layers); 7 leaves the PixelNorm out.
cd "$(dirname "$0")/../../.." && B=data/synface64/benchmark && F=$1 && S=$2 && SEED=$3 && shift 3
O=runs/s30/f1d${F}_s${SEED}
OMP_NUM_THREADS=1 .venv/bin/gan2shape reconstruct --image $B/image/$S.png --latent $B/latents/$S.pt --depth $B/depth/$S.png \
  --gt-mask $B/mask/$S.png --preset synface64-quick --out $O --overwrite --set run.keep_checkpoint=true \
  --set gan.F1_d=$F --set run.seed=$SEED "$@"
.venv/bin/python -c "
import torch; c=torch.load('$O/$S/checkpoint.pt',weights_only=False); torch.save(dict(c['nets']),'$O/${S}_nets.pt')"
