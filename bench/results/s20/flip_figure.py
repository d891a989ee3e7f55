"""Session 20: one figure of what step 3's symmetry loss does to a turned face that starts from per-image training.

    python bench/results/s20/flip_figure.py RUN_FLIP RUN_NOFLIP STEM OUT.png

Each RUN is a `gan2shape reconstruct` folder. Row per run: ground-truth normals, the run's normals in the input view, its
angular error (black 0°, white 90°), its canonical depth (min-max stretched). Prints MAD and the relief slope
(regression of the run's centred depth on the true one over the head).
"""
import sys, numpy as np, torch
from PIL import Image
from gan2shape.metrics import normals_from_depth
from gan2shape.camera import intrinsics
from gan2shape.synth import read_depth_png
from gan2shape.core import data_dir

def panels(run, stem, K, gt, m):
    vd = torch.tensor(np.load(f'{run}/{stem}/view_depth.npy')).float().reshape(1, 64, 64)
    cd = torch.tensor(np.load(f'{run}/{stem}/depth.npy')).float().reshape(64, 64)
    n, ng = normals_from_depth(vd, K)[0], normals_from_depth(gt, K)[0]
    ang = torch.rad2deg(torch.acos((n * ng).sum(-1).clamp(-1, 1)))
    mm = m[0] & (vd[0] < 1.09)
    p, q = vd[0][mm], gt[0][mm]; p, q = p - p.mean(), q - q.mean()
    print(f'{run}: MAD {ang[mm].mean():.2f}°, relief slope {((p * q).sum() / (q * q).sum()):.2f}, correlation {((p * q).sum() / (p.norm() * q.norm())):.2f}')
    g = lambda x: x[..., None].expand(64, 64, 3)
    return [(ng + 1) / 2, (n + 1) / 2, g((ang / 90).clamp(0, 1) * mm), g((cd - cd.min()) / (cd.max() - cd.min()))]

if __name__ == '__main__':
    a, b, stem, out = sys.argv[1:5]
    B = data_dir()/'synface64'/'benchmark'
    K = intrinsics(64, 10.0)
    gt = read_depth_png(B/f'depth/{stem}.png')[None]
    m = torch.tensor(np.array(Image.open(B/f'mask/{stem}.png').convert('L')) > 127)[None]
    rows = [torch.cat(panels(r, stem, K, gt, m), 1) for r in (a, b)]
    x = (torch.cat(rows, 0).numpy() * 255).astype(np.uint8)
    Image.fromarray(x).resize((x.shape[1] * 3, x.shape[0] * 3), Image.NEAREST).save(out)
