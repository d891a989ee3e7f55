"""Build the embedded default assets of gan2shape (data/synface64, data/samples) from the synthetic domain.

Usage (from the repository root, with .venv active):
    python tools/make_embedded.py priors      [--train runs/synface64_train]
    python tools/make_embedded.py mask        [--train runs/synface64_train] [--iters 700]
    python tools/make_embedded.py benchmark   [--gan CKPT] [--n 32] [--steps 300]
    python tools/make_embedded.py gan-quality --gan CKPT [--ref-ckpt init|EARLY_CKPT]
    python tools/make_embedded.py samples
    python tools/make_embedded.py vl-init     [--train runs/synface64_train] [--iters 1500] [--nf 16]
    python tools/make_embedded.py vl-selfsup  [--train runs/s31/train10k] [--iters 4000] [--nf 16]

Every subcommand is deterministic (fixed seeds), writes its files atomically, can be re-run, and prints
the figures it measures (they go into data/README.md). `--data DIR` writes somewhere else than data/
(the smoke test in tests/ uses a temporary folder).
"""
from __future__ import annotations
import argparse, json, math, shutil, sys, tempfile, time
from pathlib import Path
from dataclasses import replace
import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

from gan2shape.core import atomic_torch_save, atomic_write_text, save_image, data_dir
from gan2shape.synth import SynthCfg, specular_domain, view_light_priors, write_synth

ROOT = Path(__file__).resolve().parent.parent
BENCH_KEEP = ('image', 'depth', 'mask')                       # folders the benchmark ships
BENCH_FILES = ('list.txt', 'meta.jsonl', 'synth_config.json')  # files the benchmark ships


def _fmt(t, d=4): return np.array2string(np.asarray(t, dtype=np.float64), precision=d, suppress_small=True, max_line_width=160)

def _say(*a): print(*a, flush=True)

def _names(train:Path) -> list:
    return [l.split()[0] for l in (train/'list.txt').read_text().splitlines() if l.strip()]

def read_pngs(folder:Path, names:list, grey:bool=False) -> torch.Tensor:
    "PNG files `folder/name` as an N×C×H×W uint8 tensor (C = 1 for `grey`, else 3)."
    conv = 'L' if grey else 'RGB'
    a = np.stack([np.asarray(Image.open(folder/n).convert(conv)) for n in names])
    return torch.from_numpy(a[:, None] if grey else a.transpose(0, 3, 1, 2).copy())

def _u8f(x:torch.Tensor) -> torch.Tensor: return x.float() / 127.5 - 1


# ---------------------------------------------------------------------------------------------- priors
def view_light_from_meta(meta:Path, rot_range:float=60., xy_range:float=0.1, z_range:float=0.) -> tuple:
    "The sampled views (N×6) and lights (N×4) of a synth folder, in the networks' normalised units."
    rows = [json.loads(l) for l in meta.read_text().splitlines() if l.strip()]
    v = torch.tensor([r['view'] for r in rows], dtype=torch.float64)
    l = torch.tensor([r['light'] for r in rows], dtype=torch.float64)
    scale = torch.tensor([math.radians(rot_range)] * 3 + [xy_range, xy_range, z_range or 1.], dtype=torch.float64)
    return v / scale, torch.cat([l[:, :2] * 2 - 1, l[:, 2:]], 1)

def cmd_priors(a):
    out = a.data/'synface64'
    vp, lp = view_light_priors(SynthCfg())
    for name, p in (('view', vp), ('light', lp)):
        atomic_torch_save({'mean': p['mean'].float().clone(), 'cov': p['cov'].float().clone()}, out/f'{name}_mvn.pt')
        _say(f'wrote {out/f"{name}_mvn.pt"}')
    v, l = view_light_from_meta(a.train/'meta.jsonl')
    _say(f'check against {len(v)} samples of {a.train}/meta.jsonl (normalised units: view / [60°, 60°, 60° in rad, 0.1, 0.1, 1]; '
         f'light (2a−1, 2b−1, dx, dy))')
    for name, p, x in (('view (rx pitch, ry yaw, rz roll, tx, ty, tz)', vp, v), ('light (a, b, dx, dy)', lp, l)):
        m, c = x.mean(0), torch.cov(x.T)
        sd = p['cov'].diagonal().double().sqrt()
        dm = (m - p['mean'].double()).abs() / sd.clamp(min=1e-12)
        den = (sd[:, None] * sd[None]).clamp(min=1e-12)
        dc = ((c - p['cov'].double()).abs() / den)
        _say(f'\n{name}')
        _say(f'  analytic mean  {_fmt(p["mean"])}')
        _say(f'  empirical mean {_fmt(m)}')
        _say(f'  analytic std   {_fmt(sd)}')
        _say(f'  empirical std  {_fmt(c.diagonal().sqrt())}')
        _say(f'  empirical cov\n{_fmt(c, 5)}')
        _say(f'  max |Δmean|/σ = {dm.max():.4f}; max |Δcov|/(σiσj) = {dc.max():.4f} (sampling error ≈ {1 / math.sqrt(len(x)):.4f})')
        ev = torch.linalg.eigvalsh(p['cov'].double())
        _say(f'  analytic cov eigenvalues {_fmt(ev, 6)}')


