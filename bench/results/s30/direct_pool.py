"""How much would a better E give? The quick preset with step 2's pool made by *direct* GAN fits of the method's own
pseudo-samples (`study.gan_fit`: G(w + δ) from the image's latent, ITERS Adam steps on step 2's loss, no encoder)
instead of E's projections. Same pseudo-samples as step 2 draws (the networks after step 1), same pool size.

    OMP_NUM_THREADS=1 python bench/results/s30/direct_pool.py IMAGE [SEED] [--iters 200]
"""
import argparse, time
from dataclasses import replace
import torch
from gan2shape.core import data_dir
from gan2shape.config import load_preset
from gan2shape.reconstruct import build_setup, prepare_target
from gan2shape.study import gan_fit
from gan2shape.steps import decompose, canonical_mask, pseudo_samples, Pool
from gan2shape.train import fit

ap = argparse.ArgumentParser(); ap.add_argument('image'); ap.add_argument('seed', type=int, nargs='?', default=0)
ap.add_argument('--preset', default='synface64-quick'); ap.add_argument('--out', default='runs/s30/direct')
ap.add_argument('--iters', type=int, default=200)
a = ap.parse_args(); torch.set_num_threads(1)
root = data_dir()/'synface64'/'benchmark'; n = a.image
cfg = load_preset(a.preset); cfg = replace(cfg, run=replace(cfg.run, seed=a.seed))
s = build_setup(cfg, 'cpu')
tgt, _ = prepare_target(s, root/'image'/f'{n}.png', root/'latents'/f'{n}.pt', depth_path=root/'depth'/f'{n}.png',
                        gt_mask_path=root/'mask'/f'{n}.png', progress=False)
def direct(k, stg, g, t):
    with torch.no_grad():
        comp = decompose(s, t.image, t.mask); cm = canonical_mask(s, comp, t.mask)
        ims, ms = pseudo_samples(s, comp, cm, stg.n_proj * stg.collect_iters, g)
    t1 = time.time(); fits = gan_fit(s, t.w, ims, ms, iters=a.iters)[0]
    print(f'  {len(ims)} direct fits in {time.time() - t1:.0f} s', flush=True)
    return Pool(fits, ms)
t0 = time.time()
sc = fit(s, tgt, f'{a.out}/{a.preset}_direct{a.iters}_s{a.seed}/{n}', progress=False, pool_source=direct).score.summary()
print(f"{a.preset} direct{a.iters} {n} seed {a.seed}: SIDE {sc['side_e2']:.3f} MAD {sc['mad_deg']:.2f} ({time.time() - t0:.0f} s)", flush=True)
