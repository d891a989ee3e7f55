"""What a jointly pre-trained model knows, image by image, without any instance training.

For the first N images of a set (the shipped benchmark by default, or the pre-training set with --set train200):
the pre-trained networks' SIDE/MAD against ground truth beside the ellipsoid prior's; the relief scale that best
fits the truth (log gt − mean ≈ a·(log pred − mean); a < 1: too deep); and the view network's yaw and pitch
against the true views of meta.jsonl (never used in training: an unsupervised model must find them itself).

    OMP_NUM_THREADS=1 python bench/results/pretrain_diag.py CKPT [CKPT ...] [--n 16] [--set benchmark|train200]
"""
import argparse, json, math
from dataclasses import replace
from pathlib import Path
import torch
from gan2shape.core import data_dir
from gan2shape.config import load_preset
from gan2shape.reconstruct import build_setup, prepare_target, prior_score
from gan2shape.steps import decompose, predict_view
from gan2shape.render import warp_canon_depth
from gan2shape.metrics import eval_mask, relief_scale
from gan2shape.train import evaluate

ap = argparse.ArgumentParser(); ap.add_argument('ckpts', nargs='+'); ap.add_argument('--n', type=int, default=16)
ap.add_argument('--set', default='benchmark'); ap.add_argument('--threads', type=int, default=1)
a = ap.parse_args(); torch.set_num_threads(a.threads)
root = data_dir()/'synface64'/a.set
names = (root/'list.txt').read_text().split()[:a.n]
meta = {json.loads(l)['name']: json.loads(l) for l in (root/'meta.jsonl').read_text().splitlines()}
for ck in a.ckpts:
    cfg = load_preset('synface64'); cfg = replace(cfg, run=replace(cfg.run, init_ckpt=ck))
    s = build_setup(cfg, 'cpu')
    rows = []
    for n in names:
        st = Path(n).stem
        tgt, _ = prepare_target(s, root/'image'/n, root/'latents'/f'{st}.pt', depth_path=root/'depth'/n, gt_mask_path=root/'mask'/n, progress=False)
        with torch.no_grad():
            comp = decompose(s, tgt.image, tgt.mask); sc = evaluate(s, tgt, comp).summary()
            c = s.cfg.camera
            rd = warp_canon_depth(comp.depth, comp.view, s.K, c.min_depth, c.max_depth)
            scale = relief_scale(rd, tgt.depth_gt, eval_mask(tgt.gt_mask[:, 0], (rd < c.max_depth + 0.1).float()))[0].item()
        tv = torch.tensor(meta[st]['view'])
        rows.append({'image': st, **sc, **prior_score(s, tgt), 'relief_scale': scale,
                     'yaw_err': math.degrees(abs(comp.view[0, 1] - tv[1])), 'pitch_err': math.degrees(abs(comp.view[0, 0] - tv[0])),
                     'yaw_true': math.degrees(tv[1]), 'yaw_pred': math.degrees(comp.view[0, 1])})
    mean = lambda k: sum(r[k] for r in rows) / len(rows)
    yt = torch.tensor([r['yaw_true'] for r in rows]); yp = torch.tensor([r['yaw_pred'] for r in rows])
    slope = ((yp - yp.mean()) * (yt - yt.mean())).sum() / ((yt - yt.mean()) ** 2).sum()
    print(f"{ck} on {a.set} images 0–{len(rows) - 1}: model SIDE {mean('side_e2'):.3f} MAD {mean('mad_deg'):.2f}° | prior SIDE "
          f"{mean('prior_side_e2'):.3f} MAD {mean('prior_mad_deg'):.2f}° | relief scale {mean('relief_scale'):.2f} | "
          f"|yaw err| {mean('yaw_err'):.1f}° (true yaw std {yt.std():.1f}°, slope pred/true {slope:.2f}) |pitch err| {mean('pitch_err'):.1f}°")
    for r in rows: print(f"  {r['image']} SIDE {r['side_e2']:.2f} MAD {r['mad_deg']:.1f} (prior {r['prior_side_e2']:.2f} / {r['prior_mad_deg']:.1f}) "
                         f"scale {r['relief_scale']:.2f} yaw {r['yaw_true']:+.0f}→{r['yaw_pred']:+.0f}")
