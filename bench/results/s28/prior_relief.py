"""Session 28: the relief scale of the ellipsoid prior alone (drawn on the image's mask, image frame), as view_relief.py
measures it for trained networks (a < 1: deeper than the truth), on benchmark images 0..N-1.

    OMP_NUM_THREADS=1 python bench/results/s28/prior_relief.py [N]
"""
import sys, torch
from gan2shape.config import resolve_config
from gan2shape.core import data_dir
from gan2shape.reconstruct import build_setup, prepare_target
from gan2shape.train import prior_from_config
from gan2shape.metrics import eval_mask, relief_scale
torch.set_num_threads(1)
root = data_dir()/'synface64'/'benchmark'
cfg = resolve_config('synface64-quick'); s = build_setup(cfg, 'cpu')
n = int(sys.argv[1]) if len(sys.argv) > 1 else 8; sc = []
for i in range(n):
    st = f'{i:06d}'
    tgt, _ = prepare_target(s, root/'image'/f'{st}.png', root/'latents'/f'{st}.pt', depth_path=root/'depth'/f'{st}.png', gt_mask_path=root/'mask'/f'{st}.png', progress=False)
    d = prior_from_config(cfg, tgt.mask)
    sc.append(relief_scale(d, tgt.depth_gt, eval_mask(tgt.gt_mask[:, 0], (d < cfg.camera.max_depth + 0.1).float()))[0].item()); print(f'{st}: prior relief scale {sc[-1]:.2f}', flush=True)
print(f'mean over {n}: {sum(sc) / n:.2f}')
