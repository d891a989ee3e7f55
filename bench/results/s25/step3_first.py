"""Session 25: step 3's first iterations from one saved start, with one thing changed at a time (issue 11).

    OMP_NUM_THREADS=1 python bench/results/s25/step3_first.py CONFIG STEM SEED [KEY=VALUE ...] [--iters 30] [--out DIR]

Runs the config's prior pre-training, step 1 and step 2 (and the pool) of its first stage once (`train.fit` with
step 3 cut to 0 iterations, the pool caught on its way), then from that same start runs step 3 for --iters
iterations in several variants: the trainer's own (a fresh Adam over D, A, V, L), with one network frozen, with the
learning-rate ramp, or both ('warmup25+freezeV'). Prints the input's L1 (step 1's term) and the shape score along the way.
"""
import sys, json, time, math, copy, argparse
from pathlib import Path
import torch
from gan2shape.core import data_dir, adam
from gan2shape.config import load_preset, load_config, apply_overrides
from gan2shape.reconstruct import build_setup, prepare_target, prior_score
from dataclasses import replace
from gan2shape.steps import decompose, step3, canonical_mask, predict_light
import gan2shape.train as T

ap = argparse.ArgumentParser()
ap.add_argument('config'); ap.add_argument('stem'); ap.add_argument('seed', type=int); ap.add_argument('sets', nargs='*')
ap.add_argument('--iters', type=int, default=30); ap.add_argument('--out', default='runs/s25/first')
ap.add_argument('--variants', default='adam,warmup10,freezeV,freezeA,freezeD,freezeL,freezeVL')
a = ap.parse_args()
root = data_dir()/'synface64'/'benchmark'
base = load_config(a.config) if a.config.endswith('.yaml') else load_preset(a.config)
cfg = apply_overrides(base, [f'run.seed={a.seed}'] + a.sets)
st0 = cfg.schedule.stage_list()[0]
cut = apply_overrides(cfg, [f'schedule.stages=[{{iters: [{st0.iters[0]}, {st0.iters[1]}, 0], n_proj: {st0.n_proj}, flip1: {str(st0.flip1).lower()}, '
                            f'flip3: {str(st0.flip3).lower()}, collect_iters: {st0.collect_iters}}}]'])
s = build_setup(cut, 'cpu')
tgt, _ = prepare_target(s, root/f'image/{a.stem}.png', root/f'latents/{a.stem}.pt', depth_path=root/f'depth/{a.stem}.png',
                        gt_mask_path=root/f'mask/{a.stem}.png', progress=False)
out = Path(a.out)/f'{Path(a.config).stem}_{a.stem}_s{a.seed}'
cache = Path(a.out).parent/'starts'/f'{Path(a.config).stem}_{a.stem}_s{a.seed}.pt'   # the start, kept for later variants
t0 = time.time()
if cache.exists():
    st_ = torch.load(cache, weights_only=False)
    for k, m in s.nets.items(): m.load_state_dict(st_['nets'][k])
    pool = st_['pool']
else:
    pools = []
    orig = T.collect_pool
    def catch(*args, **kw):
        p = orig(*args, **kw); pools.append(p); return p
    T.collect_pool = catch
    T.fit(s, tgt, out, progress=False)
    pool = pools[-1]
    cache.parent.mkdir(parents=True, exist_ok=True)
    torch.save({'nets': {k: m.state_dict() for k, m in s.nets.items()}, 'pool': pool}, cache)
start = {k: copy.deepcopy(m.state_dict()) for k, m in s.nets.items()}
with torch.no_grad(): bg = 1 - canonical_mask(s, decompose(s, tgt.image), tgt.mask)   # bgX: 1 − the stage's canonical mask (needs the session's loss.lam_bg)
def score():
    with torch.no_grad():
        comp = decompose(s, tgt.image); sc = T.evaluate(s, tgt, comp).summary()
    return round(sc['side_e2'], 3), round(sc['mad_deg'], 2), round(math.degrees(comp.view[0, 1].item()), 1)
