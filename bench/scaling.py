"""Scale-out on this machine: images per hour of `reconstruct-set` (independent mode) and optimiser steps per second of
shared-weight pre-training, with 1 and with N processes under torchrun, and the scaling efficiency as a ratio.

Run: python bench/scaling.py [--procs 2] [--images 4] [--prior-iters 20] [--iters 10 10 10] [--n-proj 8] [--repeats 1]

Every configuration uses the same cores: one process with 1 thread (the per-process baseline), one process with N threads
(what a single run gets from the machine), and N processes with 1 thread each under `torchrun --standalone` (gloo).
- Independent: `gan2shape reconstruct-set` on the first --images benchmark images, the synface64-quick preset with a short
  schedule (prior --prior-iters, one stage of --iters with N_p --n-proj), schedule.mode single. Wall time of the whole
  command (start-up, loading, fitting, writing), so images/hour is what a user gets.
- Shared: `gan2shape pretrain`, schedule.mode generalised on N images: one process trains a batch of all N images
  (batch_images=N) per step, N processes one image each with averaged gradients, so every step does the same work. Steps
  per second = the optimiser steps of rank 0's log / `fit_seconds`.
Efficiency = throughput(N processes) / (N × throughput(1 process, 1 thread)); 1.0 is perfect scaling. The load average is
printed: other jobs on the machine distort wall time.
"""
import argparse, json, os, subprocess, sys, tempfile, time
from pathlib import Path

def gan2shape(args, procs, threads, timeout=3600):
    "Run a gan2shape command (under torchrun when procs > 1); its wall seconds."
    cmd = ([sys.executable, '-m', 'torch.distributed.run', '--standalone', f'--nproc_per_node={procs}', '-m', 'gan2shape.cli'] if procs > 1
           else [sys.executable, '-m', 'gan2shape.cli'])
    env = {**os.environ, 'OMP_NUM_THREADS': str(threads), 'MKL_NUM_THREADS': str(threads)}
    t0 = time.perf_counter()
    r = subprocess.run(cmd + [str(a) for a in args], capture_output=True, text=True, env=env, timeout=timeout)
    secs = time.perf_counter() - t0
    if r.returncode: raise RuntimeError(f"{' '.join(cmd + list(map(str, args)))} failed:\n{r.stderr[-3000:]}")
    return secs

def steps_in_log(path):
    "Optimiser steps recorded in a metrics log (one line with a loss per step)."
    return sum(1 for l in map(json.loads, Path(path).read_text().splitlines()) if 'loss' in l and not l.get('eval'))

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--procs', type=int, default=2); ap.add_argument('--images', type=int, default=4)
    ap.add_argument('--prior-iters', type=int, default=20); ap.add_argument('--iters', type=int, nargs=3, default=[10, 10, 10])
    ap.add_argument('--n-proj', type=int, default=8); ap.add_argument('--repeats', type=int, default=1)
    a = ap.parse_args()
    N = a.procs
    stage = f'schedule.stages=[{{iters: [{a.iters[0]}, {a.iters[1]}, {a.iters[2]}], n_proj: {a.n_proj}, collect_iters: 1}}]'
    common = ['--preset', 'synface64-quick', '--device', 'cpu', '--set', f'prior.pretrain_iters={a.prior_iters}', '--set', stage]
    print(f'load average before: {os.getloadavg()[0]:.2f}; {os.cpu_count()} cores; torch threads per configuration below')
    configs = [(1, 1), (1, N), (N, 1)]
    rows = []
    with tempfile.TemporaryDirectory() as d:
        for procs, threads in configs:
            ind, sh = [], []
            for k in range(a.repeats):
                out = Path(d)/f'ind_{procs}_{threads}_{k}'
                ind.append(gan2shape(['reconstruct-set', '--out', out, '--n-images', a.images, *common, '--set', 'schedule.mode=single'], procs, threads))
                out = Path(d)/f'sh_{procs}_{threads}_{k}'
                gan2shape(['pretrain', '--out', out, '--n-images', N, *common, '--set', 'schedule.mode=generalised',
                           '--set', f'schedule.batch_images={N // procs}'], procs, threads)
                sm = json.loads((out/'summary.json').read_text())
                sh.append(steps_in_log(out/'_shared'/'metrics.jsonl') / sm['fit_seconds'])
            rows.append({'procs': procs, 'threads': threads, 'images_per_hour': a.images * 3600 / min(ind), 'wall_s': min(ind),
                         'steps_per_s': max(sh)})
            print(f"  {procs} process(es) × {threads} thread(s): reconstruct-set {a.images} images in {min(ind):.1f} s = "
                  f"{rows[-1]['images_per_hour']:.0f} images/hour; shared pre-training {max(sh):.2f} steps/s (N={N} images per step)")
    base, wide, multi = rows
    print(f'load average after: {os.getloadavg()[0]:.2f}')
    print(f"independent: {N} processes vs 1 process × 1 thread: speed-up {multi['images_per_hour'] / base['images_per_hour']:.2f}, "
          f"efficiency {multi['images_per_hour'] / (N * base['images_per_hour']):.2f}; "
          f"vs 1 process × {N} threads: ratio {multi['images_per_hour'] / wide['images_per_hour']:.2f}")
    print(f"shared:      {N} processes vs 1 process × 1 thread: speed-up {multi['steps_per_s'] / base['steps_per_s']:.2f}, "
          f"efficiency {multi['steps_per_s'] / (N * base['steps_per_s']):.2f}; "
          f"vs 1 process × {N} threads: ratio {multi['steps_per_s'] / wide['steps_per_s']:.2f}")

if __name__ == '__main__': main()
