"""What the GAN's projections add to the quick preset: the same run with every projected sample replaced by the input
image itself (a GAN that cannot move the face), against the preset as it ships.

    OMP_NUM_THREADS=1 python bench/results/s29/still_quick.py IMAGE [SEED] [--preset synface64-quick] [--gan]

--gan runs the preset unchanged (step 2 and the GAN's projections), the same way, for the comparison.
"""
import argparse, time
from dataclasses import replace
import torch
from gan2shape.core import data_dir
from gan2shape.config import load_preset
from gan2shape.reconstruct import build_setup, prepare_target
from gan2shape.study import still_source
from gan2shape.train import fit

ap = argparse.ArgumentParser(); ap.add_argument('image'); ap.add_argument('seed', type=int, nargs='?', default=0)
ap.add_argument('--preset', default='synface64-quick'); ap.add_argument('--out', default='runs/s29/still'); ap.add_argument('--gan', action='store_true')
a = ap.parse_args(); torch.set_num_threads(1)
root = data_dir()/'synface64'/'benchmark'; n = a.image
cfg = load_preset(a.preset); cfg = replace(cfg, run=replace(cfg.run, seed=a.seed))
s = build_setup(cfg, 'cpu')
tgt, _ = prepare_target(s, root/'image'/f'{n}.png', root/'latents'/f'{n}.pt', depth_path=root/'depth'/f'{n}.png',
                        gt_mask_path=root/'mask'/f'{n}.png', progress=False)
still = still_source()   # the pool: n_proj × collect_iters copies of the input and its mask (the shape benchmark's still row)
t0 = time.time()
kind = 'gan' if a.gan else 'still'
sc = fit(s, tgt, f'{a.out}/{a.preset}_{kind}_s{a.seed}/{n}', progress=False, pool_source=None if a.gan else still).score.summary()
print(f"{a.preset} {kind} {n} seed {a.seed}: SIDE {sc['side_e2']:.3f} MAD {sc['mad_deg']:.2f} ({time.time() - t0:.0f} s)", flush=True)
