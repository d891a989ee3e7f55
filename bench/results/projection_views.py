"""Do the GAN's projections keep the view of the image they project? A measuring instrument, not a method.

Two kinds of inputs per benchmark image: step 2's pseudo-samples (the checkpoint's own shape and albedo under random
views) and ground-truth renderings of the same synthetic face under random views (`gan2shape.synth`). Both are projected
through the checkpoint's E and the shipped GAN, and the yaw of inputs and projections is read by the *supervised* view
network `init_vl.pt` (regressed on ground-truth labels; used here only to measure). Printed: the regression slope of
the measured yaw on the rendering yaw (≈ 0.9 when the instrument reads a face; for the projections, 1 means the
projection keeps the view and 0 that it collapses every view to one), and the masked L1 of the projections.

    OMP_NUM_THREADS=1 python bench/results/projection_views.py CKPT [--n 4] [--samples 32]
"""
import argparse, math
from dataclasses import replace
import torch
from gan2shape.core import data_dir
from gan2shape.config import load_preset
from gan2shape.networks import init_networks
from gan2shape.reconstruct import build_setup, prepare_target
from gan2shape.steps import decompose, canonical_mask, pseudo_samples, gan_project, predict_view
from gan2shape.synth import SynthCfg, sample_face_params, sample_view_light, render_faces
import json

ap = argparse.ArgumentParser(); ap.add_argument('ckpt'); ap.add_argument('--n', type=int, default=4); ap.add_argument('--samples', type=int, default=32)
a = ap.parse_args(); torch.set_num_threads(1)
root = data_dir()/'synface64'/'benchmark'
cfg = load_preset('synface64'); cfg = replace(cfg, run=replace(cfg.run, init_ckpt=a.ckpt))
s = build_setup(cfg, 'cpu')
inst, _ = init_networks(64, s.gan.latent_dim, data_dir()/'synface64'/'init_vl.pt')
si = replace(s, nets=inst)
def slope(x, y): x, y = x - x.mean(), y - y.mean(); return ((x * y).sum() / (x * x).sum()).item()
g = torch.Generator().manual_seed(0)
seed = json.loads((root/'synth_config.json').read_text())['seed']
rows = []
for k in range(a.n):
    st = f'{k:06d}'
    tgt, _ = prepare_target(s, root/f'image/{st}.png', root/f'latents/{st}.pt', progress=False)
    with torch.no_grad():
        comp = decompose(s, tgt.image); cm = canonical_mask(s, comp, tgt.mask)
        ims, ms, vs, _ = pseudo_samples(s, comp, cm, a.samples, g, with_params=True)
        v_gt, l_gt = sample_view_light(a.samples, g, SynthCfg())
        b = render_faces([sample_face_params(torch.Generator().manual_seed(seed * 1_000_003 + k))] * a.samples, v_gt, l_gt, SynthCfg())
        r = {}
        for kind, x, yaw, m in (('pseudo', ims, vs[:, 1], ms), ('truth', b.image, v_gt[:, 1], b.mask[:, None].float())):
            proj = gan_project(s, x, tgt)[0]
            r[kind] = (slope(yaw, predict_view(si, x)[:, 1]), slope(yaw, predict_view(si, proj)[:, 1]),
                       ((proj - x).abs() * m).sum().item() / (3 * m.sum().item()))
    rows.append(r)
    print(st, '; '.join(f'{kd}: input slope {v[0]:.2f}, projection slope {v[1]:.2f}, masked L1 {v[2]:.3f}' for kd, v in r.items()))
for kd in ('pseudo', 'truth'):
    mv = [sum(r[kd][i] for r in rows) / len(rows) for i in range(3)]
    print(f'{a.ckpt} {kd}: input slope {mv[0]:.2f}, projection slope {mv[1]:.2f}, masked L1 {mv[2]:.3f}')
