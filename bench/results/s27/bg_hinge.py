"""Session 27: does a one-sided hinge on the canonical background stop step 3's rim? (issue 11)

    OMP_NUM_THREADS=1 python bench/results/s27/bg_hinge.py STEM SEED [--lam L] [--dilate D] [--iters 100]

From session 25's cached start of the quick schedule (bench/results/s26/_start.py), runs step 3 as the trainer would
(a fresh Adam over D, A, V, L, the lr ramp, free border columns, the keep_best window of 10) and adds
    lam · mean_{canonical pixels outside the head} relu(border − d)²
(--ref border) or relu(r − d)² with r the mean canonical depth over the head (--ref face, the default: the
depth map is mean-free, so a fixed plane pushes the face forward too), where "outside the head" is 1 − the input's object mask carried into the canonical frame (recomputed each iteration
without gradient, dilated by D pixels) and border is camera.border (1.04 for the presets). The term only pushes
background depth back behind the border plane; it is zero wherever the background is already behind it.
--clamp D (>= 0) instead sets the library's camera.lift_background D: every depth D makes, outside the live canonical mask
grown by D pixels, is lifted to no nearer than r (d + (1 − m̄)·relu(r − d)), so no rim can form at all (the first
clamp2 traces of 000003 came from a monkeypatched decompose with the same arithmetic, before the library had it). lam 0 without --clamp is today's preset exactly. --starts
defaults to today's starts (runs/s27/starts, written by bench/results/s25/step3_first.py with --out runs/s27/first);
the first runs of this session (traces hinge_l0_*, hinge_border_*, hinge_face_*) read session 25's (--starts runs/s25/starts). Prints the score every 10 iterations and at the end the trained weights' and the
best window's score.
"""
import json, math, argparse, sys
from pathlib import Path
import torch
import torch.nn.functional as F
sys.path.insert(0, str(Path(__file__).parents[1]/'s26'))
from gan2shape.core import adam
from gan2shape.steps import decompose, step3, canonical_mask
import gan2shape.train as T
from _start import load_start

ap = argparse.ArgumentParser()
ap.add_argument('stem'); ap.add_argument('seed', type=int)
ap.add_argument('--iters', type=int, default=100); ap.add_argument('--starts', default='runs/s27/starts')
ap.add_argument('--lam', type=float, default=0.); ap.add_argument('--dilate', type=int, default=2)
ap.add_argument('--ref', choices=('border', 'face'), default='face')
ap.add_argument('--clamp', type=int, default=-1, help='>= 0: lift the background to r instead of penalising it (dilation in pixels)')
a = ap.parse_args()
cfg, st0, s, tgt, pool = load_start(a.stem, a.seed, a.starts)
nets3 = ('netD', 'netA', 'netV', 'netL')
bd = cfg.camera.border

def score():
    with torch.no_grad():
        comp = decompose(s, tgt.image, tgt.mask); sc = T.evaluate(s, tgt, comp).summary()
    return round(sc['side_e2'], 3), round(sc['mad_deg'], 2), round(math.degrees(comp.view[0, 1].item()), 1)

def hinge(comp):
    with torch.no_grad():
        cm = canonical_mask(s, comp, tgt.mask)
        if a.dilate > 0: cm = F.max_pool2d(cm, 2 * a.dilate + 1, 1, a.dilate)
        out = 1 - cm[:, 0]
        m = cm[:, 0] if a.dilate == 0 else canonical_mask(s, comp, tgt.mask)[:, 0]
        r = bd if a.ref == 'border' else (m * comp.depth).sum((1, 2), keepdim=True) / m.sum((1, 2), keepdim=True).clamp(min=1e-6)
    return (out * F.relu(r - comp.depth) ** 2).mean()

if a.clamp >= 0:   # the library's camera.lift_background (ours, session 27): every depth D makes is lifted outside the grown mask
    from dataclasses import replace
    cfg = replace(cfg, camera=replace(cfg.camera, lift_background=a.clamp)); s = replace(s, cfg=cfg)
params = [p for k in nets3 for p in s.nets[k].parameters() if p.requires_grad]
o = cfg.optim
opt = adam(params, lr=o.lr, betas=tuple(o.betas), weight_decay=o.weight_decay)
best = T.BestWindow({k: s.nets[k] for k in nets3}, o.keep_best)
g = torch.Generator().manual_seed(1234)
print(json.dumps({'image': a.stem, 'seed': a.seed, 'lam': a.lam, 'dilate': a.dilate, 'ref': a.ref, 'clamp': a.clamp, 'start': score()}), flush=True)
for i in range(a.iters):
    for pg in opt.param_groups: pg['lr'] = T.warmup_lr(o.lr, o.warmup, i)
    b = pool.batch(st0.n_proj, g)
    loss, out = step3(s, tgt, *b, flip=st0.flip3)
    h = hinge(out.input.comp) if a.lam else loss.new_zeros(())
    total = loss + a.lam * h
    opt.zero_grad(set_to_none=True); total.backward(); opt.step()
    best.add(i, total.item(), last=i == a.iters - 1)
    if (i + 1) % 10 == 0:
        print(json.dumps({'iter': i + 1, 'loss': round(loss.item(), 4), 'hinge': round(h.item(), 6), 'score': score()}), flush=True)
trained = score(); r = best.restore()
print(json.dumps({'trained': trained, 'restored': r, 'final': score()}), flush=True)