print(json.dumps({'image': a.stem, 'seed': a.seed, 'start': score(), 'steps12_seconds': round(time.time() - t0)}), flush=True)
nets3 = ('netD', 'netA', 'netV', 'netL')
import gan2shape.steps as S_; _pd = S_.process_depth
FREEZE = {'freezeV': {'netV'}, 'freezeA': {'netA'}, 'freezeD': {'netD'}, 'freezeL': {'netL'}, 'freezeVL': {'netV', 'netL'}}
for var in a.variants.split(','):
    # a variant is tokens joined by '+': adam (the trainer's), warmupN (the lr ramp over N iterations), freezeX (X not trained), bgX (loss.lam_bg X),
    # noborder (the depth's 2 border columns left free), vlX (loss.lam_vl X), lcX (the light half of it alone), vpX (a view-prior penalty on the input's V output)
    for k, m in s.nets.items(): m.load_state_dict(start[k])
    toks = var.split('+')
    frozen = set().union(*[FREEZE.get(t, set()) for t in toks])
    warm = next((int(t[6:]) for t in toks if t.startswith('warmup')), 0)
    lam_bg = next((float(t[2:]) for t in toks if t.startswith('bg')), 0.)   # bgX: loss.lam_bg X
    sv = replace(s, cfg=replace(s.cfg, loss=replace(s.cfg.loss, lam_bg=lam_bg))) if lam_bg else s   # (the term was taken out of the library again)
    kw = {'bg': bg} if lam_bg else {}
    lam_vl = next((float(t[2:]) for t in toks if t.startswith('vl')), 0.)   # vlX: loss.lam_vl X (GAN2X's view and light consistency)
    lam_lc = next((float(t[2:]) for t in toks if t.startswith('lc')), 0.)   # lcX: its light half alone, X · MSE(L(projection), the sample's light)
    import gan2shape.steps as S_
    S_.process_depth = _pd if 'noborder' not in toks else (lambda raw, mn=0.9, mx=1.1, border=True, border_depth=None: _pd(raw, mn, mx, border=False))   # noborder: no fixed border columns
    if lam_vl: sv = replace(sv, cfg=replace(sv.cfg, loss=replace(sv.cfg.loss, lam_vl=lam_vl)))
    lam_vp = next((float(t[2:]) for t in toks if t.startswith('vp')), 0.)   # vpX: X · ½ Mahalanobis² of the input's V output under the view prior
    params = [p for k in nets3 if k not in frozen for p in s.nets[k].parameters() if p.requires_grad]
    o = cfg.optim
    opt = adam(params, lr=o.lr, betas=tuple(o.betas), weight_decay=o.weight_decay)
    g = torch.Generator().manual_seed(1234)
    trace = {}
    for i in range(a.iters):
        for pg in opt.param_groups: pg['lr'] = T.warmup_lr(o.lr, warm, i)
        b = pool.batch(st0.n_proj, g)
        loss, out3 = step3(sv, tgt, *b, flip=st0.flip3, **kw)
        if lam_lc: loss = loss + lam_lc * torch.nn.functional.mse_loss(predict_light(s, b[0]), b[3])
        if lam_vp:
            v = s.nets['netV'](tgt.image) + (s.view_mean if cfg.view_light.add_mean_V else 0)
            k = s.view_cov.diagonal() > 1e-6
            dv = (v - s.view_mean)[:, k]
            loss = loss + lam_vp * 0.5 * (dv @ torch.linalg.inv(s.view_cov[k][:, k]) * dv).sum(1).mean()
        opt.zero_grad(set_to_none=True); loss.backward(); opt.step()
        if i in (0, 1, 4, 9, 19, 29, 49, 99) or i == a.iters - 1:
            trace[i + 1] = {'in_l1_before': round(out3.terms['input_l1'], 4), 'score': score()}
    print(json.dumps({'variant': var, 'trace': trace}), flush=True)
