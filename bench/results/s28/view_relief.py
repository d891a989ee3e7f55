"""Session 28: what each image's final networks (a shape_benchmark run folder's IMAGE/checkpoint.pt) make of it.

Per image: the final SIDE (x10^-2) / MAD, the relief scale a that best fits the truth (log gt - mean = a (log pred - mean)
on the head; a < 1: the recovered relief is too deep), and V's yaw and pitch against the true view of meta.jsonl
(never used in training). Per run folder: mean relief scale, mean |yaw error| and the slope of predicted on true yaw.

    OMP_NUM_THREADS=1 [INIT=null] python bench/results/s28/view_relief.py RUN/quick_ellipsoid_sS ...

INIT gives the run's run.init_ckpt (the networks' widths come from it; default the presets' init_vl.pt).
"""
import os, sys, json, math, torch
from pathlib import Path
from gan2shape.config import resolve_config
from gan2shape.core import data_dir
from gan2shape.reconstruct import build_setup, prepare_target
from gan2shape.steps import decompose
from gan2shape.render import warp_canon_depth
from gan2shape.metrics import eval_mask, relief_scale
from gan2shape.train import evaluate
torch.set_num_threads(1)
root = data_dir()/'synface64'/'benchmark'
meta = {json.loads(l)['name']: json.loads(l) for l in (root/'meta.jsonl').read_text().splitlines()}
cfg = resolve_config('synface64-quick', overrides=[f"run.init_ckpt={os.environ.get('INIT','data:synface64/init_vl.pt')}"])
s = build_setup(cfg, 'cpu')
for run in sys.argv[1:]:
    rows = []
    for ck in sorted(Path(run).glob('*/checkpoint.pt')):
        st = ck.parent.name
        c = torch.load(ck, weights_only=False)
        for k, v in c['nets'].items(): s.nets[k].load_state_dict(v)
        tgt, _ = prepare_target(s, root/'image'/f'{st}.png', root/'latents'/f'{st}.pt', depth_path=root/'depth'/f'{st}.png', gt_mask_path=root/'mask'/f'{st}.png', progress=False)
        with torch.no_grad():
            comp = decompose(s, tgt.image, tgt.mask); sc = evaluate(s, tgt, comp).summary()
            cc = s.cfg.camera
            rd = warp_canon_depth(comp.depth, comp.view, s.K, cc.min_depth, cc.max_depth)
            scale = relief_scale(rd, tgt.depth_gt, eval_mask(tgt.gt_mask[:, 0], (rd < cc.max_depth + 0.1).float()))[0].item()
        tv = meta[st]['view']
        rows.append((st, sc['side_e2'], sc['mad_deg'], scale, math.degrees(tv[1]), math.degrees(comp.view[0, 1]), math.degrees(tv[0]), math.degrees(comp.view[0, 0])))
        print(f"{run} {st}: SIDE {rows[-1][1]:.3f} MAD {rows[-1][2]:.2f} relief scale {scale:.2f} yaw {rows[-1][4]:+.1f} -> {rows[-1][5]:+.1f} pitch {rows[-1][6]:+.1f} -> {rows[-1][7]:+.1f}", flush=True)
    yt = torch.tensor([r[4] for r in rows]); yp = torch.tensor([r[5] for r in rows])
    slope = ((yp - yp.mean()) * (yt - yt.mean())).sum() / ((yt - yt.mean()) ** 2).sum()
    print(f"{run}: mean relief scale {sum(r[3] for r in rows)/len(rows):.2f}, |yaw err| {sum(abs(r[4]-r[5]) for r in rows)/len(rows):.1f}°, yaw slope pred/true {slope:.2f}", flush=True)