# ---------------------------------------------------------------------------------------------- mask
def iou(pred:torch.Tensor, gt:torch.Tensor, thr:float=0.5) -> torch.Tensor:
    "Per-image IoU of `pred ≥ thr` against `gt ≥ 0.5` (N×1×H×W each)."
    p, g = pred >= thr, gt >= 0.5
    return (p & g).flatten(1).sum(1).float() / (p | g).flatten(1).sum(1).float().clamp(min=1)

def soft_iou(pred:torch.Tensor, gt:torch.Tensor) -> torch.Tensor:
    "Per-image soft IoU Σ p·g / Σ (p + g − p·g)."
    pg = (pred * gt).flatten(1).sum(1)
    return pg / (pred.flatten(1).sum(1) + gt.flatten(1).sum(1) - pg).clamp(min=1e-6)

@torch.no_grad()
def predict_masks(net, images_u8:torch.Tensor, batch:int=256) -> torch.Tensor:
    return torch.cat([net(_u8f(images_u8[i:i + batch])) for i in range(0, len(images_u8), batch)])

def cmd_mask(a):
    from gan2shape.masks import train_mask_model, save_mask_model
    names = _names(a.train)
    tr, ho = names[:a.n_train], names[a.holdout_start:a.holdout_start + a.n_holdout]
    if set(tr) & set(ho): raise SystemExit('the training and held-out samples overlap; change --n-train / --holdout-start.')
    t0 = time.time()
    x, m = read_pngs(a.train/'image', tr), read_pngs(a.train/'mask', tr, grey=True)
    xh, mh = read_pngs(a.train/'image', ho), read_pngs(a.train/'mask', ho, grey=True).float() / 255
    _say(f'read {len(tr)} training and {len(ho)} held-out pairs in {time.time() - t0:.1f} s')
    t0 = time.time()
    net, losses = train_mask_model(_u8f(x), m.float() / 255, iters=a.iters, batch_size=a.batch, lr=a.lr, nf=a.nf,
                                   seed=a.seed, progress=not a.quiet)
    wall = time.time() - t0
    path = save_mask_model(net, a.data/'synface64'/'mask_model.pt')
    ph = predict_masks(net, xh)
    i, s = iou(ph, mh), soft_iou(ph, mh)
    k = max(1, len(losses) // 20)
    _say(f'wrote {path} ({path.stat().st_size / 1e3:.0f} kB, MaskNet(nf={a.nf}, size={net.size}), '
         f'{sum(p.numel() for p in net.parameters()):,} parameters)')
    _say(f'trained {a.iters} iterations, batch {a.batch}, lr {a.lr}, seed {a.seed} on samples 0–{a.n_train - 1} in {wall:.1f} s '
         f'({torch.get_num_threads()} thread(s)); loss first/last {k} its: {np.mean(losses[:k]):.4f} / {np.mean(losses[-k:]):.4f}')
    _say(f'held-out samples {a.holdout_start}–{a.holdout_start + len(ho) - 1}: IoU@0.5 mean {i.mean():.4f} '
         f'(median {i.median():.4f}, min {i.min():.4f}); soft IoU mean {s.mean():.4f}')


# ---------------------------------------------------------------------------------------------- benchmark
def _bench_keep(specular:bool) -> tuple:
    "The folders a benchmark ships: the specular domain's adds its ground-truth material maps."
    return BENCH_KEEP + (('albedo', 'specular', 'shininess') if specular else ())

def _bench_ok(root:Path, n:int, seed:int, specular:bool=False, relief:float|None=None) -> bool:
    "Whether `root` already holds the n-sample benchmark rendered with `seed` (and the specular domain and relief asked)."
    try:
        cfg = json.loads((root/'synth_config.json').read_text())
        names = _names(root)
        return (cfg.get('seed') == seed and bool(cfg.get('specular', False)) == specular and len(names) == n and
                cfg.get('relief', 1.0) == _bench_cfg(specular, relief).relief and
                all((root/f/nm).exists() for f in _bench_keep(specular) for nm in names))
    except (FileNotFoundError, json.JSONDecodeError): return False

def _bench_cfg(specular:bool, relief:float|None=None) -> SynthCfg:
    "The domain a benchmark is rendered from: the Lambertian faces, or GAN2X's specular domain (`synth --specular`), at `relief` if given."
    cfg = specular_domain() if specular else SynthCfg()
    return cfg if relief is None else replace(cfg, relief=relief)

def render_benchmark(root:Path, n:int, seed:int, specular:bool=False, relief:float|None=None) -> Path:
    "Render n samples of the domain with `seed` into `root` (only image/, depth/, mask/ (+ material maps) and the tables), replacing it whole."
    if _bench_ok(root, n, seed, specular, relief): _say(f'{root}: {n} samples of seed {seed} already rendered'); return root
    root.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix='.bench.', dir=root.parent))
    try:
        write_synth(tmp/'all', n, seed, _bench_cfg(specular, relief), progress=False)
        new = tmp/'new'; new.mkdir()
        for f in _bench_keep(specular): shutil.move(str(tmp/'all'/f), str(new/f))
        for f in BENCH_FILES: shutil.move(str(tmp/'all'/f), str(new/f))
        if (root/'latents').exists(): shutil.rmtree(root/'latents')   # latents of other images are stale
        if root.exists(): root.rename(tmp/'old')
        new.rename(root)
    finally: shutil.rmtree(tmp, ignore_errors=True)
    _say(f'rendered {n} samples (seed {seed}) into {root}')
    return root

