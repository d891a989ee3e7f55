"""How much of the true view and light a checkpoint's V and L read on training-domain images (labels used only to measure).

    OMP_NUM_THREADS=1 python bench/results/s31/vprobe.py CKPT [--data runs/s31/train10k] [--n 256]

Prints the regression slope and correlation of predicted against true yaw, pitch and light dx (slope 1, corr 1: exact).
"""
import argparse, json
from dataclasses import replace
from pathlib import Path
import numpy as np, torch
from PIL import Image
from gan2shape.config import load_preset
from gan2shape.reconstruct import build_setup
from gan2shape.steps import predict_view, predict_light
ap = argparse.ArgumentParser(); ap.add_argument('ckpt'); ap.add_argument('--data', default='runs/s31/train10k'); ap.add_argument('--n', type=int, default=256)
a = ap.parse_args(); torch.set_num_threads(1)
cfg = load_preset('synface64'); s = build_setup(replace(cfg, run=replace(cfg.run, init_ckpt=a.ckpt)), 'cpu')
root = Path(a.data); names = (root/'list.txt').read_text().split()[-a.n:]   # the list's end: images a short run is least likely to have met
meta = {json.loads(l)['name']: json.loads(l) for l in (root/'meta.jsonl').read_text().splitlines()}
x = torch.from_numpy(np.stack([np.asarray(Image.open(root/'image'/n).convert('RGB')) for n in names])).permute(0, 3, 1, 2).float() / 127.5 - 1
with torch.no_grad(): v, l = predict_view(s, x), predict_light(s, x)
tv = torch.tensor([meta[Path(n).stem]['view'] for n in names]); tl = torch.tensor([meta[Path(n).stem]['light'] for n in names])
def fit(p, t):
    p, t = p - p.mean(), t - t.mean()
    return (p * t).sum() / (t * t).sum(), (p * t).sum() / (p.norm() * t.norm() + 1e-12)
for name, p, t in (('yaw', v[:, 1], tv[:, 1]), ('pitch', v[:, 0], tv[:, 0]), ('light dx', l[:, 2], tl[:, 2])):
    sl, c = fit(p, t); print(f"{name}: slope {sl:.2f} corr {c:.2f} (pred std {p.std():.3f}, true std {t.std():.3f})")
