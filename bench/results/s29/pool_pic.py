"""Pictures of a model's pseudo-samples (top, sorted by sampled yaw) and their projections through its E and G (bottom),
as step 2 makes them for step 3's pool; the input first.   python bench/results/s29/pool_pic.py CKPT IMAGE OUT.png"""
import sys, torch
from dataclasses import replace
from pathlib import Path
from gan2shape.core import data_dir
from gan2shape.config import load_preset
from gan2shape.reconstruct import build_setup, prepare_target
from gan2shape.steps import decompose, canonical_mask, pseudo_samples, gan_project
import matplotlib; matplotlib.use('Agg'); import matplotlib.pyplot as plt
torch.set_num_threads(1)
ck, img, out = sys.argv[1], sys.argv[2], sys.argv[3]
root = data_dir()/'synface64'/'benchmark'
cfg = load_preset('synface64'); s = build_setup(replace(cfg, run=replace(cfg.run, init_ckpt=ck)), 'cpu')
tgt, _ = prepare_target(s, root/'image'/f'{img}.png', root/'latents'/f'{img}.pt', progress=False)
g = torch.Generator().manual_seed(0)
with torch.no_grad():
    comp = decompose(s, tgt.image, tgt.mask); cm = canonical_mask(s, comp, tgt.mask)
    ims, ms, vs, ls = pseudo_samples(s, comp, cm, 8, g, with_params=True)
    order = vs[:, 1].argsort(); ims, vs = ims[order], vs[order]
    proj = gan_project(s, ims, tgt)[0]
f, ax = plt.subplots(2, 9, figsize=(18, 4.4))
sh = lambda a, x: (a.imshow(((x.permute(1, 2, 0) + 1) / 2).clamp(0, 1).numpy()), a.axis('off'))
sh(ax[0, 0], tgt.image[0]); ax[0, 0].set_title('input'); ax[1, 0].axis('off')
for i in range(8):
    sh(ax[0, i + 1], ims[i]); ax[0, i + 1].set_title(f'render yaw {torch.rad2deg(vs[i, 1]):+.0f}')
    sh(ax[1, i + 1], proj[i]); ax[1, i + 1].set_title('projection')
plt.tight_layout(); plt.savefig(out, dpi=60)
