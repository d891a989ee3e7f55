"""Label-free view and light networks from the method's own pseudo-samples of the prior (ours, session 32).

GAN2Shape's step 2 renders each image's canonical depth and albedo under views and lights it draws itself, so every
pseudo-sample comes with the exact view and light that made it. Here V and L regress those: for a batch of
training-domain images (images only; masks from the shipped mask model), the canonical depth is the ellipsoid prior
drawn on each mask, the albedo is the image made left-right symmetric about its mask's own mirror line (which removes
its own yaw and the sideways part of its shading), and each is rendered once under a view from the view prior and a
light from step 2's relighting ranges. No view, light or depth label of the data is read; `vprobe.py` (session 31)
measures the result against the labels afterwards.

    OMP_NUM_THREADS=2 python bench/results/s32/selfsup_vl.py --data runs/s31/train10k --out runs/s32/ssvl [--iters 3000]

Writes OUT/vl.pt (netV and netL, the layout of `data/synface64/init_vl.pt`, usable as `run.init_ckpt`),
OUT/state.pt (resume with --resume) and OUT/log.jsonl; OUT/samples.png shows a batch of its training renders.
"""
import argparse, json, os, time
from dataclasses import replace
from pathlib import Path
import numpy as np, torch, torch.nn.functional as F
from PIL import Image
from tqdm import tqdm
from gan2shape.config import load_preset
from gan2shape.reconstruct import build_setup, load_mask_provider
from gan2shape.networks import make_networks, save_networks
from gan2shape.render import normals_from_depth
from gan2shape.shading import random_relighting, RelightRanges, shade_texture, light_from_raw
from gan2shape.steps import sample_views, rerender, mirror, mirror_axis
from gan2shape.train import prior_from_config, view_light_targets

ap = argparse.ArgumentParser()
ap.add_argument('--data', required=True); ap.add_argument('--out', required=True)
ap.add_argument('--n', type=int, default=None, help='use the first N images of the list')
ap.add_argument('--iters', type=int, default=3000); ap.add_argument('--batch', type=int, default=32)
ap.add_argument('--lr', type=float, default=5e-4); ap.add_argument('--seed', type=int, default=0)
ap.add_argument('--nf', type=int, default=16); ap.add_argument('--threads', type=int, default=2)
ap.add_argument('--no-sym', action='store_true', help='ablation: the image itself as albedo (not made symmetric)')
ap.add_argument('--bg', choices=['render', 'fit'], default='fit',
                help="render: the prior's whole frame turns with the view (step 2's pseudo-samples); fit: only the object is rendered, "
                     "over a backdrop that stays in image space (a per-channel plane c0 + c1·u + c2·v fitted to the pixels outside the mask)")
ap.add_argument('--ckpt-every', type=int, default=250); ap.add_argument('--resume', action='store_true')
a = ap.parse_args()
torch.set_num_threads(a.threads)
out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
if (out/'state.pt').exists() and not a.resume: raise SystemExit(f"{out}/state.pt exists: pass --resume to continue it, or another --out.")

cfg = load_preset('synface64')
cfg = replace(cfg, run=replace(cfg.run, init_ckpt=None, seed=a.seed))
s = build_setup(cfg, 'cpu')
torch.manual_seed(a.seed)
nets = make_networks(64, s.gan.latent_dim, widths={'netV': a.nf, 'netL': a.nf})
s = replace(s, nets=nets)
root = Path(a.data)
names = (root/'list.txt').read_text().split()[:a.n]
names = names[:-256] if len(names) > 1000 else names      # vprobe reads the list's last 256: never trained on
t0 = time.time()
imgs = torch.from_numpy(np.stack([np.asarray(Image.open(root/'image'/n).convert('RGB')) for n in names])).permute(0, 3, 1, 2).contiguous()
to_f = lambda x: x.float() / 127.5 - 1
masker = load_mask_provider(cfg)
with torch.no_grad(): masks = torch.cat([masker(to_f(imgs[i:i + 256])).clamp(0, 1) for i in range(0, len(imgs), 256)]).half()
print(f"{len(names)} images and masks in {time.time() - t0:.0f} s", flush=True)

ranges = RelightRanges.from_list(cfg.view_light.rand_light)
lm = light_from_raw(s.light_mean[None])            # the light prior's mean: the ambient and diffuse strengths relit around
vl = cfg.view_light

def backdrop(x, m):
    "Least-squares colour plane of each image's pixels outside its mask (weights 1 − mask): B×3×S×S."
    B, _, S, _ = x.shape
    u = torch.linspace(-1, 1, S)
    P = torch.stack([torch.ones(S, S), u[None].expand(S, S), u[:, None].expand(S, S)], -1).reshape(-1, 3)   # S²×3
    w = (1 - m).clamp(0, 1).reshape(B, -1, 1)
    A = P[None] * w                                                              # B×S²×3
    coef = torch.linalg.solve(A.transpose(1, 2) @ (P[None] * w) + 1e-4 * torch.eye(3), A.transpose(1, 2) @ x.reshape(B, 3, -1).transpose(1, 2))
    return (P[None] @ coef).transpose(1, 2).reshape(B, 3, S, S)

