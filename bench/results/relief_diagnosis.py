"""Why does SIDE rise while MAD falls? Four checks; 1-3 on finished `long_schedule.py` runs of benchmark image 000000.

0. The priors themselves (first three benchmark images, drawn on the image): the same relief statistics as 1.

1. Relief: the recovered depth in the input view against the ground truth over the scoring mask: the spread of
   the centred log depths, their correlation, the relief scale `a` that best fits the ground truth
   (log gt - mean ≈ a · (log pred - mean)) and the SIDE that scale would give.
2. Views: the view network's angles on 32 ground-truth renderings of the same face (known views): the slope of
   predicted on true angles (1 = right, < 1 = rotations shrunk).
3. Objective: step 3's photometric loss on those renderings for the ground-truth solution (true depth, albedo,
   views and lights) and for relief-scaled versions of it, over the whole image and over the head only. The
   synthetic domain draws an unlit background; the model shades every pixel.

    OMP_NUM_THREADS=1 python bench/results/relief_diagnosis.py runs/long_schedule/RUN [RUN ...]
"""
import json, math, sys
from pathlib import Path
import torch
from gan2shape.core import data_dir
from gan2shape.config import load_preset
from gan2shape.reconstruct import build_setup, prepare_target
from gan2shape.steps import decompose, shade, rerender, predict_view, predict_light
from gan2shape.losses import photometric
from gan2shape.render import warp_canon_depth, normals_from_depth
from gan2shape.metrics import eval_mask, mad, erode
from gan2shape.synth import SynthCfg, sample_face_params, sample_view_light, render_faces
from gan2shape.priors import make_prior
torch.set_num_threads(1)
stem, n = '000000', 32
root = data_dir()/'synface64'/'benchmark'
s = build_setup(load_preset('synface64-quick'), 'cpu')
tgt, _ = prepare_target(s, root/f'image/{stem}.png', root/f'latents/{stem}.pt', depth_path=root/f'depth/{stem}.png',
                        gt_mask_path=root/f'mask/{stem}.png', progress=False)
def relief(pred, gt, m):
    "Spread of the centred log depths, their correlation, the best relief scale and the SIDE at that scale."
    lp, lg = pred.log()[m], gt.log()[m]
    lp, lg = lp - lp.mean(), lg - lg.mean()
    a = (lp * lg).sum() / (lp * lp).sum()
    return (f'SIDE {(lp - lg).pow(2).mean().sqrt() * 100:.3f}; relief spread pred {lp.std() * 100:.3f} gt {lg.std() * 100:.3f}; '
            f'correlation {(lp * lg).sum() / (lp.norm() * lg.norm()):.3f}; best scale {a:.3f} -> SIDE {(lg - a * lp).pow(2).mean().sqrt() * 100:.3f}')

print('0. the priors (near 0.91, far 1.02) against the ground truth:')
p = s.cfg.prior
for st in ('000000', '000001', '000002'):
    t, _ = prepare_target(s, root/f'image/{st}.png', root/f'latents/{st}.pt', depth_path=root/f'depth/{st}.png',
                          gt_mask_path=root/f'mask/{st}.png', progress=False)
    for name in ('ellipsoid', 'smoothed_box', 'confidence'):
        pd = make_prior(name, t.mask, p.near, p.far, radius=p.radius, threshold=p.threshold, kernel=p.kernel, passes=p.passes, category=s.cfg.category)
        print(f'   {st} {name}: ' + relief(pd, t.depth_gt, eval_mask(t.gt_mask[:, 0], None) > 0))
seed = json.loads((root/'synth_config.json').read_text())['seed']
params = sample_face_params(torch.Generator().manual_seed(seed * 1_000_003 + int(stem)))
views, lights = sample_view_light(n, torch.Generator().manual_seed(5), SynthCfg())
b = render_faces([params] * n, views, lights, SynthCfg())
light_raw = torch.cat([lights[:, :2] * 2 - 1, lights[:, 2:]], 1)   # the light network's units
head = erode(b.mask, 2)[:, None]
bg = SynthCfg().bg_depth

def objective(depth, albedo, view, lraw):
    "Step 3's photometric term on the renderings: (whole image, head only)."
    rep = lambda x: x[:1].expand(n, *x.shape[1:])
    r = rerender(s, shade(s, rep(depth), rep(albedo), view, lraw).texture, rep(depth), view)
    return photometric(r.image, b.image, r.valid).item(), photometric(r.image, b.image, r.valid * head).item()

print('3. objective on 32 true renderings of face 000000 (L1 whole image / head only):')
for k in (1.0, 0.5, 1.5, 2.0):
    d = (bg - k * (bg - b.canon_depth[:1])).clamp(0.9, 1.1)
    w, h = objective(d, b.albedo[:1], views, light_raw)
    print(f'   true solution, relief x{k}: {w:.4f} / {h:.4f}')

for run in map(Path, sys.argv[1:]):
    st = torch.load(run/'checkpoint.pt', map_location='cpu', weights_only=False)
    for k, m in s.nets.items(): m.load_state_dict(st['nets'][k])
    with torch.no_grad():
        c = decompose(s, tgt.image)
        cam = s.cfg.camera
        rd = warp_canon_depth(c.depth[:1], c.view[:1], s.K, cam.min_depth, cam.max_depth)
        valid = (rd < cam.max_depth + (cam.max_depth - cam.min_depth) / 2).float()
        m = eval_mask(tgt.gt_mask[:, 0], valid) > 0
        M = mad(normals_from_depth(rd, s.K), normals_from_depth(tgt.depth_gt, s.K), m.float()).item()
        print(f'{run.name}:\n 1. MAD {M:.2f}; ' + relief(rd, tgt.depth_gt, m))
        pv = predict_view(s, b.image)
        slopes = [((pv[:, j] * views[:, j]).sum() / views[:, j].pow(2).sum()).item() for j in range(3)]
        rms = [math.degrees((pv[:, j] - views[:, j]).pow(2).mean().sqrt().item()) for j in range(3)]
        print(' 2. view slope pitch/yaw/roll ' + ' / '.join(f'{x:.2f}' for x in slopes) + '; rms error ' + ' / '.join(f'{x:.1f}°' for x in rms))
        w, h = objective(c.depth, c.albedo, pv, predict_light(s, b.image))
        print(f' 3. objective of the learnt solution: {w:.4f} / {h:.4f}')
