"""Session 11: how SIDE/MAD move DURING step 3 (not only at its end), for one benchmark image through `fit`.

    OMP_NUM_THREADS=1 python bench/results/step3_trajectory.py TAG PRESET STEM gan|oracle S1,S2,S3 N_P COLLECT EVERY [KEY=VALUE ...]

One stage (S1, S2, S3 iterations of steps 1-3, N_P projections, COLLECT batches in the pool, flip3 on) replaces the
preset's schedule; the target is scored every EVERY step-3 iterations (with optim.hold_depth=K, those after the
K held ones: its 0 is the score once A, V and L have adapted). Writes runs/traj/TAG/ and prints the trajectory.
"""
import sys, json, time
from dataclasses import replace
from pathlib import Path
import torch
from gan2shape.core import data_dir
from gan2shape.config import load_preset, apply_overrides, Stage
from gan2shape.reconstruct import build_setup, prepare_target
from oracle import oracle_source
import gan2shape.train as T

tag, preset, stem, pool_kind, its, n_p, coll, every = sys.argv[1:9]
its, n_p, coll, every = tuple(int(i) for i in its.split(',')), int(n_p), int(coll), int(every)
root = data_dir()/'synface64'/'benchmark'
cfg = load_preset(preset)
cfg = replace(cfg, schedule=replace(cfg.schedule, stages=(Stage(iters=its, n_proj=n_p, flip1=False, flip3=True, collect_iters=coll),)))
for kv in sys.argv[9:]: cfg = apply_overrides(cfg, [kv])
s = build_setup(cfg, 'cpu')
import os, torch.nn as nn, torch.nn.functional as F
class Blur(nn.Module):
    "A fixed Gaussian low-pass (sigma px, replicate padding) on D's raw output: the BLUR=sigma study."
    def __init__(self, sigma):
        super().__init__(); r = int(3 * sigma + 0.5); x = torch.arange(-r, r + 1.).div(sigma).pow(2).mul(-0.5).exp()
        self.register_buffer('k', (x / x.sum())); self.r = r
    def forward(self, y):
        c = y.shape[1]; y = F.pad(y, (self.r,) * 4, mode='replicate')
        y = F.conv2d(y, self.k.view(1, 1, 1, -1).expand(c, 1, 1, -1), groups=c)
        return F.conv2d(y, self.k.view(1, 1, -1, 1).expand(c, 1, -1, 1), groups=c)
if float(os.environ.get('BLUR', 0)) > 0:
    s.nets['netD'] = nn.Sequential(s.nets['netD'], Blur(float(os.environ['BLUR'])))
tgt, _ = prepare_target(s, root/f'image/{stem}.png', root/f'latents/{stem}.pt', depth_path=root/f'depth/{stem}.png',
                        gt_mask_path=root/f'mask/{stem}.png', progress=False)
traj = []
orig_phase = T._Run.phase
def phase(self, ph, iters, desc, loss_fn, tags, eval_fn=None):
    if ph != 'step3': return orig_phase(self, ph, iters, desc, loss_fn, tags, eval_fn)
    def lf(i):
        if i % every == 0:
            d = T._score_terms(T.evaluate(s, tgt)); traj.append((i, d['side_e2'], d['mad_deg']))
        return loss_fn(i)
    return orig_phase(self, ph, iters, desc, lf, tags, eval_fn)
T._Run.phase = phase
out = Path(f'runs/traj/{tag}')
t0 = time.time()
T.fit(s, tgt, out, progress=False, pool_source=oracle_source(stem) if pool_kind == 'oracle' else None)
ev = [json.loads(l) for l in open(out/'metrics.jsonl') if '"eval"' in l]
print(tag, f'{time.time()-t0:.0f}s', ' | '.join(f"{e['phase']} {e['side_e2']:.3f}/{e['mad_deg']:.2f}" for e in ev), flush=True)
print('  step3 trajectory (iter SIDE/MAD):', ' '.join(f'{i}:{a:.2f}/{b:.1f}' for i, a, b in traj), flush=True)
