"""Session 28: does the albedo network A learn a general image -> albedo map when step 1 sees batches of images?

The joint run's step-1 L1 stays near 0.33 over 200 images (README §5), where one image alone reaches 0.06-0.15. The
original's joint pre-training runs on 8 GPUs with gradients averaged (an effective batch of 8 images per step-1
update); ours visits one image per iteration. Starting from the joint run's networks after stage 0 (D, V, L held;
A trained further), this trains step 1 alone (A only, as step 1 does) on the 200 training images with batch B for
ITERS iterations and reports the step-1 L1 on held-out benchmark images 0-15 every EVERY iterations.

    OMP_NUM_THREADS=1 python bench/results/s28/step1_batch_probe.py CKPT --batch 8 --iters 400 --every 100 [--lr 1e-4]
"""
import argparse, time, torch
from dataclasses import replace
from gan2shape.config import load_preset
from gan2shape.core import data_dir
from gan2shape.reconstruct import build_setup, prepare_target
from gan2shape.steps import step1
from gan2shape.train import make_optimizer

ap = argparse.ArgumentParser(); ap.add_argument('ckpt'); ap.add_argument('--batch', type=int, default=8)
ap.add_argument('--iters', type=int, default=400); ap.add_argument('--every', type=int, default=100)
ap.add_argument('--lr', type=float, default=1e-4); ap.add_argument('--seed', type=int, default=0)
a = ap.parse_args(); torch.manual_seed(a.seed)
cfg = load_preset('synface64-pretrain')
cfg = replace(cfg, run=replace(cfg.run, init_ckpt=a.ckpt), optim=replace(cfg.optim, lr=a.lr))
s = build_setup(cfg, 'cpu')

def targets(sub, n):
    root = data_dir()/'synface64'/sub
    names = (root/'list.txt').read_text().split()[:n]
    return [prepare_target(s, root/'image'/x, root/'latents'/f'{x[:-4]}.pt', progress=False)[0] for x in names]
def stack(ts): return replace(ts[0], image=torch.cat([t.image for t in ts]), mask=torch.cat([t.mask for t in ts]))
train, held = targets('train200', 200), stack(targets('benchmark', 16))
def held_l1():
    with torch.no_grad(): return step1(s, held)[1].terms['l1']

opt = make_optimizer(s, 'step1'); g = torch.Generator().manual_seed(a.seed); t0 = time.time()
print(f'batch {a.batch} lr {a.lr}: iteration 0 held-out L1 {held_l1():.4f}', flush=True)
run = []
for i in range(1, a.iters + 1):
    idx = torch.randperm(len(train), generator=g)[:a.batch].tolist()
    loss, out = step1(s, stack([train[j] for j in idx]))
    opt.zero_grad(set_to_none=True); loss.backward(); opt.step(); run.append(out.terms['l1'])
    if i % a.every == 0:
        print(f'batch {a.batch} lr {a.lr}: iteration {i} train L1 (last {a.every}) {sum(run[-a.every:]) / a.every:.4f} '
              f'held-out L1 {held_l1():.4f} ({time.time() - t0:.0f} s)', flush=True)
