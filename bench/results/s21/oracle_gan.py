"""Session 21: can this GAN carry the true shape at all? Step 3 from three pools of the same size (issue 11).

    OMP_NUM_THREADS=1 python bench/results/s21/oracle_gan.py ARM STEM SEED [--collect 10] [--fit-iters 300] [KEY=VALUE ...]

Arms, each the `synface64` preset with one stage [500, 500, 200], N_p 16, flip3, and a pool of n_proj × collect images:
- `oracle`:  the pool is ground-truth renderings of the face under views and lights drawn like the domain's
             (`study.oracle_source`), with their true masks: what step 3 does with perfect projections.
- `oracleG`: the same renderings, each replaced by its *direct fit* through the GAN, G(w + δ) with δ fitted by step 2's
             loss from the image's own latent w (`bench/results/direct_fit.py`), true masks kept: the best that
             this GAN's latent space can hand step 3 when the target of the projection is right.
- `oracleGplus` (session 22): as `oracleG` with one offset per style layer (W+) instead of one for all layers.
- `gan`:     the method (step 2's encoder projects pseudo-samples rendered from the current shape).
If `oracleG` scores like `oracle`, the GAN can carry the shape and the failure is in what step 2 asks it (the
pseudo-samples); if it scores like `gan` or the prior, the GAN's latent space itself loses it.
Prints one json line with the prior's and the result's SIDE ×10⁻² / MAD° and the pool's fit error.
"""
import sys, json, time, argparse
from pathlib import Path
import torch
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from direct_fit import direct_fit
from gan2shape.core import data_dir
from gan2shape.config import load_preset, apply_overrides
from gan2shape.reconstruct import build_setup, prepare_target, prior_score
from gan2shape.study import oracle_source
from gan2shape.steps import Pool
import gan2shape.train as T

ap = argparse.ArgumentParser()
ap.add_argument('arm', choices=['oracle', 'oracleG', 'oracleGplus', 'gan']); ap.add_argument('stem'); ap.add_argument('seed', type=int)
ap.add_argument('--collect', type=int, default=10); ap.add_argument('--fit-iters', type=int, default=300)
ap.add_argument('--out', default='runs/s21/og'); ap.add_argument('sets', nargs='*')
a = ap.parse_args()
root = data_dir()/'synface64'/'benchmark'
cfg = apply_overrides(load_preset('synface64'), [f'run.seed={a.seed}', 'run.keep_checkpoint=true',
      f'schedule.stages=[{{iters: [500, 500, 200], n_proj: 16, flip3: true, collect_iters: {a.collect}}}]'] + a.sets)
s = build_setup(cfg, 'cpu')
tgt, _ = prepare_target(s, root/f'image/{a.stem}.png', root/f'latents/{a.stem}.pt', depth_path=root/f'depth/{a.stem}.png',
                        gt_mask_path=root/f'mask/{a.stem}.png', progress=False)
fit_err = {}
src = None
if a.arm != 'gan':
    orc = oracle_source(a.stem)
    def src(k, stg, g, t=None):
        p = orc(k, stg, g, t)
        if a.arm == 'oracle': return p
        for q in s.gan.parameters(): q.requires_grad_(False)
        t0 = time.time()
        with torch.enable_grad(): x, _ = direct_fit(s, tgt.w, p.images, p.masks, a.fit_iters, wplus=a.arm == 'oracleGplus')
        m = p.masks
        fit_err.update(l1=round(((x - p.images).abs() * m).sum().item() / (3 * m.sum().item()), 4), fit_s=round(time.time() - t0))
        return Pool(x.detach(), m)
out = Path(a.out)/f'{a.arm}_{a.stem}_s{a.seed}'
t0 = time.time()
rec = T.fit(s, tgt, out, progress=False, pool_source=src)
sc = rec.score.summary()
prior = [json.loads(l) for l in open(out/'metrics.jsonl') if '"phase": "prior"' in l and '"eval": true' in l][-1]
ps = prior_score(s, tgt)
print(json.dumps({'arm': a.arm, 'image': a.stem, 'seed': a.seed, 'collect': a.collect, 'sets': a.sets,
                  'prior': [round(ps['prior_side_e2'], 3), round(ps['prior_mad_deg'], 2)],
                  'prior_fitted': [round(prior['side_e2'], 3), round(prior['mad_deg'], 2)],
                  'result': [round(sc['side_e2'], 3), round(sc['mad_deg'], 2)], **fit_err, 'seconds': round(time.time() - t0)}), flush=True)
