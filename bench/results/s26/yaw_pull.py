"""Session 26: which of step 3's terms pulls the input's yaw away? (issue 11)

    OMP_NUM_THREADS=1 python bench/results/s26/yaw_pull.py STEM SEED [--iters 100]

From session 25's cached start of the quick schedule (bench/results/s25/step3_first.py), runs step 3 as the trainer
does (the preset's lr ramp and free border columns; the same batches as step3_ema.py) and at every iteration splits
the loss into the input's terms and the pool's, each with and without its mirrored (flip) half, and takes the
gradient of each part with respect to the yaw V predicts for the input and (summed) for the projections. A positive
number means gradient descent on that part turns the yaw towards more negative angles. Prints one JSON line per
iteration with the yaws (degrees), the parts and their yaw gradients (per radian).
"""
import json, math, argparse
from pathlib import Path
import torch
from gan2shape.core import adam
from gan2shape.steps import decompose
import gan2shape.steps as S
import gan2shape.train as T
from _start import load_start

ap = argparse.ArgumentParser()
ap.add_argument('stem'); ap.add_argument('seed', type=int)
ap.add_argument('--iters', type=int, default=100); ap.add_argument('--starts', default='runs/s25/starts')
a = ap.parse_args()
cfg, st0, s, tgt, pool = load_start(a.stem, a.seed, a.starts)
nets3 = ('netD', 'netA', 'netV', 'netL')
outs = []
s.nets['netV'].register_forward_hook(lambda m, i, o: outs.append(o))   # V's raw outputs: input first, then the projections
params = [p for k in nets3 for p in s.nets[k].parameters() if p.requires_grad]
o = cfg.optim
opt = adam(params, lr=o.lr, betas=tuple(o.betas), weight_decay=o.weight_decay)
g = torch.Generator().manual_seed(1234)

def parts(b, flip):
    "The input's loss and the pool's, and V's raw outputs (input, projections)."
    outs.clear(); got = {}
    orig = S.step1
    def catch(*args, **kw):
        l, o1 = orig(*args, **kw); got['in'] = l; return l, o1
    S.step1 = catch
    try: total, out3 = S.step3(s, tgt, *b, flip=flip)
    finally: S.step1 = orig
    return got['in'], total - got['in'], outs[0], outs[1], total, out3

for i in range(a.iters):
    for pg in opt.param_groups: pg['lr'] = T.warmup_lr(o.lr, o.warmup, i)
    b = pool.batch(st0.n_proj, g)
    row = {'iter': i}
    l_in0, l_p0, v_in0, v_p0, _, _ = parts(b, False)           # no mirrored halves, same weights, same batch
    gin = torch.autograd.grad(l_in0, v_in0, retain_graph=True)[0][0, 1].item()
    gp = torch.autograd.grad(l_p0, v_p0)[0][:, 1].sum().item()
    l_in, l_p, v_in, v_p, total, out3 = parts(b, st0.flip3)     # the trainer's loss
    gin_f = torch.autograd.grad(l_in, v_in, retain_graph=True)[0][0, 1].item() - gin
    gp_f = torch.autograd.grad(l_p, v_p, retain_graph=True)[0][:, 1].sum().item() - gp
    rng = math.radians(cfg.camera.xyz_rotation_range)           # raw output → radians
    row.update(yaw_in=round(math.degrees(rng * (v_in[0, 1] + (s.view_mean[1] if cfg.view_light.add_mean_V else 0)).item()), 2),
               yaw_proj=round(math.degrees(rng * (v_p[:, 1] + (s.view_mean[1] if cfg.view_light.add_mean_V else 0)).mean().item()), 2),
               l_in=round(l_in0.item(), 4), l_in_flip=round((l_in - l_in0).item(), 4), l_p=round(l_p0.item(), 4), l_p_flip=round((l_p - l_p0).item(), 4),
               g_in=round(gin / rng, 4), g_in_flip=round(gin_f / rng, 4), g_p=round(gp / rng, 4), g_p_flip=round(gp_f / rng, 4),
               light_in=[round(x, 3) for x in out3.input.comp.light_raw[0].tolist()])
    opt.zero_grad(set_to_none=True); total.backward(); opt.step()
    if i % 5 == 4 or i == 0:
        with torch.no_grad(): sc = T.evaluate(s, tgt, decompose(s, tgt.image)).summary()
        row.update(side=round(sc['side_e2'], 3), mad=round(sc['mad_deg'], 2))
    print(json.dumps(row), flush=True)
