"""Session 24: GAN2Shape's score along step 3, every K iterations (issue 11, the demo's schedule).

    OMP_NUM_THREADS=1 python bench/results/s24/step3_probe.py CONFIG STEM SEED [--every 20] [--out DIR] [KEY=VALUE ...]

Runs `gan2shape.train.fit` on a benchmark image with a config (a YAML file or a preset name) and its overrides, and
scores the shape against the ground truth every K step-3 iterations (the trainer scores only at a phase's end).
Prints one json line per score, then a summary line with the wall time (scoring time excluded).
"""
import sys, json, time, argparse
from pathlib import Path
import torch
from gan2shape.core import data_dir
from gan2shape.config import load_preset, load_config, apply_overrides
from gan2shape.reconstruct import build_setup, prepare_target, prior_score
import gan2shape.train as T

ap = argparse.ArgumentParser()
ap.add_argument('config'); ap.add_argument('stem'); ap.add_argument('seed', type=int)
ap.add_argument('--every', type=int, default=20); ap.add_argument('--out', default='runs/s24/probe'); ap.add_argument('sets', nargs='*')
a = ap.parse_args()
root = data_dir()/'synface64'/'benchmark'
base = load_config(a.config) if a.config.endswith('.yaml') else load_preset(a.config)
cfg = apply_overrides(base, [f'run.seed={a.seed}'] + a.sets)
s = build_setup(cfg, 'cpu')
tgt, _ = prepare_target(s, root/f'image/{a.stem}.png', root/f'latents/{a.stem}.pt', depth_path=root/f'depth/{a.stem}.png',
                        gt_mask_path=root/f'mask/{a.stem}.png', progress=False)
ps = prior_score(s, tgt)
print(json.dumps({'image': a.stem, 'seed': a.seed, 'prior': [round(ps['prior_side_e2'], 3), round(ps['prior_mad_deg'], 2)]}), flush=True)
n3, spent = [0], [0.0]
step3 = T.step3
def probed(*args, **kw):
    r = step3(*args, **kw)
    n3[0] += 1
    if n3[0] % a.every == 0:
        t0 = time.time()
        with torch.no_grad(): sc = T.evaluate(s, tgt).summary()
        print(json.dumps({'step3_iter': n3[0], 'side_e2': round(sc['side_e2'], 3), 'mad_deg': round(sc['mad_deg'], 2)}), flush=True)
        spent[0] += time.time() - t0
    return r
T.step3 = probed
def on_phase(phase, tags):
    if phase == 'step3': return
    t0 = time.time()
    with torch.no_grad(): sc = T.evaluate(s, tgt).summary()
    print(json.dumps({'after': phase, **tags, 'side_e2': round(sc['side_e2'], 3), 'mad_deg': round(sc['mad_deg'], 2)}), flush=True)
    spent[0] += time.time() - t0
out = Path(a.out)/f'{Path(a.config).stem}_{a.stem}_s{a.seed}'
t0 = time.time()
rec = T.fit(s, tgt, out, progress=False, on_phase=on_phase)
sc = rec.score.summary()
print(json.dumps({'image': a.stem, 'seed': a.seed, 'sets': a.sets, 'prior': [round(ps['prior_side_e2'], 3), round(ps['prior_mad_deg'], 2)],
                  'result': [round(sc['side_e2'], 3), round(sc['mad_deg'], 2)], 'seconds': round(time.time() - t0 - spent[0])}), flush=True)
