"""Can step 3's objective move D from the ellipsoid prior to the true relief when everything else is right?

Face 000000 of the benchmark, seen frontally (so the image frame is the canonical frame). D and A start as the
preset does (D fitted to the prior for 200 iterations, A fresh); then D and A are trained on N ground-truth
renderings of the same face with their TRUE views and lights (no V, no L, no GAN): step 3 at its best. Every 25
iterations: the loss on the head, the canonical relief against the truth (spread of centred log depth, best scale
a with log gt ≈ a·log pred, correlation) and the MAD of the canonical normals on the head.

    OMP_NUM_THREADS=1 python bench/results/relief_known_views.py [--init prior|flat|truth] [--lr 1e-4] [--iters 300]
        [--wd 5e-4] [--shift 0.05] [--no-mean-free] [--frozen-albedo] [--pred-views]

--pred-views replaces the true views and lights by init_vl.pt's predictions on the renderings; PRED=v or PRED=l in the
environment replaces only the views or only the lights.
"""
import argparse, json, math, time
import torch
from gan2shape.core import data_dir
from gan2shape.config import load_preset
from gan2shape.reconstruct import build_setup
from gan2shape.steps import shade, rerender, prior_loss
from gan2shape.losses import photometric
from gan2shape.render import process_depth, normals_from_depth
from gan2shape.metrics import erode, mad
from gan2shape.synth import SynthCfg, sample_face_params, sample_view_light, render_faces
from gan2shape.train import prior_from_config
ap = argparse.ArgumentParser(); ap.add_argument('--init', default='prior'); ap.add_argument('--lr', type=float, default=1e-4)
ap.add_argument('--iters', type=int, default=300); ap.add_argument('--n', type=int, default=16); ap.add_argument('--stem', default='000000')
ap.add_argument('--wd', type=float, default=5e-4, help='Adam weight decay (the preset: 5e-4)')
ap.add_argument('--shift', type=float, default=0., help='added to the prior (0.05 centres its head on the rotation centre)')
ap.add_argument('--no-mean-free', action='store_true', help='depth = tanh(raw) mapped to the range, without subtracting the mean raw')
ap.add_argument('--pred-views', action='store_true', help="views and lights as init_vl.pt's V and L predict them on the renderings")
ap.add_argument('--frozen-albedo', action='store_true', help='A replaced by the true albedo')
a = ap.parse_args()
torch.manual_seed(0)
root = data_dir()/'synface64'/'benchmark'
s = build_setup(load_preset('synface64-quick'), 'cpu'); c = s.cfg.camera
seed = json.loads((root/'synth_config.json').read_text())['seed']
params = sample_face_params(torch.Generator().manual_seed(seed * 1_000_003 + int(a.stem)))
cfg = SynthCfg()
v0, l0 = sample_view_light(1, torch.Generator().manual_seed(7), cfg); v0 = torch.zeros_like(v0)
front = render_faces([params], v0, l0, cfg)
img, head0 = front.image, erode(front.mask, 2)[:, None]
views, lights = sample_view_light(a.n, torch.Generator().manual_seed(5), cfg)
b = render_faces([params] * a.n, views, lights, cfg)
lraw = torch.cat([lights[:, :2] * 2 - 1, lights[:, 2:]], 1)
head = erode(b.mask, 2)[:, None]
if a.pred_views:
    from gan2shape.steps import predict_view, predict_light
    with torch.no_grad(): pv, pl = predict_view(s, b.image), predict_light(s, b.image)
    print('predicted − true view (mean over renders):', [round(x, 4) for x in (pv - views).mean(0).tolist()], 'rms', [round(x, 4) for x in (pv - views).pow(2).mean(0).sqrt().tolist()])
    import os
    if os.environ.get("PRED", "vl") in ("vl", "v"): views = pv
    if os.environ.get("PRED", "vl") in ("vl", "l"): lraw = pl
gt = b.canon_depth[:1].clamp(c.min_depth, c.max_depth)
m = head0[:, 0] > 0
def relief(pred):
    lp, lg = pred.log()[m], gt.log()[m]; lp, lg = lp - lp.mean(), lg - lg.mean()
    return lp.std().item() * 100, ((lp * lg).sum() / (lp * lp).sum()).item(), ((lp * lg).sum() / (lp.norm() * lg.norm())).item()
rep = lambda x: x.expand(a.n, *x.shape[1:])
def loss_of(depth, albedo):
    r = rerender(s, shade(s, rep(depth), rep(albedo), views, lraw).texture, rep(depth), views)
    return photometric(r.image, b.image, r.valid * head)
print(f'truth: loss {loss_of(gt, b.albedo[:1]).item():.4f}, relief spread {relief(gt)[0]:.3f}')
D, A = s.nets['netD'], s.nets['netA']
if a.no_mean_free:
    import gan2shape.steps as st
    def process_depth(raw, min_depth, max_depth, border=True, border_depth=None):
        d = min_depth + (max_depth - min_depth) * (1 + torch.tanh(raw[:, 0])) / 2
        return d if not border else torch.where((torch.arange(d.shape[-1]) < 2) | (torch.arange(d.shape[-1]) >= d.shape[-1] - 2), border_depth or 0.7 * max_depth + 0.3 * min_depth, d)
    st.process_depth = process_depth
if a.init in ('prior', 'truth'):
    target = prior_from_config(s.cfg, front.mask[:, None]) + a.shift if a.init == 'prior' else gt
    opt = torch.optim.Adam(D.parameters(), lr=1e-4)
    for i in range(200): l = prior_loss(s, img, target); opt.zero_grad(); l.backward(); opt.step()
ps = list(D.parameters()) + ([] if a.frozen_albedo else list(A.parameters()))
opt = torch.optim.Adam(ps, lr=a.lr, betas=(0.9, 0.999), weight_decay=a.wd)
t0 = time.time()
for i in range(a.iters + 1):
    depth = process_depth(D(img), c.min_depth, c.max_depth, border_depth=c.border)
    albedo = b.albedo[:1] if a.frozen_albedo else A(img)
    loss = loss_of(depth, albedo)
    if i % 25 == 0:
        with torch.no_grad():
            sp, sc, co = relief(depth)
            M = mad(normals_from_depth(depth, s.K), normals_from_depth(gt, s.K), head0[:, 0]).item()
        print(f'{a.init}{a.shift:+g}{" no-mean-free" if a.no_mean_free else ""} lr {a.lr:g} wd {a.wd:g}{" trueA" if a.frozen_albedo else ""}{" predV" if a.pred_views else ""} it {i:4d} loss {loss.item():.4f} relief spread {sp:.3f} (gt {relief(gt)[0]:.3f}) best scale {sc:.3f} corr {co:.3f} MAD {M:.2f} ({time.time() - t0:.0f} s)', flush=True)
    if i < a.iters: opt.zero_grad(); loss.backward(); opt.step()