class CachedTarget(torch.nn.Module):
    "A perceptual distance d(x, y) that computes the features of `y` once when it is the same tensor every call."
    def __init__(self, lp):
        super().__init__(); self.lp, self._y, self._fy = lp, None, None
    def feats(self, x): return self.lp.net(self.lp.scaling_layer(x))
    def forward(self, x, y):
        if min(x.shape[-2:]) < self.lp.min_size: return self.lp(x, y)
        if y is not self._y:
            with torch.no_grad(): self._y, self._fy = y, [f.detach() for f in self.feats(y)]
        from gan2shape.perceptual import _unit
        d = 0
        for k, (fx, fy) in enumerate(zip(self.feats(x), self._fy)):
            d = d + getattr(self.lp, f'lin{k}')((_unit(fx) - _unit(fy)) ** 2).mean((1, 2, 3))
        return d

def cmd_benchmark(a):
    from gan2shape.invert import invert, save_latent
    from gan2shape.stylegan2 import load_stylegan2
    from gan2shape.perceptual import perceptual_distance
    from gan2shape.export import image_grid
    domain = a.data/('synface64spec' if a.specular else 'synface64')
    root = a.out or domain/'benchmark'
    t0 = time.time(); render_benchmark(root, a.n, a.seed, a.specular, a.relief); _say(f'render: {time.time() - t0:.1f} s')
    if a.gan is None: _say('no --gan given: images, depth and masks only; run again with --gan CKPT for the latents.'); return
    g = load_stylegan2(a.gan, with_discriminator=False).g
    names = _names(root)
    x = _u8f(read_pngs(root/'image', names))
    if x.shape[-1] != g.size: raise SystemExit(f'the benchmark images are {x.shape[-1]}² but {a.gan} generates {g.size}² images.')
    lp = perceptual_distance('stlpips')
    t0 = time.time()
    ws, recs = [], []
    for i in range(0, len(x), a.batch):
        r = invert(x[i:i + a.batch], g, steps=a.steps, perceptual=CachedTarget(lp), seed=a.seed, progress=not a.quiet)
        ws.append(r.w); recs.append(r.image)
    wall = time.time() - t0
    w, rec = torch.cat(ws), torch.cat(recs)
    for nm, wi in zip(names, w): save_latent(wi[None], root/'latents'/(Path(nm).stem + '.pt'))
    with torch.no_grad(): l1, pd = (rec - x).abs().mean((1, 2, 3)), lp(rec, x)
    _say(f'inverted {len(x)} images into W ({w.shape[1]}-d) with {a.steps} steps each (stlpips + pixel MSE, batch {a.batch}, '
         f'seed {a.seed}) in {wall:.1f} s ({wall / len(x):.1f} s per image, {torch.get_num_threads()} thread(s)); checkpoint {a.gan}')
    _say('name      L1      stlpips')
    for nm, e1, e2 in zip(names, l1, pd): _say(f'{Path(nm).stem}  {e1:.4f}  {e2:.4f}')
    _say(f'mean      {l1.mean():.4f}  {pd.mean():.4f}   (median {l1.median():.4f} / {pd.median():.4f}; max {l1.max():.4f} / {pd.max():.4f})')
    rows = []   # rows of 8: targets, then their reconstructions
    for i in range(0, len(x), 8): rows += [x[i:i + 8], rec[i:i + 8]]
    rows = [F.pad(r, (0, 0, 0, 0, 0, 0, 0, 8 - len(r)), value=1.) for r in rows]
    grid = domain/'benchmark_inversion.png' if a.out is None else root/'inversion.png'
    p = save_image(image_grid(torch.cat(rows).clamp(-1, 1), ncol=8, pad=1), grid)
    _say(f'wrote {root/"latents"} ({len(names)} files) and {p} (rows: image, G(w), image, G(w), …)')


