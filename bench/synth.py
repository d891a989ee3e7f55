"""Time writing the synthetic face data set on this CPU (`write_synth`, as `gan2shape synth` runs it).

Run: python bench/synth.py [--n 2000] [--size 64] [--threads 1 2]

For each torch thread count: `write_synth` of `--n` samples (seed 0, batches of 64) into a fresh temporary folder,
which renders a batch while a pool of two threads writes the previous batch's six PNGs per sample; and, for
comparison, rendering alone (`sample_batch` over the same samples, no files). Wall-clock images per second, and
the process CPU time per image summed over all threads (less sensitive than wall time to other processes sharing
the machine; the load average is printed for that reason). One warm-up batch is rendered before timing.
"""
import argparse, os, shutil, tempfile, time
import torch
from gan2shape.synth import SynthCfg, sample_batch, write_synth


def timed(fn):
    "Wall and process-CPU seconds of one call."
    t0, c0 = time.perf_counter(), time.process_time(); fn()
    return time.perf_counter() - t0, time.process_time() - c0


def render_only(n, cfg, batch=64):
    for s in range(0, n, batch): sample_batch(0, range(s, min(n, s + batch)), cfg)


def bench(n, cfg, threads):
    torch.set_num_threads(threads)
    sample_batch(0, range(64), cfg)                       # warm-up
    tmp = tempfile.mkdtemp(prefix='bench_synth_')
    try: wall, cpu = timed(lambda: write_synth(os.path.join(tmp, 'out'), n, seed=0, cfg=cfg, progress=False))
    finally: shutil.rmtree(tmp)
    rwall, _ = timed(lambda: render_only(n, cfg))
    return dict(ips=n / wall, cpu_ms=1e3 * cpu / n, render_ips=n / rwall)


if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--n', type=int, default=2000)
    ap.add_argument('--size', type=int, default=64)
    ap.add_argument('--threads', type=int, nargs='+', default=[1, 2])
    args = ap.parse_args()
    cfg = SynthCfg(size=args.size)
    print(f'torch {torch.__version__}, {args.n} samples at {args.size}×{args.size}; '
          f'load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs')
    print('| torch threads | write_synth img/s | its CPU ms/img (all threads) | rendering only img/s |')
    print('|---|---|---|---|')
    for t in args.threads:
        r = bench(args.n, cfg, t)
        print(f"| {t} | {r['ips']:.0f} | {r['cpu_ms']:.2f} | {r['render_ips']:.0f} |", flush=True)
