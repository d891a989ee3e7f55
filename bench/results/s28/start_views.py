"""Session 28: the view V predicts at the start of a run (degrees for the angles; the translations also x180/pi) on
benchmark images 0-3, from the presets' init_vl.pt and from random networks (seeds 0 and 1).

    OMP_NUM_THREADS=1 python bench/results/s28/start_views.py
"""
import torch, math
from dataclasses import replace
from gan2shape.config import resolve_config
from gan2shape.reconstruct import build_setup, prepare_target
from gan2shape.core import data_dir
from gan2shape.steps import predict_view
torch.set_num_threads(1)
for init in ['data:synface64/init_vl.pt', None]:
    for seed in (0, 1):
        cfg = resolve_config('synface64-quick', overrides=[f'run.init_ckpt={"null" if init is None else init}', f'run.seed={seed}'])
        s = build_setup(cfg)
        root = data_dir()/'synface64/benchmark'
        out = []
        for i in range(4):
            t, _ = prepare_target(s, root/f'image/{i:06d}.png', root/f'latents/{i:06d}.pt', progress=False)
            with torch.no_grad(): v = predict_view(s, t.image)*180/math.pi
            out.append([round(float(x), 3) for x in v[0]])
        print(init, seed, out)
