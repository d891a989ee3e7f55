"""How large are step 2's latent offsets? E's relative output E(x) − E(x0) on 16 pseudo-samples of image 000000 and the
offset it makes after F1D mapping modules, beside the spread of the GAN's w around the mapping's centre.

    OMP_NUM_THREADS=1 python bench/results/s30/enc_probe.py CKPT [F1D]
"""
import sys, torch
from dataclasses import replace
from pathlib import Path
from gan2shape.core import data_dir
from gan2shape.config import load_preset, apply_overrides
from gan2shape.reconstruct import build_setup, prepare_target
from gan2shape.steps import decompose, canonical_mask, pseudo_samples
torch.set_num_threads(1)
ck = sys.argv[1]; f1d = int(sys.argv[2]) if len(sys.argv) > 2 else 8
root = data_dir()/'synface64'/'benchmark'
cfg = apply_overrides(load_preset('synface64'), [f'gan.F1_d={f1d}'])
s = build_setup(replace(cfg, run=replace(cfg.run, init_ckpt=ck)), 'cpu')
tgt, _ = prepare_target(s, root/'image'/'000000.png', root/'latents'/'000000.pt', progress=False)
g = torch.Generator().manual_seed(0)
with torch.no_grad():
    comp = decompose(s, tgt.image, tgt.mask); cm = canonical_mask(s, comp, tgt.mask)
    ims, ms = pseudo_samples(s, comp, cm, 16, g)
    e = s.nets['netEnc'](ims); e0 = s.nets['netEnc'](tgt.gan_image)
    d = e - e0
    print('E(x) rms', e.pow(2).mean(1).sqrt().mean().item(), 'E(x)-E(x0) rms per sample', d.pow(2).mean(1).sqrt().tolist()[:6])
    off = s.gan.map_partial(d + s.center_h, 8 - f1d, 9) - s.center_w
    print(f'offset rms (F1_d {f1d})', off.pow(2).mean(1).sqrt().tolist()[:6])
    z = torch.randn(16, d.shape[1]); wr = s.gan.map_partial(z, 0, 9)
    print('random w - center w rms', (wr - s.center_w).pow(2).mean(1).sqrt().mean().item(), ' w_img - center', (tgt.w - s.center_w).pow(2).mean().sqrt().item())
