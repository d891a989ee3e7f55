#!/bin/bash
# Does E pre-trained jointly help the quick preset project? init_vl.pt's V and L plus the netEnc of the batch-8 joint run
# after stage 0 (runs/s29/pretrain_b8/_shared_u1.pt, not committed), then the quick preset on image 000000 and pool_views.py.
cd "$(dirname "$0")/../../.." && B=data/synface64/benchmark
.venv/bin/python -c "
import torch; a=torch.load('data/synface64/init_vl.pt',weights_only=False); b=torch.load('runs/s29/pretrain_b8/_shared_u1.pt',weights_only=False)
torch.save({**a, 'netEnc': b['netEnc']}, 'runs/s29/vl_plus_jointE_u1.pt')"
OMP_NUM_THREADS=1 .venv/bin/gan2shape reconstruct --image $B/image/000000.png --latent $B/latents/000000.pt --depth $B/depth/000000.png --gt-mask $B/mask/000000.png --preset synface64-quick --out runs/s29/etr_quick --set run.keep_checkpoint=true --set run.init_ckpt=runs/s29/vl_plus_jointE_u1.pt
.venv/bin/python -c "
import torch; c=torch.load('runs/s29/etr_quick/000000/checkpoint.pt',weights_only=False); torch.save(dict(c['nets']),'runs/s29/etr_quick_000000.pt')"
OMP_NUM_THREADS=1 .venv/bin/python bench/results/s29/pool_views.py runs/s29/etr_quick_000000.pt --n 1 --k 8
