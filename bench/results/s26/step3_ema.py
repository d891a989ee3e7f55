"""Session 26: does averaging step 3's weights steady its end? And holding the background? (issue 11)

    OMP_NUM_THREADS=1 python bench/results/s26/step3_ema.py STEM SEED [--iters 100] [--starts runs/s25/starts] [--bg-dilate D]

From session 25's cached start of the quick schedule (prior fit, step 1, step 2 and the pool, written by
bench/results/s25/step3_first.py), runs step 3 once as the trainer would (a fresh Adam over D, A, V, L with the
lr ramp `optim.warmup` and the preset's free border columns) and, along the same trajectory, keeps averages of
the four networks' weights that never feed back into training: exponential ones (decay 0.9, 0.95, 0.98) and the
plain mean of the iterates from iteration 50 on (stochastic weight averaging). Prints the shape score of the
trained weights and of each average at iterations 10, 20, 30, 50, 75 and 100.

--bg-dilate D >= 0 (a prototype, README §5): every depth D makes is composited with the canonical mask taken at step 3's
start, dilated by D pixels, m·d + (1 − m)·camera.border, so the canvas outside the head cannot grow the rim of §3.
"""
import json, math, copy, argparse
from pathlib import Path
import torch
import torch.nn.functional as F
from gan2shape.core import adam
from gan2shape.steps import decompose, step3, canonical_mask
import gan2shape.steps as S
import gan2shape.train as T
from _start import load_start

ap = argparse.ArgumentParser()
ap.add_argument('stem'); ap.add_argument('seed', type=int)
ap.add_argument('--iters', type=int, default=100); ap.add_argument('--starts', default='runs/s25/starts')
ap.add_argument('--swa-from', type=int, default=50); ap.add_argument('--bg-dilate', type=int, default=-1)
a = ap.parse_args()
cfg, st0, s, tgt, pool = load_start(a.stem, a.seed, a.starts)
if a.bg_dilate >= 0:
    _pd = S.process_depth
    with torch.no_grad(): cm = canonical_mask(s, decompose(s, tgt.image), tgt.mask)[:, 0]   # 1×S×S at step 3's start
    if a.bg_dilate > 0: cm = F.max_pool2d(cm[:, None], 2 * a.bg_dilate + 1, 1, a.bg_dilate)[:, 0]
    def composite(raw, mn=0.9, mx=1.1, border=True, border_depth=None):
        return cm * _pd(raw, mn, mx, border=border, border_depth=border_depth) + (1 - cm) * cfg.camera.border
    S.process_depth = composite
nets3 = ('netD', 'netA', 'netV', 'netL')

def flat(): return {k: {n: t.detach().clone() for n, t in s.nets[k].state_dict().items()} for k in nets3}
def score(w=None):
    keep = flat() if w is not None else None
    if w is not None:
        for k in nets3: s.nets[k].load_state_dict(w[k])
    with torch.no_grad():
        comp = decompose(s, tgt.image); sc = T.evaluate(s, tgt, comp).summary()
    if keep is not None:
        for k in nets3: s.nets[k].load_state_dict(keep[k])
    return round(sc['side_e2'], 3), round(sc['mad_deg'], 2), round(math.degrees(comp.view[0, 1].item()), 1)

DECAYS = (0.9, 0.95, 0.98)
ema = {d: flat() for d in DECAYS}
swa, n_swa = None, 0
params = [p for k in nets3 for p in s.nets[k].parameters() if p.requires_grad]
o = cfg.optim
opt = adam(params, lr=o.lr, betas=tuple(o.betas), weight_decay=o.weight_decay)
g = torch.Generator().manual_seed(1234)
print(json.dumps({'image': a.stem, 'seed': a.seed, 'start': score(), 'fix_border': cfg.camera.fix_border, 'warmup': o.warmup}), flush=True)
for i in range(a.iters):
    for pg in opt.param_groups: pg['lr'] = T.warmup_lr(o.lr, o.warmup, i)
    b = pool.batch(st0.n_proj, g)
    loss, _ = step3(s, tgt, *b, flip=st0.flip3)
    opt.zero_grad(set_to_none=True); loss.backward(); opt.step()
    cur = flat()
    for d in DECAYS:
        for k in nets3:
            for n, t in cur[k].items():
                e = ema[d][k][n]
                if t.is_floating_point(): e.mul_(d).add_(t, alpha=1 - d)
                else: e.copy_(t)
    if i + 1 >= a.swa_from:
        n_swa += 1
        if swa is None: swa = cur
        else:
            for k in nets3:
                for n, t in cur[k].items():
                    if t.is_floating_point(): swa[k][n].add_((t - swa[k][n]) / n_swa)
                    else: swa[k][n].copy_(t)
    if i + 1 in (10, 20, 30, 50, 75, 100) or i == a.iters - 1:
        row = {'iter': i + 1, 'trained': score(), **{f'ema{d}': score(ema[d]) for d in DECAYS}}
        if swa is not None: row['swa'] = score(swa)
        print(json.dumps(row), flush=True)
