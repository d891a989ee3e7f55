import torch, json, time, sys
from dataclasses import replace
from pathlib import Path
from gan2shape.config import load_preset
from gan2shape.reconstruct import build_setup, prepare_target
from gan2shape.train import fit
from gan2shape.synth import SynthCfg, sample_face_params, sample_view_light, render_faces
from gan2shape.steps import Pool
from gan2shape.core import data_dir
root = data_dir()/'synface64'/'benchmark'
variant = sys.argv[1]
base = load_preset('synface64-quick')
gan = None
for i in range(3):
    cfg = replace(base, loss=replace(base.loss, lam_perc=0.0))
    s = build_setup(cfg, 'cpu', gan=gan); gan = s.gan
    stem = f'{i:06d}'
    tgt, _ = prepare_target(s, root/f'image/{stem}.png', root/f'latents/{stem}.pt', depth_path=root/f'depth/{stem}.png', gt_mask_path=root/f'mask/{stem}.png', progress=False)
    def oracle(k, stg, g, tgt=None, i=i):
        params = sample_face_params(torch.Generator().manual_seed(1 * 1_000_003 + i))
        n = stg.n_proj * stg.collect_iters
        v, l = sample_view_light(n, g, SynthCfg())
        b = render_faces([params] * n, v, l, SynthCfg())
        return Pool(b.image, torch.ones(n, 1, 64, 64))
    t = time.time()
    rec = fit(s, tgt, Path('/tmp/diag2')/variant/stem, progress=False, pool_source=oracle if variant.startswith('oracle') else None)
    sm = rec.score.summary()
    print(variant, stem, f"{time.time()-t:.0f}s SIDE {sm['side_e2']:.3f} MAD {sm['mad_deg']:.2f}", flush=True)
