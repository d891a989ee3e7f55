"""Session 25: what moves when step 3 collapses (issue 11): shape score, the input's predicted view and light,
and the canonical depth's relief and roughness, every K step-3 iterations.

    OMP_NUM_THREADS=1 python bench/results/s25/step3_diag.py CONFIG STEM SEED [KEY=VALUE ...] [--every 10] [--out DIR]

CONFIG is a YAML file or a preset name. One json line per probe; the ground-truth view and light (benchmark meta)
come first. Angles in degrees (the view's first three entries, in the camera's order: pitch, yaw, roll).
"""
import sys, json, time, math, argparse
from pathlib import Path
import torch
from gan2shape.core import data_dir
from gan2shape.config import load_preset, load_config, apply_overrides
from gan2shape.reconstruct import build_setup, prepare_target, prior_score
from gan2shape.steps import decompose
from gan2shape.losses import smoothness
import gan2shape.train as T

ap = argparse.ArgumentParser()
ap.add_argument('config'); ap.add_argument('stem'); ap.add_argument('seed', type=int); ap.add_argument('sets', nargs='*')
ap.add_argument('--every', type=int, default=10); ap.add_argument('--out', default='runs/s25/diag')
a = ap.parse_args()
root = data_dir()/'synface64'/'benchmark'
meta = {d['name']: d for d in map(json.loads, open(root/'meta.jsonl'))}[a.stem]
base = load_config(a.config) if a.config.endswith('.yaml') else load_preset(a.config)
cfg = apply_overrides(base, [f'run.seed={a.seed}'] + a.sets)
s = build_setup(cfg, 'cpu')
tgt, _ = prepare_target(s, root/f'image/{a.stem}.png', root/f'latents/{a.stem}.pt', depth_path=root/f'depth/{a.stem}.png',
                        gt_mask_path=root/f'mask/{a.stem}.png', progress=False)
ps = prior_score(s, tgt)
deg = lambda v: [round(math.degrees(x), 1) for x in v[:3]]
print(json.dumps({'image': a.stem, 'seed': a.seed, 'gt_view': deg(meta['view']), 'gt_light': [round(x, 2) for x in meta['light']],
                  'prior': [round(ps['prior_side_e2'], 3), round(ps['prior_mad_deg'], 2)]}), flush=True)
spent = [0.0]
def probe(**tags):
    t0 = time.time()
    with torch.no_grad():
        comp = decompose(s, tgt.image)
        sc = T.evaluate(s, tgt, comp).summary()
        d = comp.depth[0]; m = tgt.mask[0, 0] > 0.5 if tgt.mask is not None else torch.ones_like(d, dtype=bool)
        rel = (d[m].max() - d[m].min()).item() if m.any() else float('nan')
        print(json.dumps({**tags, 'side_e2': round(sc['side_e2'], 3), 'mad_deg': round(sc['mad_deg'], 2),
                          'view': deg(comp.view[0].tolist()), 'light': [round(x, 2) for x in comp.light_raw[0].tolist()],
                          'relief': round(rel, 4), 'rough': round(smoothness(comp.depth[:1]).item(), 5)}), flush=True)
    spent[0] += time.time() - t0
n3 = [0]
step3 = T.step3
def probed(*args, **kw):
    r = step3(*args, **kw)
    n3[0] += 1
    if n3[0] % a.every == 0: probe(step3_iter=n3[0])
    return r
T.step3 = probed
def on_phase(phase, tags):
    if phase != 'step3': probe(after=phase, **tags)
out = Path(a.out)/f'{Path(a.config).stem}_{a.stem}_s{a.seed}'
t0 = time.time()
rec = T.fit(s, tgt, out, progress=False, on_phase=on_phase)
sc = rec.score.summary()
print(json.dumps({'image': a.stem, 'seed': a.seed, 'sets': a.sets, 'prior': [round(ps['prior_side_e2'], 3), round(ps['prior_mad_deg'], 2)],
                  'result': [round(sc['side_e2'], 3), round(sc['mad_deg'], 2)], 'seconds': round(time.time() - t0 - spent[0])}), flush=True)
