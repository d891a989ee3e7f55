"""Session 21: what the GAN does to true renderings of a benchmark face (the `oracleG` pool of `oracle_gan.py`).

    OMP_NUM_THREADS=1 [GAN2SHAPE_DATA=runs/dataIT] python bench/results/s21/pool_figure.py [STEM] [--n 8] [--fit-iters 300] [--tag _IT]

With GAN2SHAPE_DATA, the GAN and the image's latent are that data folder's (a candidate GAN with its own inversions).

Writes bench/results/s21/pool_STEM[TAG].png: row 1 ground-truth renderings of the face under views and lights drawn like the
domain's; row 2 their direct fits through the shipped GAN, G(w + δ) from the image's own latent (step 2's loss);
row 3 the absolute difference on the head (×2, white = 1). Prints the masked L1 of each fit.
"""
import sys, argparse
from pathlib import Path
import torch
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from direct_fit import direct_fit
from gan2shape.core import data_dir, save_image
from gan2shape.config import load_preset
from gan2shape.reconstruct import build_setup, prepare_target
from gan2shape.study import oracle_pool
from gan2shape.export import image_grid

ap = argparse.ArgumentParser(); ap.add_argument('stem', nargs='?', default='000000')
ap.add_argument('--n', type=int, default=8); ap.add_argument('--tag', default=''); ap.add_argument('--fit-iters', type=int, default=300)
ap.add_argument('--wplus', action='store_true', help='one offset per style layer (W+, session 22)')
a = ap.parse_args()
root = data_dir()/'synface64'/'benchmark'
s = build_setup(load_preset('synface64'), 'cpu')
tgt, _ = prepare_target(s, root/f'image/{a.stem}.png', root/f'latents/{a.stem}.pt', progress=False)
for q in s.gan.parameters(): q.requires_grad_(False)
p = oracle_pool(a.stem, a.n, torch.Generator().manual_seed(0))
fit, _ = direct_fit(s, tgt.w, p.images, p.masks, a.fit_iters, wplus=a.wplus)
m = p.masks
err = ((fit - p.images).abs() * m).sum((1, 2, 3)) / (3 * m.sum((1, 2, 3)))
diff = ((fit - p.images).abs().mean(1, keepdim=True) * m * 2).clamp(0, 1).expand(-1, 3, -1, -1) * 2 - 1
out = Path(__file__).resolve().parent/f'pool_{a.stem}{a.tag}.png'
save_image(image_grid(torch.nn.functional.interpolate(torch.cat([p.images, fit.clamp(-1, 1), diff]), scale_factor=2, mode="nearest"), a.n, pad=2), out)
print('masked L1 per fit:', ' '.join(f'{e:.3f}' for e in err.tolist()), f'mean {err.mean():.3f}')
print('wrote', out)
