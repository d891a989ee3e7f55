"""Milliseconds per Adam step over each GAN2Shape network's parameters, default (`foreach`) against fused, and the ratio.

Run: python bench/adam.py [--threads 1] [--repeats 20]

The networks are those of the `synface64` preset (64 px: netD and netA 13 M parameters each). Gradients are random;
the step's cost does not depend on their values. `gan2shape.core.adam` picks the fused update; this prints what that
choice saves. The load average is printed because other processes distort wall time.
"""
import argparse, os, statistics, time
import torch
from gan2shape.config import resolve_config
from gan2shape.reconstruct import build_setup


def ms_per_step(params, fused, repeats):
    opt = torch.optim.Adam(params, lr=1e-4, betas=(0.9, 0.999), weight_decay=5e-4, fused=fused)
    for _ in range(3): opt.step()
    ts = []
    for _ in range(repeats):
        t0 = time.perf_counter(); opt.step(); ts.append(time.perf_counter() - t0)
    return 1e3 * statistics.median(ts)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--threads', type=int, default=1); ap.add_argument('--repeats', type=int, default=20)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    s = build_setup(resolve_config(preset='synface64'), 'cpu')
    print(f'torch {torch.__version__}, {a.threads} thread(s), load average {os.getloadavg()[0]:.2f}')
    for name, net in s.nets.items():
        ps = [p for p in net.parameters() if p.requires_grad]
        for p in ps: p.grad = torch.randn_like(p)
        base, fused = ms_per_step(ps, None, a.repeats), ms_per_step(ps, True, a.repeats)
        print(f'{name:7s} {sum(p.numel() for p in ps) / 1e6:6.2f} M parameters: default {base:6.1f} ms, fused {fused:6.1f} ms, '
              f'ratio {base / fused:.2f}')


if __name__ == '__main__': main()
