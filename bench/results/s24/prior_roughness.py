"""Session 24: how rough is D after prior pre-training, iteration by iteration (issue 11, the demo's schedule).

    OMP_NUM_THREADS=1 python bench/results/s24/prior_roughness.py STEM ITERS [LR ...]

Fits a fresh depth network to the ellipsoid prior of a benchmark image as `synface64` does (`gan2shape.train`'s prior
phase: Adam, the prior's MSE), once per learning rate, and every 100 iterations prints the MSE, the depth's roughness
(`losses.smoothness`, the mean absolute second difference that step 1 logs as `smooth`), and SIDE/MAD against the truth.
"""
import sys, json, time
import torch
from gan2shape.core import data_dir
from gan2shape.config import load_preset, apply_overrides
from gan2shape.reconstruct import build_setup, prepare_target
from gan2shape.steps import prior_loss, decompose
from gan2shape.losses import smoothness
import gan2shape.train as T

stem, iters = sys.argv[1], int(sys.argv[2])
root = data_dir()/'synface64'/'benchmark'
for lr in [float(x) for x in sys.argv[3:]] or [1e-4]:
    cfg = apply_overrides(load_preset('synface64'), [f'optim.lr={lr}'])
    torch.manual_seed(0)
    s = build_setup(cfg, 'cpu')
    tgt, _ = prepare_target(s, root/f'image/{stem}.png', root/f'latents/{stem}.pt', depth_path=root/f'depth/{stem}.png',
                            gt_mask_path=root/f'mask/{stem}.png', progress=False)
    prior = T._config_prior(s, tgt)
    opt = T.make_optimizer(s, 'prior')
    t0 = time.time()
    for i in range(1, iters + 1):
        loss = prior_loss(s, tgt.image, prior)
        opt.zero_grad(); loss.backward(); opt.step()
        if i % 100 == 0:
            with torch.no_grad():
                rough = smoothness(decompose(s, tgt.image).depth).item()
                sc = T.evaluate(s, tgt).summary()
            print(json.dumps({'stem': stem, 'lr': lr, 'iter': i, 'mse': float(f'{loss.item():.3g}'), 'rough': round(rough, 4),
                              'side_e2': round(sc['side_e2'], 3), 'mad_deg': round(sc['mad_deg'], 2), 'seconds': round(time.time() - t0)}), flush=True)
