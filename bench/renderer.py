"""Time the differentiable depth-map renderer on this CPU (torch threads = 2).

Run: python bench/renderer.py [--threads 2] [--repeats 15]

For B = 16 at 64×64 and 128×128: forward and forward+backward of warp_canon_depth → inverse_warp_grid →
grid_sample (random smooth depth in [0.9, 1.1] requiring grad, random yaw in ±30°), the peak memory of one
forward+backward (the torch profiler with profile_memory=True: the largest "Total Allocated" of PyTorch's CPU
allocator during the step, minus its level when the step began, i.e. the peak live tensor bytes the step adds),
and the ratio of the renderer's forward+backward time to one forward+backward of the depth network
EDDeconv(cin=3, cout=1, zdim=256) at the same size and batch, with the widths the package uses at that size
(`networks.default_widths`: nf = max(4096 // S, 16), GroupNorm base 8 from 128 px).
Times are medians over `--repeats` runs after warm-up; the CPU column (process time, summed over threads) is
less sensitive than wall time to other processes sharing the machine, and the load average is printed for that reason.
"""
import argparse, json, math, os, statistics, tempfile, time
import torch
import torch.nn.functional as F
from gan2shape.camera import intrinsics
from gan2shape.render import warp_canon_depth, inverse_warp_grid
from gan2shape.networks import EDDeconv, default_widths


def smooth_depth(B, S, g):
    "Random smooth depth maps in [0.9, 1.1]."
    coarse = torch.randn(B, 1, 6, 6, generator=g)
    return 1 + 0.1 * torch.tanh(F.interpolate(coarse, size=(S, S), mode='bicubic', align_corners=True)[:, 0])


def median_ms(fn, repeats, warmup=3):
    "Median wall-clock and process-CPU milliseconds of `fn` (CPU time summed over threads)."
    for _ in range(warmup): fn()
    wall, cpu = [], []
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time(); fn()
        wall.append(time.perf_counter() - t0); cpu.append(time.process_time() - c0)
    return 1e3 * statistics.median(wall), 1e3 * statistics.median(cpu)


def setup(S, B, seed=0):
    "Inputs of one benchmark case and its renderer step."
    g = torch.Generator().manual_seed(seed)
    K = intrinsics(S)
    depth0 = smooth_depth(B, S, g)
    view = torch.zeros(B, 6); view[:, 1] = math.radians(30) * (2 * torch.rand(B, generator=g) - 1)
    image = torch.rand(B, 3, S, S, generator=g) * 2 - 1

    def step(backward):
        depth = depth0.clone().requires_grad_(backward)
        recon = warp_canon_depth(depth, view, K)
        out = F.grid_sample(image, inverse_warp_grid(recon, view, K), mode='bilinear', align_corners=True)
        if backward: (out.square().mean() + recon.mean()).backward()
    return image, step


def peak_mib(fn):
    "Peak live CPU tensor memory during one call above the level at its start (torch profiler, profile_memory)."
    from torch.profiler import profile, ProfilerActivity
    with profile(activities=[ProfilerActivity.CPU], profile_memory=True) as p: fn()
    with tempfile.TemporaryDirectory() as d:
        p.export_chrome_trace(f'{d}/trace.json')
        events = json.load(open(f'{d}/trace.json'))['traceEvents']
    mem = sorted((e for e in events if e.get('name') == '[memory]'), key=lambda e: e['ts'])
    if not mem: return 0.
    start = mem[0]['args']['Total Allocated'] - mem[0]['args']['Bytes']
    return (max(e['args']['Total Allocated'] for e in mem) - start) / 2 ** 20


def bench(S, B, repeats, threads):
    image, step = setup(S, B)
    nf, gn_base = default_widths(S)
    net = EDDeconv(cin=3, cout=1, size=S, nf=nf, zdim=256, gn_base=gn_base, activation=None)
    def net_step(): net.zero_grad(set_to_none=True); net(image).square().mean().backward()

    with torch.no_grad(): fwd, _ = median_ms(lambda: step(False), repeats)
    fb, fb_cpu = median_ms(lambda: step(True), repeats)
    netfb, _ = median_ms(net_step, max(5, repeats // 3))
    return dict(fwd=fwd, fb=fb, fb_cpu=fb_cpu, mem=peak_mib(lambda: step(True)), net=netfb, ratio=fb / netfb)


if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--repeats', type=int, default=15)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    targets = {64: 60, 128: 250}
    print(f'torch {torch.__version__}, {torch.get_num_threads()} threads, B=16, median of {args.repeats} after warm-up; '
          f'load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs')
    print('| size | renderer fwd ms | renderer fwd+bwd ms | (its CPU ms, all threads) | target fwd+bwd ms | '
          'peak tensor mem MiB (profiler) | EDDeconv fwd+bwd ms | ratio (target ≤ 0.3) |')
    print('|---|---|---|---|---|---|---|---|')
    for S in (64, 128):
        r = bench(S, 16, args.repeats, args.threads)
        print(f"| {S}×{S} | {r['fwd']:.1f} | {r['fb']:.1f} | {r['fb_cpu']:.1f} | {targets[S]} | {r['mem']:.1f} | {r['net']:.1f} | {r['ratio']:.3f} |")
