"""Does GAN2Shape recover the shape when its projected samples are right? One benchmark image, the synface64-quick
preset (V/L from data/synface64/init_vl.pt, prior in the canonical frame, λ_perc 0) but ONE long stage
[100, 60, 300] instead of the quick schedule, with either the GAN's projections (`gan`) or ground-truth renderings
of the same face under random views and lights (`oracle`). Writes the run folder and a depth picture.

    OMP_NUM_THREADS=1 python bench/results/long_schedule.py oracle|gan [STEM] [OUT] [--freeze netV ...]

--freeze keeps those networks as loaded (optim.freeze): with netV frozen the views stay those of init_vl.pt.
"""
import argparse, json, sys, time
from dataclasses import replace
from pathlib import Path
import numpy as np
import torch
from PIL import Image
from gan2shape.core import data_dir
from gan2shape.config import load_preset, Stage, Schedule
from gan2shape.reconstruct import build_setup, prepare_target
from gan2shape.render import normals_from_depth
from gan2shape.synth import SynthCfg, sample_face_params, sample_view_light, render_faces, read_depth_png
from gan2shape.steps import Pool
from gan2shape.train import fit
ap = argparse.ArgumentParser(); ap.add_argument('pool', choices=['oracle', 'gan']); ap.add_argument('stem', nargs='?', default='000000')
ap.add_argument('out', nargs='?'); ap.add_argument('--freeze', nargs='*', default=[])
ap.add_argument('--use-mask', action='store_true', help='mask.use_mask: step 3 scores the projected samples on the object only (oracle: the true head mask)')
a = ap.parse_args(); pool_kind, stem = a.pool, a.stem
out = Path(a.out or f'runs/long_schedule/{pool_kind}_{stem}' + ''.join(f'_{k}' for k in a.freeze) + ('_mask' if a.use_mask else ''))
root = data_dir()/'synface64'/'benchmark'
cfg = load_preset('synface64-quick')
cfg = replace(cfg, loss=replace(cfg.loss, lam_perc=0.), schedule=Schedule([Stage((100, 60, 300), 4, flip3=True, collect_iters=4)]),
              optim=replace(cfg.optim, freeze=tuple(a.freeze)), mask=replace(cfg.mask, use_mask=a.use_mask))
s = build_setup(cfg, 'cpu')
tgt, _ = prepare_target(s, root/f'image/{stem}.png', root/f'latents/{stem}.pt', depth_path=root/f'depth/{stem}.png',
                        gt_mask_path=root/f'mask/{stem}.png', progress=False)
synth_seed = json.loads((root/'synth_config.json').read_text())['seed']
def oracle(k, stg, g, tgt=None):
    params = sample_face_params(torch.Generator().manual_seed(synth_seed * 1_000_003 + int(stem)))
    n = stg.n_proj * stg.collect_iters
    v, l = sample_view_light(n, g, SynthCfg())
    b = render_faces([params] * n, v, l, SynthCfg())
    return Pool(b.image, b.mask[:, None] if a.use_mask else torch.ones(n, 1, 64, 64))
t0 = time.time()
rec = fit(s, tgt, out, progress=False, pool_source=oracle if pool_kind == 'oracle' else None)
ev = [json.loads(l) for l in open(out/'metrics.jsonl') if '"eval"' in l]
print(pool_kind, stem, 'freeze', a.freeze, 'use_mask', a.use_mask, f'{time.time() - t0:.0f} s;', ' → '.join(f"{e['phase']} SIDE {e['side_e2']:.2f} MAD {e['mad_deg']:.1f}" for e in ev if e['phase'] in ('prior', 'step3')), flush=True)
shade = lambda d: (normals_from_depth(d.reshape(1, 64, 64), s.K)[0, ..., 2].clamp(0, 1) * 255).numpy().astype(np.uint8)
gt = read_depth_png(root/f'depth/{stem}.png')
pic = np.kron(np.concatenate([shade(gt), shade(rec.comp.depth)], 1), np.ones((3, 3), np.uint8))
Image.fromarray(pic).save(out/'depth_vs_gt.png')
print('wrote', out/'depth_vs_gt.png (left: ground truth seen from the image; right: the canonical depth, lit from the camera)')
