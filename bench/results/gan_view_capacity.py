"""Can the shipped GAN show a benchmark face under another view at all? A measuring instrument, not a method.

For each benchmark image, ground-truth renderings of its synthetic face under random views (`gan2shape.synth`) are
fitted by *direct optimisation* of a latent offset per rendering (no encoder), starting from the image's own latent:
`w' = w + δ`, Adam on masked L1 + the discriminator-feature loss (step 2's loss), `--iters` steps. The yaw of the
renderings and of the fits is read by the supervised `init_vl.pt` (an instrument only). A slope of the fits' yaw on the
true yaw near the renderings' own (≈ 0.9) means the GAN's latent space holds the view change near w; near 0 means no
latent offset can turn this face, so step 2 cannot return views whatever E learns.

    OMP_NUM_THREADS=2 python bench/results/gan_view_capacity.py [--n 4 | --images 2,0] [--samples 16] [--iters 300]
        [--relative] [--coarse none|c2f|ms]

`--relative` renders the views around the image's own (its meta view plus the prior's spread) instead of around the
frontal mean; `--coarse` changes the fit's loss (see `direct_fit.py`). Session 12 used both on images 2,0.
"""
import argparse, json, math
from dataclasses import replace
import torch
from gan2shape.core import data_dir
from gan2shape.config import load_preset
from gan2shape.networks import init_networks
from gan2shape.reconstruct import build_setup, prepare_target
from gan2shape.steps import predict_view
from direct_fit import direct_fit
from gan2shape.synth import SynthCfg, sample_face_params, sample_view_light, render_faces

ap = argparse.ArgumentParser(); ap.add_argument('--n', type=int, default=4); ap.add_argument('--samples', type=int, default=16)
ap.add_argument('--iters', type=int, default=300); ap.add_argument('--lr', type=float, default=0.02)
ap.add_argument('--gan', default=None)
ap.add_argument('--images', default='', help='comma-separated benchmark indices (overrides --n)')
ap.add_argument('--relative', action='store_true'); ap.add_argument('--coarse', default='none', choices=['none', 'c2f', 'ms'])
a = ap.parse_args()
root = data_dir()/'synface64'/'benchmark'
cfg = load_preset('synface64')
if a.gan: cfg = replace(cfg, gan=replace(cfg.gan, ckpt=a.gan))
s = build_setup(cfg, 'cpu')
inst, _ = init_networks(64, s.gan.latent_dim, data_dir()/'synface64'/'init_vl.pt')
si = replace(s, nets=inst)
for p in s.gan.parameters(): p.requires_grad_(False)
def slope(x, y): x, y = x - x.mean(), y - y.mean(); return ((x * y).sum() / (x * x).sum()).item()
g = torch.Generator().manual_seed(0)
seed = json.loads((root/'synth_config.json').read_text())['seed']
res = []
meta = {json.loads(l)['name']: json.loads(l)['view'] for l in open(root/'meta.jsonl')}
ks = [int(x) for x in a.images.split(',')] if a.images else list(range(a.n))
for k in ks:
    st = f'{k:06d}'
    tgt, _ = prepare_target(s, root/f'image/{st}.png', root/f'latents/{st}.pt', progress=False)
    v_gt, l_gt = sample_view_light(a.samples, g, SynthCfg())
    if a.relative: v_gt = v_gt + torch.tensor(meta[st]) * torch.tensor([math.radians(60)] * 3 + [0.1, 0.1, 0.])  # meta views are in network units
    b = render_faces([sample_face_params(torch.Generator().manual_seed(seed * 1_000_003 + k))] * a.samples, v_gt, l_gt, SynthCfg())
    x, m = b.image, b.mask[:, None].float()
    proj, delta = direct_fit(s, tgt.w, x, m, a.iters, a.lr, a.coarse)
    with torch.no_grad():
        yaw = v_gt[:, 1]
        r = (slope(yaw, predict_view(si, x)[:, 1]), slope(yaw, predict_view(si, proj)[:, 1]),
             ((proj - x).abs() * m).sum().item() / (3 * m.sum().item()), delta.norm(dim=1).mean().item())
    res.append(r)
    print(f'{st}: input slope {r[0]:.2f}, fit slope {r[1]:.2f}, masked L1 {r[2]:.3f}, |δ| {r[3]:.2f}', flush=True)
mv = [sum(r[i] for r in res) / len(res) for i in range(4)]
print(f'mean over {len(ks)}: input slope {mv[0]:.2f}, fit slope {mv[1]:.2f}, masked L1 {mv[2]:.3f}, |δ| {mv[3]:.2f}  (iters {a.iters}, lr {a.lr}, relative {a.relative}, coarse {a.coarse})')
