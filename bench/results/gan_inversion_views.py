"""Does the GAN show the view of the faces it inverts? A measuring instrument, not a method (session 12).

Reads the yaw of each benchmark image and of its inversion G(w) (the shipped latents) with the supervised
`init_vl.pt` (an instrument only) and prints the regression slopes on the true yaw (data/synface64/*/meta.jsonl).
A slope on G(w) close to the one on the images means the GAN's W space holds the views *across* identities, and the
instrument reads GAN images as it reads renderings; compare with `gan_view_capacity.py`, which asks whether a latent
offset *from one face's w* can turn that face.

    OMP_NUM_THREADS=1 python bench/results/gan_inversion_views.py [benchmark|train200] [N]
"""
import json, torch, sys
from dataclasses import replace
from gan2shape.core import data_dir
from gan2shape.config import load_preset
from gan2shape.networks import init_networks
from gan2shape.reconstruct import build_setup, prepare_target
from gan2shape.steps import predict_view, resize_square
torch.set_num_threads(1)
split = sys.argv[1] if len(sys.argv) > 1 else 'benchmark'; n = int(sys.argv[2]) if len(sys.argv) > 2 else 32
root = data_dir()/'synface64'/split
cfg = load_preset('synface64')
s = build_setup(cfg, 'cpu')
inst, _ = init_networks(64, s.gan.latent_dim, data_dir()/'synface64'/'init_vl.pt')
si = replace(s, nets=inst)
meta = {json.loads(l)['name']: json.loads(l) for l in open(root/'meta.jsonl')}
names = [l.strip()[:-4] for l in open(root/'list.txt')][:n]
yt, yi, yg, l1 = [], [], [], []
with torch.no_grad():
    for st in names:
        tgt, _ = prepare_target(s, root/f'image/{st}.png', root/f'latents/{st}.pt', progress=False)
        gi = resize_square(s.gan(tgt.w), 64)
        yt.append(meta[st]['view'][1]); yi.append(predict_view(si, tgt.image)[0, 1].item()); yg.append(predict_view(si, gi)[0, 1].item())
        l1.append((gi - tgt.image).abs().mean().item())
yt, yi, yg = map(torch.tensor, (yt, yi, yg))
def slope(x, y): x, y = x - x.mean(), y - y.mean(); return ((x * y).sum() / (x * x).sum()).item()
print(f'{split} n={len(names)}: true yaw std {yt.std()*60:.1f} deg; instrument on images: slope {slope(yt, yi):.2f}; on G(w): slope {slope(yt, yg):.2f}; G(w) vs image slope {slope(yi, yg):.2f}; L1 {sum(l1)/len(l1):.3f}')
for k in range(min(6, len(names))): print(names[k], f'true {yt[k]*60:+.1f} img {yi[k]*60:+.1f} G(w) {yg[k]*60:+.1f}')