# ---------------------------------------------------------------------------------------------- gan quality
def _load_g(spec:str, like=None, seed:int=0):
    "A generator from a checkpoint path, or 'init': a freshly initialised one shaped like `like`."
    from gan2shape.stylegan2 import load_stylegan2, Generator
    if spec == 'init':
        torch.manual_seed(seed)
        return Generator(like.size, like.style_dim, len(like.style) - 1, channels=dict(like.channels)).eval()
    return load_stylegan2(spec, with_discriminator=False).g

@torch.no_grad()
def generate(g, n:int, seed:int=0, batch:int=100) -> torch.Tensor:
    "n images of `g` from z ~ N(0, I) drawn with `seed` (stored noise, truncation 1), clamped to [-1, 1]."
    z = torch.randn(n, g.style_dim, generator=torch.Generator().manual_seed(seed))
    return torch.cat([g(z[i:i + batch]).clamp(-1, 1) for i in range(0, n, batch)])

@torch.no_grad()
def vgg_features(lp, x:torch.Tensor, batch:int=100) -> torch.Tensor:
    "The shift-tolerant VGG trunk's deepest features (relu5_3), spatially averaged: N×512."
    return torch.cat([lp.net(lp.scaling_layer(x[i:i + batch]))[-1].mean((2, 3)) for i in range(0, len(x), batch)]).double()

def real_features(lp, train:Path, names:list, cache:Path|None) -> torch.Tensor:
    "`vgg_features` of training images `names`, cached in `cache` (they do not depend on the GAN)."
    f = cache/f'vgg_relu5_3_{Path(names[0]).stem}_{len(names)}.pt' if cache is not None else None
    if f is not None and f.exists():
        ck = torch.load(f, weights_only=True)
        if ck['names'] == list(names) and ck['train'] == str(Path(train).resolve()): return ck['feats']
    feats = vgg_features(lp, _u8f(read_pngs(train/'image', names)))
    if f is not None: atomic_torch_save({'names': list(names), 'train': str(Path(train).resolve()), 'feats': feats}, f)
    return feats

def frechet(f1:torch.Tensor, f2:torch.Tensor) -> float:
    "Fréchet distance between Gaussians fitted to two feature sets (N×D each): |μ1 − μ2|² + Tr(C1 + C2 − 2 (C1 C2)^½)."
    a, b = f1.double().numpy(), f2.double().numpy()
    m1, m2, c1, c2 = a.mean(0), b.mean(0), np.cov(a, rowvar=False), np.cov(b, rowvar=False)
    # Tr (C1 C2)^½ = Σ √λ(C1^½ C2 C1^½): symmetric eigenproblems, exact also for singular covariances (N ≤ D)
    e, v = np.linalg.eigh(c1)
    r1 = (v * np.sqrt(e.clip(min=0))) @ v.T
    tr = np.sqrt(np.linalg.eigvalsh(r1 @ c2 @ r1).clip(min=0)).sum()
    return float(((m1 - m2) ** 2).sum() + np.trace(c1) + np.trace(c2) - 2 * tr)

