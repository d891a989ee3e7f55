"""Do a model's pseudo-samples and their GAN projections carry the view they were rendered with?

For the first N held-out benchmark images: decompose with the model in CKPT, render its pseudo-samples under random views
(step 2's draws) and project them through E and G as step 3's pool is made. A *reference* view network, the labelled
`init_vl.pt` (used here only as a measuring instrument, never for training), reads the yaw of each render and each
projection; the slope of (its yaw of the sample − its yaw of the input image) on the sampled yaw says how much of the
rotation survives (1: all of it; 0: none). The model's own V is read the same way (what step 3 trains it towards).
The same for the light: the reference L's horizontal light direction on each sample against the one it was lit with.

    OMP_NUM_THREADS=1 python bench/results/s29/pool_views.py CKPT [--n 8] [--k 2] [--direct ITERS] [--set KEY=VALUE ...]

(--set, added in session 30, changes the model's config, e.g. gan.F1_d=7; the instrument keeps the preset.)

--direct ITERS also fits every render through the GAN directly (`study.gan_fit`, G(w + δ) from the image's latent,
ITERS Adam steps on step 2's loss, no encoder) and reads those fits the same way: what the GAN itself can show of the
sampled view and light, the most a better E could keep.
"""
import argparse, math
from dataclasses import replace
from pathlib import Path
import torch
from gan2shape.core import data_dir
from gan2shape.config import load_preset, apply_overrides
from gan2shape.reconstruct import build_setup, prepare_target
from gan2shape.study import gan_fit
from gan2shape.steps import decompose, predict_view, predict_light, canonical_mask, pseudo_samples, gan_project

ap = argparse.ArgumentParser(); ap.add_argument('ckpt'); ap.add_argument('--n', type=int, default=8); ap.add_argument('--k', type=int, default=2)
ap.add_argument('--n-proj', type=int, default=12); ap.add_argument('--direct', type=int, default=0)
ap.add_argument('--set', action='append', default=[])
a = ap.parse_args(); torch.set_num_threads(1)
root = data_dir()/'synface64'/'benchmark'
names = (root/'list.txt').read_text().split()[:a.n]
cfg = load_preset('synface64')
mine = apply_overrides(cfg, a.set)
s = build_setup(replace(mine, run=replace(mine.run, init_ckpt=a.ckpt)), 'cpu')
ref = build_setup(replace(cfg, run=replace(cfg.run, init_ckpt='data:synface64/init_vl.pt')), 'cpu', gan=s.gan, perceptual=s.perceptual)
yaw = lambda ss, x: torch.rad2deg(predict_view(ss, x)[:, 1])
g = torch.Generator().manual_seed(0)
cols = {k: [] for k in ('v', 'ref_render', 'ref_proj', 'own_proj', 'lx', 'ref_render_lx', 'ref_proj_lx', 'own_proj_lx', 'ref_fit', 'ref_fit_lx')}
lx = lambda ss, x: predict_light(ss, x)[:, 2]   # the light's horizontal direction (L's raw output dx)
for n in names:
    st = Path(n).stem
    tgt, _ = prepare_target(s, root/'image'/n, root/'latents'/f'{st}.pt', progress=False)
    with torch.no_grad():
        comp = decompose(s, tgt.image, tgt.mask); cm = canonical_mask(s, comp, tgt.mask)
        r0, o0 = yaw(ref, tgt.image), yaw(s, tgt.image)
        for _ in range(a.k):
            ims, ms, vs, ls = pseudo_samples(s, comp, cm, a.n_proj, g, with_params=True)
            proj = gan_project(s, ims, tgt)[0]
            cols['v'].append(torch.rad2deg(vs[:, 1])); cols['ref_render'].append(yaw(ref, ims) - r0)
            cols['ref_proj'].append(yaw(ref, proj) - r0); cols['own_proj'].append(yaw(s, proj) - o0)
            cols['lx'].append(ls[:, 2]); cols['ref_render_lx'].append(lx(ref, ims)); cols['ref_proj_lx'].append(lx(ref, proj))
            cols['own_proj_lx'].append(lx(s, proj))
            if a.direct:
                with torch.enable_grad(): fit = gan_fit(s, tgt.w, ims, ms, iters=a.direct)[0]
                cols['ref_fit'].append(yaw(ref, fit) - r0); cols['ref_fit_lx'].append(lx(ref, fit))
c = {k: torch.cat(v) for k, v in cols.items() if v}
def slope(y, x): x, y = x - x.mean(), y - y.mean(); return ((x * y).sum() / (x * x).sum()).item()
def corr(y, x): x, y = x - x.mean(), y - y.mean(); return ((x * y).sum() / (x.norm() * y.norm())).item()
print(f"{a.ckpt}: {len(c['v'])} samples of {len(names)} held-out images, sampled yaw std {c['v'].std():.1f}°")
for k, what in (('ref_render', 'reference V on the renders'), ('ref_proj', 'reference V on the projections'),
                ('own_proj', "the model's V on the projections"), ('ref_fit', f'reference V on direct GAN fits ({a.direct} steps)')):
    if k not in c: continue
    print(f"  yaw, {what}: slope {slope(c[k], c['v']):.2f}, correlation {corr(c[k], c['v']):.2f}")
print(f"  sampled light dx std {c['lx'].std():.2f}")
for k, what in (('ref_render_lx', 'reference L on the renders'), ('ref_proj_lx', 'reference L on the projections'),
                ('own_proj_lx', "the model's L on the projections"), ('ref_fit_lx', f'reference L on direct GAN fits ({a.direct} steps)')):
    if k not in c: continue
    print(f"  light dx, {what}: slope {slope(c[k], c['lx']):.2f}, correlation {corr(c[k], c['lx']):.2f}")
