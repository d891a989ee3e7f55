"""Session 25: pictures of a step-3 collapse from a cached start (step3_first.py's runs/s25/starts/*.pt).

    OMP_NUM_THREADS=1 python bench/results/s25/collapse_look.py CONFIG STEM SEED START.pt --warmup 10 --at 20,30,40,50 --out DIR

Saves, at each listed iteration, the canonical depth, the depth rendered in the input's view, the ground truth and the
rendered image beside the input (one PNG), and prints the depth's range inside and outside the canonical mask.
"""
import json, math, argparse
from pathlib import Path
import torch, matplotlib; matplotlib.use('Agg'); import matplotlib.pyplot as plt
from gan2shape.core import data_dir, adam
from gan2shape.config import load_preset, load_config, apply_overrides
from gan2shape.reconstruct import build_setup, prepare_target
from gan2shape.steps import decompose, step3, rerender, canonical_mask
import gan2shape.train as T
ap = argparse.ArgumentParser()
ap.add_argument('config'); ap.add_argument('stem'); ap.add_argument('seed', type=int); ap.add_argument('start')
ap.add_argument('--warmup', type=int, default=10); ap.add_argument('--bg', type=float, default=0.); ap.add_argument('--at', default='20,30,40,50'); ap.add_argument('--out', default='runs/s25/look')
a = ap.parse_args()
root = data_dir()/'synface64'/'benchmark'
cfg = apply_overrides(load_preset(a.config), [f'run.seed={a.seed}'] + ([f'loss.lam_bg={a.bg}'] if a.bg else []))
s = build_setup(cfg, 'cpu')
tgt, _ = prepare_target(s, root/f'image/{a.stem}.png', root/f'latents/{a.stem}.pt', depth_path=root/f'depth/{a.stem}.png',
                        gt_mask_path=root/f'mask/{a.stem}.png', progress=False)
st = torch.load(a.start, weights_only=False)
for k, m in s.nets.items(): m.load_state_dict(st['nets'][k])
pool, st0 = st['pool'], cfg.schedule.stage_list()[0]
with torch.no_grad(): bg = 1 - canonical_mask(s, decompose(s, tgt.image), tgt.mask)
params = [p for k in ('netD', 'netA', 'netV', 'netL') for p in s.nets[k].parameters()]
o = cfg.optim; opt = adam(params, lr=o.lr, betas=tuple(o.betas), weight_decay=o.weight_decay)
g = torch.Generator().manual_seed(1234)
at = [int(x) for x in a.at.split(',')]
rows = []
for i in range(max(at)):
    for pg in opt.param_groups: pg['lr'] = T.warmup_lr(o.lr, a.warmup, i)
    loss, out3 = step3(s, tgt, *pool.batch(st0.n_proj, g), flip=st0.flip3, **({'bg': bg} if a.bg else {}))
    opt.zero_grad(set_to_none=True); loss.backward(); opt.step()
    if i + 1 in at:
        with torch.no_grad():
            comp = decompose(s, tgt.image); sc = T.evaluate(s, tgt, comp).summary()
            rec = rerender(s, comp.texture, comp.depth, comp.view); cm = canonical_mask(s, comp, tgt.mask)[0, 0] > 0.5
            d = comp.depth[0]
            info = {'iter': i + 1, 'side_e2': round(sc['side_e2'], 3), 'mad': round(sc['mad_deg'], 2),
                    'yaw': round(math.degrees(comp.view[0, 1].item()), 1), 'light': [round(x, 2) for x in comp.light_raw[0].tolist()],
                    'in_mask': [round(d[cm].min().item(), 4), round(d[cm].max().item(), 4)],
                    'outside': [round(d[~cm].min().item(), 4), round(d[~cm].max().item(), 4)], **{k: round(v, 4) for k, v in out3.terms.items() if 'l1' in k or k == 'bg'}, 'bg_start_cols': (bg[0, 0] > 0.5).float().mean(0)[:12].tolist()}
            print(json.dumps(info), flush=True)
            rows.append((info, d.clone(), rec.depth[0].clone(), rec.image[0].clone()))
fig, ax = plt.subplots(len(rows), 5, figsize=(12, 2.4 * len(rows)))
for r, (info, d, rd, im) in enumerate(rows):
    for c, (x, t) in enumerate([(d, 'canonical depth'), (rd, 'depth, input view'), (tgt.depth_gt[0], 'truth'),
                                 (im.permute(1, 2, 0) / 2 + .5, 'rendering'), (tgt.image[0].permute(1, 2, 0) / 2 + .5, 'input')]):
        ax[r, c].imshow(x.clamp(0, 1) if x.dim() == 3 else x, cmap=None if x.dim() == 3 else 'viridis'); ax[r, c].axis('off')
        ax[r, c].set_title(f"{t} (it {info['iter']}, {info['mad']}°)" if c == 0 else t, fontsize=8)
Path(a.out).mkdir(parents=True, exist_ok=True)
fig.savefig(Path(a.out)/f'{a.stem}_s{a.seed}_w{a.warmup}_bg{a.bg:g}.png', dpi=80, bbox_inches='tight')