def nn_dist(q:torch.Tensor, ref:torch.Tensor, batch:int=250) -> tuple:
    "For each row of q, the RMS pixel distance to its nearest row of ref and that row's index."
    d, i = [], []
    for k in range(0, len(q), batch):
        c = torch.cdist(q[k:k + batch].flatten(1), ref.flatten(1))
        v, j = c.min(1); d.append(v); i.append(j)
    return torch.cat(d) / math.sqrt(ref[0].numel()), torch.cat(i)

def cmd_gan_quality(a):
    from gan2shape.perceptual import perceptual_distance
    from gan2shape.export import image_grid
    out = a.data/('synface64spec' if a.specular else 'synface64')
    t_all = time.time()
    if a.cache is not None and str(a.cache) == 'none': a.cache = None
    g = _load_g(str(a.gan))
    names = _names(a.train)
    # (a) sample grid
    s = generate(g, 64, a.seed)
    _say(f'wrote {save_image(image_grid(s.clamp(-1, 1), ncol=8, pad=1), out/"stylegan2_samples.png")} (64 samples, z seed {a.seed})')
    # (b) nearest neighbours
    t0 = time.time()
    ref = _u8f(read_pngs(a.train/'image', names[:a.n_nn_train]))
    ref = torch.cat([ref, ref.flip(-1)])           # the GAN trained with flips: a flipped copy counts as a copy
    held = _u8f(read_pngs(a.train/'image', names[a.holdout_start:a.holdout_start + a.n_nn]))
    gen = generate(g, a.n_nn, a.seed + 1)
    dg, ig = nn_dist(gen, ref); dr, _ = nn_dist(held, ref)
    nn = ref[ig[:8]]
    rows = torch.cat([gen[:8], nn])
    _say(f'wrote {save_image(image_grid(rows.clamp(-1, 1), ncol=8, pad=1), out/"stylegan2_nearest.png")} (top: 8 samples; bottom: nearest of training '
         f'images 0–{a.n_nn_train - 1} and their mirror images, L2 in pixels)')
    q = lambda d: f'mean {d.mean():.4f}  median {d.median():.4f}  min {d.min():.4f}  10% {d.quantile(.1):.4f}'
    _say(f'NN RMS distance (pixel units, images in [-1, 1]) to training images 0–{a.n_nn_train - 1} (+ mirrored), {a.n_nn} queries each:')
    _say(f'  generated (z seed {a.seed + 1}):              {q(dg)}')
    _say(f'  real, samples {a.holdout_start}–{a.holdout_start + len(held) - 1} (not in the NN set): {q(dr)}')
    _say(f'  ratio of medians generated/real = {dg.median() / dr.median():.3f}  (≪ 1 would mean copying)  [{time.time() - t0:.1f} s]')
    # (c) Fréchet distance on the shift-tolerant VGG features
    t0 = time.time()
    lp = perceptual_distance('stlpips')
    fr = real_features(lp, a.train, names[a.holdout_start:a.holdout_start + a.n_fd], a.cache)
    fr0 = real_features(lp, a.train, names[:a.n_fd], a.cache)
    _say(f'Fréchet distance on stlpips-VGG relu5_3 features (spatial mean, 512-d), N = {len(fr)} per set:')
    _say(f'  real {0}–{a.n_fd - 1} vs real {a.holdout_start}–{a.holdout_start + a.n_fd - 1} (floor at this N): {frechet(fr0, fr):.3f}')
    for label, spec in ((str(a.gan), str(a.gan)), *((f'{r} (reference)', r) for r in a.ref_ckpt or ())):
        gi = g if spec == str(a.gan) else _load_g(spec, like=g, seed=a.seed)
        fg = vgg_features(lp, generate(gi, a.n_fd, a.seed + 2))
        _say(f'  generated by {label}: {frechet(fg, fr):.3f}')
    _say(f'[Fréchet part {time.time() - t0:.1f} s; all {time.time() - t_all:.1f} s, {torch.get_num_threads()} thread(s)]')


