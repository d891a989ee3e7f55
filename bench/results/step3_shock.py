"""Session 11: what makes step 3's first iterations ruin the prior's shape (benchmark face 000000, oracle pool)?

    OMP_NUM_THREADS=1 python bench/results/step3_shock.py [STEM] [KEY=VALUE ...]

Runs the prior and 200 step-1 iterations through `fit` (synface64-quick start), then takes a few step-3 iterations
on D alone from that same state in several ways and prints SIDE/MAD after 1, 2, 5 and 10 of them:
the full step-3 loss with the package's Adam (lr ramp of optim.warmup), only the input image's term, only the
projected samples' term, and plain gradient descent scaled to move D's weights as far as Adam's first step.
"""
import sys, json, copy
from dataclasses import replace
from pathlib import Path
import torch
from gan2shape.core import data_dir
from gan2shape.config import load_preset, apply_overrides, Stage
from gan2shape.reconstruct import build_setup, prepare_target
from gan2shape.steps import step1, step3
from oracle import oracle_pool
import gan2shape.train as T

stem = sys.argv[1] if len(sys.argv) > 1 else '000000'
root = data_dir()/'synface64'/'benchmark'
cfg = load_preset('synface64-quick')
cfg = replace(cfg, schedule=replace(cfg.schedule, stages=(Stage(iters=(200, 0, 0), n_proj=4, flip3=True, collect_iters=1),)))
for kv in sys.argv[2:]: cfg = apply_overrides(cfg, [kv])
s = build_setup(cfg, 'cpu')
tgt, _ = prepare_target(s, root/f'image/{stem}.png', root/f'latents/{stem}.pt', depth_path=root/f'depth/{stem}.png',
                        gt_mask_path=root/f'mask/{stem}.png', progress=False)
g = torch.Generator().manual_seed(0)
pool = oracle_pool(stem, 64, g)
T.fit(s, tgt, Path(f'runs/shock/{stem}'), progress=False, pool_source=lambda *a: pool)
start = copy.deepcopy({k: m.state_dict() for k, m in s.nets.items()})
from gan2shape.steps import decompose
from gan2shape.render import warp_canon_depth
def score():
    "SIDE/MAD, plus the relief slope (pred against GT centred log depth on the head), their correlation, and the mean |Laplacian| of the depth on the head (mm)."
    d = T._score_terms(T.evaluate(s, tgt))
    with torch.no_grad():
        comp = decompose(s, tgt.image); c = s.cfg.camera
        rd = warp_canon_depth(comp.depth[:1], comp.view[:1], s.K, c.min_depth, c.max_depth, c.rot_center_depth)[0]
        m = T.gt_foreground(tgt)[0] > 0.5; gt = tgt.depth_gt[0]
        m = m & (rd < c.max_depth)
        p, q = rd[m].log(), gt[m].log(); p, q = p - p.mean(), q - q.mean()
        lap = lambda x: (4 * x[1:-1, 1:-1] - x[:-2, 1:-1] - x[2:, 1:-1] - x[1:-1, :-2] - x[1:-1, 2:]).abs()
        mi = m[1:-1, 1:-1]
        d.update(slope=((p * q).sum() / (q * q).sum()).item(), corr=((p * q).sum() / (p.norm() * q.norm())).item(),
                 lap_mm=lap(rd)[mi].mean().item() * 1000, lap_gt_mm=lap(gt)[mi].mean().item() * 1000)
    return d
print('start', {k: round(x, 3) for k, x in score().items()}, flush=True)

def run(name, which='all', opt='adam', n=10):
    for k, m in s.nets.items(): m.load_state_dict(start[k])
    D = list(s.nets['netD'].parameters())
    o = torch.optim.Adam(D, lr=cfg.optim.lr, betas=tuple(cfg.optim.betas), weight_decay=cfg.optim.weight_decay)
    gb = torch.Generator().manual_seed(1); out = []
    for i in range(n):
        proj, mask, _, _ = pool.batch(16, gb)
        tot, _ = step3(s, tgt, proj, mask, flip=True)
        if which != 'all':
            l1, _ = step1(s, tgt, flip=True)
            loss = l1 if which == 'input' else tot - l1
        else: loss = tot
        lr = T.warmup_lr(cfg.optim.lr, cfg.optim.warmup, i)
        for p in D: p.grad = None
        loss.backward()
        if opt == 'adam':
            for gr in o.param_groups: gr['lr'] = lr
            o.step()
        else:   # gradient descent moved as far (L2 over all of D's weights) as an Adam step of this lr would be: lr·sqrt(#params)
            gn = torch.sqrt(sum((p.grad ** 2).sum() for p in D)); npar = sum(p.numel() for p in D)
            with torch.no_grad():
                for p in D: p -= lr * npar ** 0.5 * p.grad / gn
        if i + 1 in (1, 2, 5, 10): sc = score(); out.append(f"{i+1}:{sc['side_e2']:.2f}/{sc['mad_deg']:.1f} s{sc['slope']:.2f} r{sc['corr']:.2f} lap{sc['lap_mm']:.2f}")
    print(f'{name:28s}', ' '.join(out), flush=True)

run('adam, full step-3 loss')
print('  (ground truth: lap', round(score()['lap_gt_mm'], 3), 'mm)', flush=True)
run('adam, input term only', 'input')
run('adam, projected term only', 'proj')
run('GD (Adam-sized), full loss', opt='gd')
