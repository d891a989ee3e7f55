"""Label-free symmetric pre-training of D, A, V and L (Unsup3D's principle, without a GAN) on training-domain images.

Every joint pre-training of sessions 28-30 left V blind to the view when it started from random weights (yaw slope
0.03-0.09), because step 3's pool carries no view (session 29). Unsup3D (Wu et al. 2020) learns the view with no label
from one cue: the canonical face is symmetric, so reconstructing an image from the mirrored canonical depth and albedo
is possible only once V explains the image's asymmetry. GAN2Shape's step 1 with the flip term is that loss; here it
trains all four networks (not A alone) on batches of many images, D first fitted to the ellipsoid prior drawn on each
image's mask. Images only: no view, light or depth label is read (the masks come from the shipped mask model).

    OMP_NUM_THREADS=2 python bench/results/s31/sym_pretrain.py --data runs/s31/train10k --out runs/s31/sym [--iters 3000]

Writes OUT/pretrain.pt (the original's five-network layout; netEnc untrained), OUT/state.pt (to --resume) and
OUT/log.jsonl. Score it with `bench/results/pretrain_diag.py OUT/pretrain.pt --n 16`.
"""
import argparse, json, math, os, time
from dataclasses import replace
from pathlib import Path
import numpy as np, torch
from PIL import Image
from tqdm import tqdm
from gan2shape.config import load_preset
from gan2shape.reconstruct import build_setup, narrow, load_mask_provider
from gan2shape.steps import Target, step1, prior_loss
from gan2shape.train import prior_from_config, warmup_lr
from gan2shape.networks import save_networks

ap = argparse.ArgumentParser()
ap.add_argument('--data', required=True); ap.add_argument('--out', required=True)
ap.add_argument('--n', type=int, default=None, help='use the first N images of the list')
ap.add_argument('--iters', type=int, default=3000); ap.add_argument('--batch', type=int, default=32)
ap.add_argument('--prior-iters', type=int, default=300); ap.add_argument('--lr', type=float, default=1e-4)
ap.add_argument('--warmup', type=int, default=100); ap.add_argument('--seed', type=int, default=0)
ap.add_argument('--widths', default='32,32,16,16'); ap.add_argument('--threads', type=int, default=2)
ap.add_argument('--ckpt-every', type=int, default=250); ap.add_argument('--resume', action='store_true')
ap.add_argument('--no-flip', action='store_true', help='ablation: without the symmetry term')
ap.add_argument('--hold-depth', type=int, default=0, help='after the prior, train A, V and L alone for this many iterations (D stays the prior)')
ap.add_argument('--set', action='append', default=[], help='config overrides KEY=VALUE of the synface64 preset')
a = ap.parse_args()
torch.set_num_threads(a.threads)
out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
if (out/'state.pt').exists() and not a.resume: raise SystemExit(f"{out}/state.pt exists: pass --resume to continue it, or another --out.")

cfg = load_preset('synface64')
cfg = replace(cfg, run=replace(cfg.run, init_ckpt=None, seed=a.seed))
if a.set:
    from gan2shape.config import apply_overrides
    cfg = apply_overrides(cfg, a.set)
s = build_setup(cfg, 'cpu')
wd = dict(zip(('netD', 'netA', 'netV', 'netL'), map(int, a.widths.split(','))))
s = narrow(s, wd, 'cpu')

# the images (uint8 in memory) and their masks from the shipped mask model
root = Path(a.data)
names = (root/'list.txt').read_text().split()[:a.n]
t0 = time.time()
imgs = torch.from_numpy(np.stack([np.asarray(Image.open(root/'image'/n).convert('RGB')) for n in names])).permute(0, 3, 1, 2).contiguous()
to_f = lambda x: x.float() / 127.5 - 1
masker = load_mask_provider(cfg)
with torch.no_grad(): masks = torch.cat([masker(to_f(imgs[i:i + 256])).clamp(0, 1) for i in range(0, len(imgs), 256)]).half()
print(f"{len(names)} images and masks in {time.time() - t0:.0f} s", flush=True)

o = cfg.optim
adam = lambda ks: torch.optim.Adam([p for k in ks for p in s.nets[k].parameters()], lr=a.lr, betas=tuple(o.betas), weight_decay=o.weight_decay)
opt, hopt = adam(('netD', 'netA', 'netV', 'netL')), adam(('netA', 'netV', 'netL'))
popt = torch.optim.Adam(s.nets['netD'].parameters(), lr=cfg.prior.pretrain_lr or o.lr, betas=tuple(o.betas), weight_decay=o.weight_decay)
g = torch.Generator().manual_seed(a.seed)
it = 0
if a.resume and (out/'state.pt').exists():
    st = torch.load(out/'state.pt', weights_only=False)
    for k, v in st['nets'].items(): s.nets[k].load_state_dict(v)
    opt.load_state_dict(st['opt']); hopt.load_state_dict(st['hopt']); popt.load_state_dict(st['popt']); g.set_state(st['gen']); torch.set_rng_state(st['rng']); it = st['iter']
    print(f"resumed at iteration {it}", flush=True)

def save(it):
    nets = {k: v.state_dict() for k, v in s.nets.items()}
    tmp = out/'state.pt.tmp'
    torch.save({'nets': nets, 'opt': opt.state_dict(), 'hopt': hopt.state_dict(), 'popt': popt.state_dict(), 'gen': g.get_state(), 'rng': torch.get_rng_state(),
                'iter': it, 'args': vars(a)}, tmp); os.replace(tmp, out/'state.pt')
    save_networks(s.nets, out/'pretrain.pt', iteration=it, method='symmetric pre-training (s31)', args=vars(a))

log = open(out/'log.jsonl', 'a')
total = a.prior_iters + a.hold_depth + a.iters
bar = tqdm(range(it, total), initial=it, total=total, mininterval=10)
run_l = None
for it in bar:
    idx = torch.randint(len(imgs), (a.batch,), generator=g)
    x, m = to_f(imgs[idx]), masks[idx].float()
    if it < a.prior_iters:   # D to the ellipsoid drawn on each image's mask (frame: the image's; V knows nothing yet)
        loss = prior_loss(s, x, prior_from_config(cfg, m)); o_ = popt; terms = {}
    else:
        hold = it < a.prior_iters + a.hold_depth   # D held at the prior while A, V and L learn (a fresh Adam after)
        o_, i0 = (hopt, a.prior_iters) if hold else (opt, a.prior_iters + a.hold_depth)
        for pg in o_.param_groups: pg['lr'] = warmup_lr(a.lr, a.warmup, it - i0)
        tgt = Target(x, None, None, m, name='batch')
        loss, out1 = step1(s, tgt, flip=not a.no_flip); terms = out1.terms
    if not torch.isfinite(loss):
        raise SystemExit(f"loss is {loss.item()} at iteration {it}: stopped; the last good checkpoint is {out}/state.pt")
    o_.zero_grad(set_to_none=True); loss.backward(); o_.step()
    run_l = loss.item() if run_l is None else 0.98 * run_l + 0.02 * loss.item()
    if it % 10 == 0:
        log.write(json.dumps({'iter': it, 'phase': 'prior' if it < a.prior_iters else 'hold' if it < a.prior_iters + a.hold_depth else 'sym', 'loss': loss.item(), **terms}) + '\n'); log.flush()
        bar.set_postfix(loss=f'{run_l:.4f}')
    if (it + 1) % a.ckpt_every == 0 or it + 1 == total: save(it + 1)
print(f"done: {total} iterations; {out}/pretrain.pt", flush=True)