def renders(idx, g):
    "One pseudo-sample of each image's prior, with the view (N×6, radians) and L's raw light (N×4) that made it."
    with torch.no_grad():
        x, m = to_f(imgs[idx]), masks[idx].float()
        depth = prior_from_config(cfg, m)
        alb = x if a.no_sym else (x + mirror(x, mirror_axis(m))) / 2
        n = len(idx)
        normal = normals_from_depth(depth, s.K)
        rl = random_relighting(normal, lm.ambient.expand(n), lm.diffuse.expand(n), generator=g, ranges=ranges)
        views = sample_views(s, n, g)
        tex = shade_texture(alb, rl.shading)
        if a.bg == 'render': ims = rerender(s, tex, depth, views).image
        else:
            r = rerender(s, torch.cat([tex, m], 1), depth, views)
            mr = (r.image[:, 3:] * r.valid).clamp(0, 1)
            ims = mr * r.image[:, :3] + (1 - mr) * backdrop(x, m)
        A, B = lm.ambient.expand(n), lm.diffuse.expand(n)
        lights = torch.stack([2 * (A + ranges.alpha * rl.strength) - 1, 2 * (B + rl.strength) - 1,
                              rl.direction[:, 0] / rl.direction[:, 2], rl.direction[:, 1] / rl.direction[:, 2]], 1)
        return ims.clamp(-1, 1), views, lights

params = list(nets['netV'].parameters()) + list(nets['netL'].parameters())
opt = torch.optim.Adam(params, lr=a.lr)
g = torch.Generator().manual_seed(a.seed)
it = 0
if a.resume and (out/'state.pt').exists():
    st = torch.load(out/'state.pt', weights_only=False)
    for k, v in st['nets'].items(): nets[k].load_state_dict(v)
    opt.load_state_dict(st['opt']); g.set_state(st['gen']); torch.set_rng_state(st['rng']); it = st['iter']
    print(f"resumed at iteration {it}", flush=True)
else:   # a picture of what V and L learn from
    ims, _, _ = renders(torch.arange(16), torch.Generator().manual_seed(123))
    grid = torch.cat([torch.cat(list(to_f(imgs[:16]).clamp(-1, 1)), 2), torch.cat(list(ims), 2)], 1)
    Image.fromarray(((grid.permute(1, 2, 0) + 1) * 127.5).round().byte().numpy()).save(out/'samples.png')

def save(it):
    tmp = out/'state.pt.tmp'
    torch.save({'nets': {k: nets[k].state_dict() for k in ('netV', 'netL')}, 'opt': opt.state_dict(), 'gen': g.get_state(),
                'rng': torch.get_rng_state(), 'iter': it, 'args': vars(a)}, tmp); os.replace(tmp, out/'state.pt')
    save_networks({k: nets[k] for k in ('netV', 'netL')}, out/'vl.pt', iteration=it, method='self-supervised V/L on prior pseudo-samples (s32)', args=vars(a))

log = open(out/'log.jsonl', 'a')
bar = tqdm(range(it, a.iters), initial=it, total=a.iters, mininterval=10)
run_l = None
for it in bar:
    idx = torch.randint(len(imgs), (a.batch,), generator=g)
    x, views, lights = renders(idx, g)
    tv, tl = view_light_targets(s, views, torch.zeros(len(idx), 4))[0], lights
    pv = nets['netV'](x) + (s.view_mean if vl.add_mean_V else 0)
    pl = nets['netL'](x) + (s.light_mean if vl.add_mean_L else 0)
    lv, ll = F.mse_loss(pv, tv), F.mse_loss(pl, tl)
    loss = lv + ll
    if not torch.isfinite(loss): raise SystemExit(f"loss is {loss.item()} at iteration {it}: stopped; the last good checkpoint is {out}/state.pt")
    opt.zero_grad(set_to_none=True); loss.backward(); opt.step()
    run_l = loss.item() if run_l is None else 0.98 * run_l + 0.02 * loss.item()
    if it % 10 == 0:
        log.write(json.dumps({'iter': it, 'loss': loss.item(), 'view': lv.item(), 'light': ll.item()}) + '\n'); log.flush()
        bar.set_postfix(loss=f'{run_l:.4f}')
    if (it + 1) % a.ckpt_every == 0 or it + 1 == a.iters: save(it + 1)
print(f"done: {a.iters} iterations; {out}/vl.pt", flush=True)
