"""How much of a pseudo-sample's view survives step 2, single-image training? A measuring instrument, not a method.

Trains benchmark image K with the `synface64` preset for one stage of step 1 and step 2 only ([500, 500, 0] by
default), then renders `--samples` pseudo-samples of its shape and projects them (a) through the trained E, as step 2
does, and (b) by direct optimisation of one latent offset per sample (Adam, `--iters`, step 2's loss), the best any
encoder could do. The yaw of the pseudo-samples and of the projections is read by the supervised `init_vl.pt` (an
instrument only); printed are the slopes on the yaw each pseudo-sample was rendered with, and masked L1s.

    OMP_NUM_THREADS=2 python bench/results/step2_capacity.py [--k 0] [--iters1 500] [--iters2 500] [--set KEY=VALUE ...]
        [--iters 0 (no direct fit)] [--coarse-lam 1 (step 2's loss + that weight × direct_fit.coarse_l1, session 12)]
"""
import argparse, json, tempfile
from dataclasses import replace
import torch
from gan2shape.core import data_dir
from gan2shape.config import load_preset, apply_overrides
from gan2shape.networks import init_networks
from gan2shape.reconstruct import build_setup, prepare_target
from gan2shape.steps import predict_view, decompose, canonical_mask, pseudo_samples, gan_project
from direct_fit import direct_fit, coarse_l1
import gan2shape.train as T
from gan2shape.train import fit

ap = argparse.ArgumentParser(); ap.add_argument('--k', type=int, default=0); ap.add_argument('--samples', type=int, default=16)
ap.add_argument('--iters1', type=int, default=500); ap.add_argument('--iters2', type=int, default=500)
ap.add_argument('--iters', type=int, default=300); ap.add_argument('--lr', type=float, default=0.02)
ap.add_argument('--set', action='append', default=[]); ap.add_argument('--coarse-lam', type=float, default=0.)
a = ap.parse_args()
root = data_dir()/'synface64'/'benchmark'
if a.coarse_lam:  # step 2 with a coarse term added (a study variant, not a config option)
    _step2 = T.step2
    def step2_coarse(s, tgt, comp, cm, n, g=None):
        loss, o = _step2(s, tgt, comp, cm, n, g)
        return loss + a.coarse_lam * coarse_l1(o.projected, o.pseudo, o.mask), o
    T.step2 = step2_coarse
cfg = load_preset('synface64')
st0 = cfg.schedule.stages[0]
cfg = replace(cfg, schedule=replace(cfg.schedule, stages=[replace(st0, iters=(a.iters1, a.iters2, 0))]))
if a.set: cfg = apply_overrides(cfg, a.set)
s = build_setup(cfg, 'cpu')
inst, _ = init_networks(64, s.gan.latent_dim, data_dir()/'synface64'/'init_vl.pt')
si = replace(s, nets=inst)
def slope(x, y): x, y = x - x.mean(), y - y.mean(); return ((x * y).sum() / (x * x).sum()).item()
st = f'{a.k:06d}'
tgt, _ = prepare_target(s, root/f'image/{st}.png', root/f'latents/{st}.pt', progress=False)
with tempfile.TemporaryDirectory() as d: fit(s, tgt, d, progress=False)
for p in s.gan.parameters(): p.requires_grad_(False)
g = torch.Generator().manual_seed(1)
with torch.no_grad():
    comp = decompose(s, tgt.image); cm = canonical_mask(s, comp, tgt.mask)
    x, m, v, _ = pseudo_samples(s, comp, cm, a.samples, g, with_params=True)
    pe = gan_project(s, x, tgt)[0]
yaw = v[:, 1]
po = direct_fit(s, tgt.w, x, m, a.iters, a.lr)[0] if a.iters else pe
with torch.no_grad():
    l1 = lambda p: ((p - x).abs() * m).sum().item() / (3 * m.sum().item())
    print(f'{st} ({a.iters1}/{a.iters2} its, coarse-lam {a.coarse_lam}, {" ".join(a.set)}): yaw std {yaw.std().item() * 57.3:.1f}°; pseudo slope {slope(yaw, predict_view(si, x)[:, 1]):.2f}; '
          f'E projection slope {slope(yaw, predict_view(si, pe)[:, 1]):.2f} L1 {l1(pe):.3f}; '
          f'direct ({a.iters} its) slope {slope(yaw, predict_view(si, po)[:, 1]):.2f} L1 {l1(po):.3f}; '
          f'G(w) slope-free L1 {l1(tgt.gan_image.expand_as(x)):.3f}')
