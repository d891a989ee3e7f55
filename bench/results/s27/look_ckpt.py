"""Session 27: what a finished run's networks make of its image (issue 11).

    OMP_NUM_THREADS=1 python bench/results/s27/look_ckpt.py RUN_DIR [RUN_DIR ...] --out PNG

RUN_DIR is one image's folder of a shape_benchmark run (it holds checkpoint.pt with the resolved config). One row
per run: canonical depth (colour range 0.9–1.1), the depth seen from the predicted view, the ground truth, the
rendering and the input; the title gives the yaw and SIDE / MAD, and the text output the canonical depth's
range inside and outside the canonical mask.
"""
import math, argparse
from pathlib import Path
import torch, matplotlib; matplotlib.use('Agg'); import matplotlib.pyplot as plt
from gan2shape.core import data_dir
from gan2shape.config import Config
from gan2shape.reconstruct import build_setup, prepare_target
from gan2shape.steps import decompose, rerender, canonical_mask
import gan2shape.train as T

ap = argparse.ArgumentParser(); ap.add_argument('runs', nargs='+'); ap.add_argument('--out', required=True)
a = ap.parse_args()
root = data_dir()/'synface64'/'benchmark'
fig, ax = plt.subplots(len(a.runs), 5, figsize=(12.5, 2.6 * len(a.runs)), squeeze=False)
for r, run in enumerate(a.runs):
    ck = torch.load(Path(run)/'checkpoint.pt', weights_only=False)
    cfg = ck['config'] if isinstance(ck['config'], Config) else Config.from_dict(ck['config'])
    s = build_setup(cfg, 'cpu'); stem = Path(run).name
    tgt, _ = prepare_target(s, root/f'image/{stem}.png', root/f'latents/{stem}.pt', depth_path=root/f'depth/{stem}.png',
                            gt_mask_path=root/f'mask/{stem}.png', progress=False)
    for k, m in s.nets.items(): m.load_state_dict(ck['nets'][k])
    with torch.no_grad():
        comp = decompose(s, tgt.image); rec = rerender(s, comp.texture, comp.depth, comp.view)
        sc = T.evaluate(s, tgt, comp).summary(); cm = canonical_mask(s, comp, tgt.mask)[0, 0] > 0.5
    d = comp.depth[0]
    print(f'{run}: SIDE {sc["side_e2"]:.3f} MAD {sc["mad_deg"]:.2f} yaw {math.degrees(comp.view[0, 1]):.1f}; canonical depth inside '
          f'{d[cm].min():.3f}–{d[cm].max():.3f}, outside {d[~cm].min():.3f}–{d[~cm].max():.3f}')
    pics = [(d, f'canonical ({math.degrees(comp.view[0, 1]):.1f}°)'), (rec.depth[0], 'depth, input view'),
            (tgt.depth_gt[0], 'truth'), (rec.image[0], 'rendering'), (tgt.image[0], 'input')]
    for c, (x, t) in enumerate(pics):
        if x.ndim == 3: ax[r, c].imshow((x.permute(1, 2, 0).clamp(-1, 1) + 1) / 2)
        else: ax[r, c].imshow(x, vmin=0.9, vmax=1.1)
        ax[r, c].set_title(t if c else f'{stem} {Path(run).parent.name[-2:]}: {t}', fontsize=8); ax[r, c].axis('off')
    ax[r, 2].set_title(f'truth — SIDE {sc["side_e2"]:.2f} MAD {sc["mad_deg"]:.1f}', fontsize=8)
fig.tight_layout(); fig.savefig(a.out, dpi=80); print('wrote', a.out)
