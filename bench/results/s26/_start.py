"""Session 26: one of session 25's cached starts of the quick schedule (prior fit, step 1, step 2 and the pool, written by
bench/results/s25/step3_first.py), loaded into a fresh setup of today's `synface64-quick` for the s26 scripts."""
from pathlib import Path
import torch
from gan2shape.core import data_dir
from gan2shape.config import load_preset, apply_overrides
from gan2shape.reconstruct import build_setup, prepare_target

def load_start(stem:str, seed:int, starts:str='runs/s25/starts'):
    "→ (cfg, its first stage, setup with the start's networks, target with its ground truth, pool)."
    root = data_dir()/'synface64'/'benchmark'
    # session 27 added camera.lift_background to the preset; these starts and session 26's numbers are without it
    cfg = apply_overrides(load_preset('synface64-quick'), [f'run.seed={seed}', 'camera.lift_background=null'])
    s = build_setup(cfg, 'cpu')
    tgt, _ = prepare_target(s, root/f'image/{stem}.png', root/f'latents/{stem}.pt', depth_path=root/f'depth/{stem}.png',
                            gt_mask_path=root/f'mask/{stem}.png', progress=False)
    st = torch.load(Path(starts)/f'synface64-quick_{stem}_s{seed}.pt', weights_only=False)
    for k, m in s.nets.items(): m.load_state_dict(st['nets'][k])
    return cfg, cfg.schedule.stage_list()[0], s, tgt, st['pool']
