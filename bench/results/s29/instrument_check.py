"""Can the reference networks (`init_vl.pt`'s V and L, the instrument of pool_views.py) read GAN images? On the first N
benchmark images: their yaw and light dx read on the image and on G(w) of its shipped latent, against the truth."""
import json, sys
from dataclasses import replace
from pathlib import Path
import torch
from gan2shape.core import data_dir
from gan2shape.config import load_preset
from gan2shape.reconstruct import build_setup, prepare_target
from gan2shape.steps import predict_view, predict_light
torch.set_num_threads(1)
n = int(sys.argv[1]) if len(sys.argv) > 1 else 16
root = data_dir()/'synface64'/'benchmark'
meta = {json.loads(l)['name']: json.loads(l) for l in (root/'meta.jsonl').read_text().splitlines()}
cfg = load_preset('synface64'); ref = build_setup(replace(cfg, run=replace(cfg.run, init_ckpt='data:synface64/init_vl.pt')), 'cpu')
rows = []
for name in (root/'list.txt').read_text().split()[:n]:
    st = Path(name).stem
    tgt, _ = prepare_target(ref, root/'image'/name, root/'latents'/f'{st}.pt', progress=False)
    with torch.no_grad():
        x = torch.cat([tgt.image, tgt.gan_image])
        rows.append((meta[st]['view'][1], *torch.rad2deg(predict_view(ref, x)[:, 1]).tolist(), meta[st]['light'][2], *predict_light(ref, x)[:, 2].tolist()))
t = torch.tensor(rows)
def slope(y, x): x, y = x - x.mean(), y - y.mean(); return ((x * y).sum() / (x * x).sum()).item()
def corr(y, x): x, y = x - x.mean(), y - y.mean(); return ((x * y).sum() / (x.norm() * y.norm())).item()
yt = torch.rad2deg(t[:, 0])
print(f"{n} benchmark images, true yaw std {yt.std():.1f}°, true light dx std {t[:, 3].std():.2f}")
print(f"  yaw: on the images slope {slope(t[:, 1], yt):.2f} corr {corr(t[:, 1], yt):.2f}; on G(w) slope {slope(t[:, 2], yt):.2f} corr {corr(t[:, 2], yt):.2f}")
print(f"  light dx: on the images slope {slope(t[:, 4], t[:, 3]):.2f} corr {corr(t[:, 4], t[:, 3]):.2f}; on G(w) slope {slope(t[:, 5], t[:, 3]):.2f} corr {corr(t[:, 5], t[:, 3]):.2f}")
