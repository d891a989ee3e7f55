"""The depth placement study in the whole method (session 9): one benchmark image through `fit`, with
MEANFREE 1 (the original's depth: tanh of the mean-free raw output) or 0 (tanh of the raw output, no mean subtraction),
the prior moved back by SHIFT (0.05 centres the ellipsoid's head on the rotation centre, as the domain's faces are),
and step 3's pool from the GAN (`gan`) or from ground-truth renderings of the same face (`oracle`).

    OMP_NUM_THREADS=1 python bench/results/placement_pipeline.py MEANFREE SHIFT oracle|gan [PRESET] [STEM] [KEY=VALUE ...]
"""
import sys, json, time
from dataclasses import replace
import torch
import sys, torch
import gan2shape.steps as st, gan2shape.render as R
mf = sys.argv[1] == '1'
orig = R.process_depth
def pd(raw, min_depth=0.9, max_depth=1.1, border=True, border_depth=None):
    if mf: return orig(raw, min_depth, max_depth, border, border_depth)
    if raw.ndim == 4: raw = raw[:, 0]
    tau = torch.tanh(raw)
    d = (1 + tau) / 2 * max_depth + (1 - tau) / 2 * min_depth
    if not border: return d
    W = d.shape[-1]; col = torch.arange(W)
    bd = 0.7 * max_depth + 0.3 * min_depth if border_depth is None else border_depth
    return torch.where((col < 2) | (col >= W - 2), bd, d)
st.process_depth = pd
from pathlib import Path
from gan2shape.core import data_dir
from gan2shape.config import load_preset, apply_overrides
from gan2shape.reconstruct import build_setup, prepare_target
from oracle import oracle_source
from gan2shape.train import fit
shift, pool_kind = float(sys.argv[2]), sys.argv[3]
preset = sys.argv[4] if len(sys.argv) > 4 else 'synface64-quick'; stem = sys.argv[5] if len(sys.argv) > 5 else '000000'
root = data_dir()/'synface64'/'benchmark'
cfg = load_preset(preset)
cfg = replace(cfg, prior=replace(cfg.prior, near=cfg.prior.near + shift, far=cfg.prior.far + shift))
for kv in sys.argv[6:]: cfg = apply_overrides(cfg, [kv])
s = build_setup(cfg, 'cpu')
tgt, _ = prepare_target(s, root/f'image/{stem}.png', root/f'latents/{stem}.pt', depth_path=root/f'depth/{stem}.png', gt_mask_path=root/f'mask/{stem}.png', progress=False)
out = Path(f'runs/qo/{mf:d}_{shift}_{pool_kind}_{preset}_{stem}_' + '_'.join(sys.argv[6:]).replace('=', ''))
t0 = time.time()
fit(s, tgt, out, progress=False, pool_source=oracle_source(stem) if pool_kind == 'oracle' else None)
ev = [json.loads(l) for l in open(out/'metrics.jsonl') if '"eval"' in l]
print(out.name, f'{time.time()-t0:.0f}s', ' | '.join(f"{e['phase']}{e.get('stage')} {e['side_e2']:.3f}/{e['mad_deg']:.2f}" for e in ev if e['phase'] in ('prior', 'step3')), flush=True)
