"""Copy a gan_train checkpoint into data/ as the embedded StyleGAN2: g_ema and d only (rosinality layout), atomically.

Usage: python tools/ship_gan.py runs/gan64/checkpoints/NNNNNN.pt [data/synface64/stylegan2.pt]
"""
import sys
from pathlib import Path
import torch
from gan2shape.stylegan2 import load_stylegan2, save_stylegan2

src = Path(sys.argv[1])
dst = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).resolve().parent.parent/'data'/'synface64'/'stylegan2.pt'
ld = load_stylegan2(src)
it = torch.load(src, map_location='cpu', weights_only=False).get('iter')
save_stylegan2(dst, ld.g, ld.d, iter=it, source=src.name)
print(f'shipped {src} (iteration {it}) as {dst}: {dst.stat().st_size / 2**20:.1f} MiB; size {ld.size}, style dim {ld.style_dim}, channels {ld.channels}')
