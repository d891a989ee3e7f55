"""Post-hoc averaging of a StyleGAN2 training run's EMA generators (issue 11).

`train-gan` keeps an EMA of G with a half-life of about 5 kimg (ema_kimg 5: ~310 iterations at batch 16), so
checkpoints 1000 iterations apart are nearly independent draws of a generator that still moves. Averaging the
g_ema weights of several consecutive checkpoints is a longer EMA chosen after the fact (the idea of EDM2's post-hoc
EMA, in its simplest form: a uniform average). Writes a checkpoint in the same layout as the last one given (its d,
its iteration) with g_ema replaced, so `tools/ship_gan.py` and every loader take it as it is.

    python bench/gan_average.py runs/ckpt_keep/0210{0,0}0.pt ... --out runs/avg/avg_021_024.pt
"""
import argparse, os
from pathlib import Path
import torch

def average_g_ema(paths:list) -> dict:
    "The last checkpoint of `paths` with g_ema the uniform average of all their g_ema tensors (integer buffers: the last's)."
    cks = [torch.load(p, map_location='cpu', weights_only=False) for p in paths]
    keys = cks[-1]['g_ema'].keys()
    for p, ck in zip(paths, cks):
        if ck['g_ema'].keys() != keys: raise ValueError(f"{p} holds another generator (its g_ema keys differ from {paths[-1]}'s).")
    avg = {}
    for k in keys:
        t = [ck['g_ema'][k] for ck in cks]
        avg[k] = torch.stack([x.double() for x in t]).mean(0).to(t[-1].dtype) if t[-1].is_floating_point() else t[-1]
    out = dict(cks[-1]); out['g_ema'] = avg
    out['averaged'] = [str(p) for p in paths]
    return out

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('ckpts', nargs='+', type=Path); p.add_argument('--out', type=Path, required=True)
    a = p.parse_args()
    if len(a.ckpts) < 2: p.error('give at least two checkpoints to average')
    ck = average_g_ema(a.ckpts)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = a.out.with_name(f'.{a.out.name}.tmp'); torch.save(ck, tmp); os.replace(tmp, a.out)
    print(f'averaged the g_ema of {len(a.ckpts)} checkpoints into {a.out} (iteration {ck.get("iter")})')
