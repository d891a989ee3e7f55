"""Step 2 by direct latent optimisation instead of the encoder E: does GAN2Shape then beat its prior? A study script.

Runs the `synface64` preset (or `--preset`) on benchmark images, with step 2 and its pool replaced by a `pool_source`
that renders the current shape's pseudo-samples exactly as step 2 does and projects each one by optimising its own
latent offset from the image's w (Adam, `--k-iters` steps, step 2's loss: masked L1 + discriminator features).
`--batches` batches of N_p samples make the pool. `--variant e` runs the unchanged preset (E) for comparison.

    OMP_NUM_THREADS=2 python bench/results/direct_projection.py [--images 0 1] [--variant direct|e] [--k-iters 150] [--batches 16]
"""
import argparse, json, tempfile, time
from dataclasses import replace
from pathlib import Path
import torch
from gan2shape.core import data_dir
from gan2shape.config import load_preset, apply_overrides
from gan2shape.reconstruct import build_setup, prepare_target
from gan2shape.steps import decompose, canonical_mask, pseudo_samples, Pool
from direct_fit import direct_fit
from gan2shape.train import fit

ap = argparse.ArgumentParser(); ap.add_argument('--images', type=int, nargs='+', default=[0])
ap.add_argument('--variant', choices=['direct', 'e'], default='direct'); ap.add_argument('--preset', default='synface64')
ap.add_argument('--k-iters', type=int, default=150); ap.add_argument('--batches', type=int, default=16)
ap.add_argument('--lr', type=float, default=0.02); ap.add_argument('--seed', type=int, default=0)
ap.add_argument('--set', action='append', default=[]); ap.add_argument('--out', default=None)
a = ap.parse_args()
root = data_dir()/'synface64'/'benchmark'

def direct_pool(s):
    def source(k, stg, g, tgt):
        with torch.no_grad():
            comp = decompose(s, tgt.image); cm = canonical_mask(s, comp, tgt.mask)
        ims, ms, vs, ls, ps = [], [], [], [], []
        for b in range(a.batches):
            x, m, v, l = pseudo_samples(s, comp, cm, stg.n_proj, g, with_params=True)
            ps.append(direct_fit(s, tgt.w, x, m, a.k_iters, a.lr)[0])
            ims.append(x); ms.append(m); vs.append(v); ls.append(l)
        return Pool(torch.cat(ps), torch.cat(ms), torch.cat(vs), torch.cat(ls))
    return source

rows = []
for k in a.images:
    cfg = load_preset(a.preset)
    cfg = apply_overrides(cfg, [f'run.seed={a.seed}'] + a.set)
    s = build_setup(cfg, 'cpu')
    for p in s.gan.parameters(): p.requires_grad_(False)
    st = f'{k:06d}'
    tgt, _ = prepare_target(s, root/f'image/{st}.png', root/f'latents/{st}.pt', depth_path=root/f'depth/{st}.png',
                            gt_mask_path=root/f'mask/{st}.png', progress=False)
    t0 = time.time()
    with tempfile.TemporaryDirectory() as d:
        out = Path(a.out)/st if a.out else Path(d)
        fit(s, tgt, out, progress=False, pool_source=direct_pool(s) if a.variant == 'direct' else None)
        ev = [json.loads(l) for l in open(out/'metrics.jsonl') if '"eval"' in l]
    pr, fin = ev[0], ev[-1]
    rows.append((pr['side_e2'], pr['mad_deg'], fin['side_e2'], fin['mad_deg']))
    print(f'{st} {a.variant} seed {a.seed} ({time.time() - t0:.0f} s): prior SIDE {pr["side_e2"]:.3f} MAD {pr["mad_deg"]:.2f} → '
          + ' → '.join(f'{e["side_e2"]:.3f}/{e["mad_deg"]:.2f}' for e in ev[1:]), flush=True)
m = [sum(r[i] for r in rows) / len(rows) for i in range(4)]
print(f'mean {a.variant} {a.preset} images {a.images} seed {a.seed}: prior {m[0]:.3f}/{m[1]:.2f}°, final {m[2]:.3f}/{m[3]:.2f}° '
      f'({100 * (m[2] / m[0] - 1):+.0f} % / {100 * (m[3] / m[1] - 1):+.0f} %)')
