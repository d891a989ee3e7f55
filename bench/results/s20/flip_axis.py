"""Session 20: where is the face in the canonical frame when step 3 starts, and how wrong is the mirror about the frame's centre?

    OMP_NUM_THREADS=1 python bench/results/s20/flip_axis.py STEM SEED [KEY=VALUE ...]

Runs the `synface64` preset's prior pre-training and 250 step-1 iterations (the half schedule's start) through `fit`, then
prints: the direct and mirrored L1 of the input (the flip term at step 3's first iteration), the horizontal centroid of the
canonical object mask in pixels from the centre column, the IoU of that mask with its mirror about the centre column and
about the best column, and that best column's offset.
"""
import sys, json
from dataclasses import replace
from pathlib import Path
import torch
from gan2shape.core import data_dir
from gan2shape.config import load_preset, apply_overrides, Stage
from gan2shape.reconstruct import build_setup, prepare_target
from gan2shape.steps import decompose, canonical_mask, step1
import gan2shape.train as T

stem, seed = sys.argv[1], int(sys.argv[2])
root = data_dir()/'synface64'/'benchmark'
cfg = load_preset('synface64')
cfg = replace(cfg, schedule=replace(cfg.schedule, stages=(Stage(iters=(250, 0, 0), n_proj=16, collect_iters=1),)))
cfg = apply_overrides(cfg, [f'run.seed={seed}'] + sys.argv[3:])
s = build_setup(cfg, 'cpu')
tgt, _ = prepare_target(s, root/f'image/{stem}.png', root/f'latents/{stem}.pt', depth_path=root/f'depth/{stem}.png',
                        gt_mask_path=root/f'mask/{stem}.png', progress=False)
T.fit(s, tgt, Path(f'runs/s20axis/{stem}_s{seed}'), progress=False)
with torch.no_grad():
    comp = decompose(s, tgt.image)
    cm = (canonical_mask(s, comp, tgt.mask)[0, 0] > 0.5).float()
    _, o = step1(s, tgt, flip=True)
    S = cm.shape[-1]; xs = torch.arange(S, dtype=cm.dtype) - (S - 1) / 2
    cx = ((cm.sum(0) * xs).sum() / cm.sum()).item()
    def iou_about(a2):   # mirror about column position a2/2 (half-pixel steps): x → a2 − x
        idx = (a2 - torch.arange(S)).long()
        ok = (idx >= 0) & (idx < S)
        mir = torch.zeros_like(cm); mir[:, ok] = cm[:, idx[ok]]
        return ((mir * cm).sum() / ((mir + cm) > 0).float().sum()).item()
    centre = iou_about(S - 1)
    best = max(range(S // 2, S + S // 2 - 1), key=iou_about)
    score = T._score_terms(T.evaluate(s, tgt))
print(json.dumps({'image': stem, 'seed': seed, 'l1': round(o.terms['l1'], 4), 'l1_flip': round(o.terms['l1_flip'], 4),
                  'mask_centroid_px': round(cx, 2), 'iou_centre': round(centre, 3), 'iou_best': round(iou_about(best), 3),
                  'best_axis_offset_px': (best - (S - 1)) / 2, 'side_e2': round(score['side_e2'], 3), 'mad_deg': round(score['mad_deg'], 2)}), flush=True)