# ---------------------------------------------------------------------------------------------- samples
def cmd_samples(a):
    root = a.data/'synface64'/'benchmark'
    names = _names(root)[:a.n]
    out = a.data/'samples'
    for nm in names:
        dst = out/f'synface64_{nm}'
        with open(root/'image'/nm, 'rb') as f: data = f.read()
        tmp = dst.with_name(f'.{dst.name}.tmp'); out.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data); tmp.replace(dst)
    _say(f'copied {len(names)} benchmark images to {out}: {", ".join(f"synface64_{n}" for n in names)}')


# ---------------------------------------------------------------------------------------------- view/light init
def cmd_vl_init(a):
    from gan2shape.config import load_preset
    from gan2shape.networks import make_networks, save_networks
    from gan2shape.reconstruct import load_mvn
    from gan2shape.steps import make_setup, predict_view, predict_light
    from gan2shape.train import train_view_light
    names = _names(a.train)
    tr, ho = names[:a.n_train], names[a.holdout_start:a.holdout_start + a.n_holdout]
    if set(tr) & set(ho): raise SystemExit('the training and held-out samples overlap; change --n-train / --holdout-start.')
    rows = {json.loads(l)['name']: json.loads(l) for l in (a.train/'meta.jsonl').read_text().splitlines() if l.strip()}
    lab = lambda ns, k: torch.tensor([rows[Path(n).stem][k] for n in ns])
    t0 = time.time()
    x, xh = read_pngs(a.train/'image', tr), read_pngs(a.train/'image', ho)
    _say(f'read {len(tr)} training and {len(ho)} held-out images in {time.time() - t0:.1f} s')
    cfg = load_preset('synface64-quick')
    torch.manual_seed(a.seed)
    nets = make_networks(64, style_dim=128, widths={'netV': a.nf, 'netL': a.nf})
    s = make_setup(nets, None, None, cfg, load_mvn(cfg.view_light.view_mvn, 6, 'view'), load_mvn(cfg.view_light.light_mvn, 4, 'light'))
    t0 = time.time()
    losses = train_view_light(s, x, lab(tr, 'view'), lab(tr, 'light'), iters=a.iters, batch=a.batch, lr=a.lr, seed=a.seed, progress=not a.quiet)
    wall = time.time() - t0
    path = save_networks({k: nets[k] for k in ('netV', 'netL')}, a.data/'synface64'/'init_vl.pt')
    with torch.no_grad():
        pv = torch.cat([predict_view(s, _u8f(xh[i:i + 250])) for i in range(0, len(xh), 250)])
        pl = torch.cat([predict_light(s, _u8f(xh[i:i + 250])) for i in range(0, len(xh), 250)])
    gv, gl = lab(ho, 'view'), lab(ho, 'light')
    gl = torch.cat([gl[:, :2] * 2 - 1, gl[:, 2:]], 1)
    k = max(1, len(losses) // 20)
    n_par = sum(p.numel() for n in ('netV', 'netL') for p in nets[n].parameters())
    _say(f'wrote {path} ({path.stat().st_size / 1e6:.2f} MB; netV and netL = Encoder(nf={a.nf}), {n_par:,} parameters)')
    _say(f'trained {a.iters} iterations, batch {a.batch}, lr {a.lr}, seed {a.seed} on samples 0–{a.n_train - 1} in {wall:.1f} s '
         f'({torch.get_num_threads()} thread(s)); loss first/last {k} its: {np.mean(losses[:k]):.5f} / {np.mean(losses[-k:]):.5f}')
    ang = (pv[:, :3] - gv[:, :3]).abs().rad2deg().mean(0)
    tr_err = (pv[:, 3:5] - gv[:, 3:5]).abs().mean(0)
    spread = gv[:, :3].std(0).rad2deg()
    _say(f'held-out samples {a.holdout_start}–{a.holdout_start + len(ho) - 1}: mean |error| pitch {ang[0]:.2f}°, yaw {ang[1]:.2f}°, '
         f'roll {ang[2]:.2f}° (label std {spread[0]:.2f}°, {spread[1]:.2f}°, {spread[2]:.2f}°); tx, ty {tr_err[0]:.4f}, {tr_err[1]:.4f} '
         f'(label std {gv[:, 3].std():.4f}); light raw (ambient, diffuse, dx, dy) {_fmt((pl - gl).abs().mean(0), 3)} '
         f'(label std {_fmt(gl.std(0), 3)})')


# ---------------------------------------------------------------------------------------------- label-free view/light start
def cmd_vl_selfsup(a):
    "Ours (session 32): V and L regressed on pseudo-samples of the prior of unlabelled images (`train_view_light_selfsup`)."
    from gan2shape.config import load_preset
    from gan2shape.networks import make_networks, save_networks
    from gan2shape.reconstruct import build_setup, load_mask_provider
    from gan2shape.steps import predict_view, predict_light
    from gan2shape.train import train_view_light_selfsup
    from gan2shape.metrics import slope_corr
    names = _names(a.train)
    if len(names) <= a.n_holdout: raise SystemExit(f'{a.train} holds {len(names)} images: more than --n-holdout {a.n_holdout} are needed.')
    tr, ho = names[:len(names) - a.n_holdout], names[len(names) - a.n_holdout:]   # the list's end is held out, for the figures only
    t0 = time.time()
    x, xh = read_pngs(a.train/'image', tr), read_pngs(a.train/'image', ho)
    cfg = load_preset('synface64')
    cfg = replace(cfg, run=replace(cfg.run, init_ckpt=None, seed=a.seed))
    masker = load_mask_provider(cfg)
    with torch.no_grad(): m = torch.cat([masker(_u8f(x[i:i + 256])).clamp(0, 1) for i in range(0, len(x), 256)]).half()
    _say(f'read {len(tr)} training images and their masks (shipped mask model), {len(ho)} held out, in {time.time() - t0:.1f} s')
    s = build_setup(cfg, 'cpu')
    torch.manual_seed(a.seed)
    nets = make_networks(64, s.gan.latent_dim, widths={'netV': a.nf, 'netL': a.nf})
    s = replace(s, nets=nets)
    t0 = time.time()
    losses = train_view_light_selfsup(s, x, m, iters=a.iters, batch=a.batch, lr=a.lr, seed=a.seed, progress=not a.quiet)
    wall = time.time() - t0
    path = save_networks({k: nets[k] for k in ('netV', 'netL')}, a.data/'synface64'/'vl_selfsup.pt', iteration=a.iters,
                         method='label-free V/L on prior pseudo-samples (train_view_light_selfsup)', args={k: str(v) for k, v in vars(a).items()})
    k = max(1, len(losses) // 20)
    _say(f'wrote {path} ({path.stat().st_size / 1e6:.2f} MB); {a.iters} iterations, batch {a.batch}, lr {a.lr}, seed {a.seed}, '
         f'{wall:.1f} s ({torch.get_num_threads()} thread(s)); loss first/last {k} its: {np.mean(losses[:k]):.5f} / {np.mean(losses[-k:]):.5f}')
    meta = a.train/'meta.jsonl'
    if not meta.exists(): _say('no meta.jsonl beside the images: the held-out figures need the labels; skipped'); return
    rows = {json.loads(l)['name']: json.loads(l) for l in meta.read_text().splitlines() if l.strip()}
    with torch.no_grad(): pv, pl = predict_view(s, _u8f(xh)), predict_light(s, _u8f(xh))
    gv = torch.tensor([rows[Path(n).stem]['view'] for n in ho]); gl = torch.tensor([rows[Path(n).stem]['light'] for n in ho])
    parts = [f'{nm} slope {sl:.2f} (corr {c:.2f})' for nm, (sl, c) in
             (('yaw', slope_corr(pv[:, 1], gv[:, 1])), ('pitch', slope_corr(pv[:, 0], gv[:, 0])), ('light dx', slope_corr(pl[:, 2], gl[:, 2])),
              ('light dy', slope_corr(pl[:, 3], gl[:, 3])))]
    _say(f'held-out images {len(tr)}–{len(names) - 1} (labels read only here, to measure): ' + ', '.join(parts))


# ---------------------------------------------------------------------------------------------- CLI
def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog='make_embedded', description=__doc__.split('\n')[0])
    p.add_argument('--data', type=Path, default=None, help='the data folder to write (default: gan2shape.core.data_dir())')
    p.add_argument('--train', type=Path, default=ROOT/'runs'/'synface64_train', help='the synth training set (gan2shape synth --seed 0)')
    p.add_argument('--quiet', action='store_true', help='no progress bars')
    sub = p.add_subparsers(dest='cmd', required=True)
    sub.add_parser('priors', help='view/light priors from the synth sampling ranges, checked against meta.jsonl')
    m = sub.add_parser('mask', help='train the embedded MaskNet')
    m.add_argument('--iters', type=int, default=700); m.add_argument('--batch', type=int, default=16)
    m.add_argument('--lr', type=float, default=2e-3); m.add_argument('--nf', type=int, default=16)
    m.add_argument('--seed', type=int, default=0)
    m.add_argument('--n-train', type=int, default=18000); m.add_argument('--holdout-start', type=int, default=18000)
    m.add_argument('--n-holdout', type=int, default=2000)
    b = sub.add_parser('benchmark', help='render the held-out benchmark set and invert it into W')
    b.add_argument('--gan', type=Path, default=None, help='StyleGAN2 checkpoint (without: render only)')
    b.add_argument('--n', type=int, default=32); b.add_argument('--steps', type=int, default=300)
    b.add_argument('--seed', type=int, default=1, help='synth seed of the benchmark (training used 0)')
    b.add_argument('--batch', type=int, default=32, help='images inverted together (each has its own w)')
    b.add_argument('--specular', action='store_true', help="GAN2X's specular domain (synth --specular), into data/synface64spec/benchmark")
    b.add_argument('--relief', type=float, default=None, help="scale of the faces' heights (SynthCfg.relief; default: the domain's own)")
    b.add_argument('--out', type=Path, default=None,
                   help='another folder for the set (e.g. the joint pre-training set: --seed 0 --n 200); default data/synface64/benchmark')
    q = sub.add_parser('gan-quality', help='sample grid, nearest neighbours, Fréchet distance')
    q.add_argument('--gan', type=Path, required=True)
    q.add_argument('--ref-ckpt', action='append', default=None,
                   help="a checkpoint for the 'before' figure, or 'init' (the untrained generator); may be repeated")
    q.add_argument('--seed', type=int, default=0)
    q.add_argument('--n-nn-train', type=int, default=5000); q.add_argument('--n-nn', type=int, default=500)
    q.add_argument('--n-fd', type=int, default=1000); q.add_argument('--holdout-start', type=int, default=19000)
    q.add_argument('--cache', type=Path, default=ROOT/'runs'/'embedded_cache', help="where the real images' features are cached ('none': no cache)")
    q.add_argument('--specular', action='store_true', help="write the pictures into data/synface64spec (give --train the specular training set)")
    v = sub.add_parser('vl-init', help='regress the view and light networks on the training labels (run.init_ckpt)')
    v.add_argument('--iters', type=int, default=1500); v.add_argument('--batch', type=int, default=64)
    v.add_argument('--lr', type=float, default=5e-4); v.add_argument('--nf', type=int, default=16)
    v.add_argument('--seed', type=int, default=0)
    v.add_argument('--n-train', type=int, default=18000); v.add_argument('--holdout-start', type=int, default=18000)
    v.add_argument('--n-holdout', type=int, default=2000)
    w = sub.add_parser('vl-selfsup', help='label-free view and light networks from pseudo-samples of the prior (ours; run.init_ckpt)')
    w.add_argument('--iters', type=int, default=4000); w.add_argument('--batch', type=int, default=64)
    w.add_argument('--lr', type=float, default=5e-4); w.add_argument('--nf', type=int, default=16)
    w.add_argument('--seed', type=int, default=0)
    w.add_argument('--n-holdout', type=int, default=256, help="the list's last N images: never trained on, scored against their labels")
    s = sub.add_parser('samples', help='copy benchmark images to data/samples')
    s.add_argument('--n', type=int, default=6)
    return p

def main(argv=None) -> int:
    a = parser().parse_args(argv)
    a.data = Path(a.data) if a.data is not None else data_dir()
    t0 = time.time()
    _say(f'make_embedded {a.cmd}: {" ".join(sys.argv[1:]) if argv is None else " ".join(map(str, argv))}')
    {'priors': cmd_priors, 'mask': cmd_mask, 'benchmark': cmd_benchmark, 'gan-quality': cmd_gan_quality,
     'samples': cmd_samples, 'vl-init': cmd_vl_init, 'vl-selfsup': cmd_vl_selfsup}[a.cmd](a)
    _say(f'[{a.cmd}: {time.time() - t0:.1f} s wall]')
    return 0

if __name__ == '__main__': sys.exit(main())
