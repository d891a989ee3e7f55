"""Time the pure-PyTorch StyleGAN2 on this CPU (torch threads = 2 by default).

Run: python bench/stylegan2.py [--threads 2] [--repeats 5] [--train-iters 20] [--skip-celeba]

1. The embedded default (stylegan2.SMALL_CONFIG: 64², style dim 128, channels 128/128/64/32/16), batch 16:
   generator forward (no grad) and forward+backward (mean-square loss on the image, grads of all parameters),
   for the fused (per-sample weights, grouped conv) and the scaled-activation modulated convolution.
2. GAN-training iterations per second for it at batch 16 with gan_train's defaults (lazy R1 every 16,
   path length every 4, mixing 0.9), images from memory, averaged over --train-iters iterations
   (a multiple of 16 covers the regularisers in proportion).
3. The official CelebA configuration (128², style dim 512, channel multiplier 1; random weights): the same
   forward and forward+backward at batch 16, both modconv paths.
Times are medians over --repeats runs after one warm-up run. The load average is printed because other
processes on a shared 2-core machine inflate multi-threaded timings badly (OpenMP threads wait on each other).
"""
import argparse, os, statistics, time
import torch
from gan2shape import stylegan2 as sg
from gan2shape import gan_train as gt


def median_s(fn, repeats, warmup=1):
    for _ in range(warmup): fn()
    ts = []
    for _ in range(repeats):
        t0 = time.perf_counter(); fn(); ts.append(time.perf_counter() - t0)
    return statistics.median(ts)


def gen_times(g, batch, repeats):
    "{fused: (forward s, forward+backward s)} for a generator at batch `batch`."
    w = g.get_latent(torch.randn(batch, g.style_dim)).detach()
    def fwd():
        with torch.no_grad(): g(w, input_is_w=True)
    def fwd_bwd():
        g.zero_grad(set_to_none=True); g(w, input_is_w=True).square().mean().backward()
    out = {}
    for fused in (True, False):
        g.set_fused_modconv(fused)
        out[fused] = (median_s(fwd, repeats), median_s(fwd_bwd, repeats))
    g.set_fused_modconv(sg.FUSED_MODCONV_DEFAULT)
    return out


def report(name, t):
    for fused in (True, False):
        f, fb = t[fused]
        print(f"  {'fused  (per-sample weights)' if fused else 'scaled (activations)      '}  "
              f"forward {f * 1e3:8.1f} ms   forward+backward {fb * 1e3:8.1f} ms")
    print(f"  fused / scaled time ratio: forward {t[True][0] / t[False][0]:.2f}×, forward+backward {t[True][1] / t[False][1]:.2f}×")


class MemoryImages:
    "Random uint8 images standing in for an ImageFolderData."
    def __init__(self, n, size): self.images = torch.randint(0, 256, (n, 3, size, size), dtype=torch.uint8)
    def __len__(self): return len(self.images)
    def uint8(self, idx): return self.images[idx]


def train_rate(cfg, iters):
    cfg = cfg.resolved()
    st, data = gt.new_state(cfg, 'cpu'), MemoryImages(256, cfg.size)
    for _ in range(2): gt.train_step(st, data, cfg, 'cpu')   # warm-up (includes one R1 and one path-length step)
    st.iter = 0
    t0 = time.perf_counter()
    for _ in range(iters): gt.train_step(st, data, cfg, 'cpu')
    return iters / (time.perf_counter() - t0)


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--threads', type=int, default=2)
    p.add_argument('--repeats', type=int, default=5)
    p.add_argument('--train-iters', type=int, default=16)
    p.add_argument('--batch', type=int, default=16)
    p.add_argument('--skip-celeba', action='store_true')
    a = p.parse_args()
    torch.set_num_threads(a.threads); torch.manual_seed(0)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, {os.cpu_count()} CPUs, "
          f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"default modconv path: {'fused' if sg.FUSED_MODCONV_DEFAULT else 'scaled'} (FUSED_MODCONV_DEFAULT={sg.FUSED_MODCONV_DEFAULT})")

    g, _ = sg.build_stylegan2(sg.SMALL_CONFIG, with_discriminator=False)
    n = sum(q.numel() for q in g.parameters()) / 1e6
    print(f"\nembedded default {sg.SMALL_CONFIG['size']}², style dim {sg.SMALL_CONFIG['style_dim']}, "
          f"channels {sg.SMALL_CONFIG['channels']} ({n:.2f} M G parameters), batch {a.batch}:")
    report('small', gen_times(g, a.batch, a.repeats))
    cfg = gt.GanTrainConfig(size=64, style_dim=128, batch=a.batch, progress=False)
    r = train_rate(cfg, a.train_iters)
    print(f"  GAN training (D + G step, R1/16, path length/4, mixing 0.9), batch {a.batch}: {r:.3f} it/s "
          f"= {r * 3600:.0f} it/h = {r * 3600 * a.batch / 1000:.1f} kimg/h")

    if not a.skip_celeba:
        c = sg.OFFICIAL_CONFIGS['celeba']
        g, _ = sg.build_stylegan2(c, with_discriminator=False)
        n = sum(q.numel() for q in g.parameters()) / 1e6
        print(f"\nofficial CelebA configuration {c['size']}², style dim {c['style_dim']}, channel multiplier "
              f"{c['channel_multiplier']} ({n:.2f} M G parameters, random weights), batch {a.batch}:")
        report('celeba', gen_times(g, a.batch, max(2, a.repeats // 2)))
    print(f"\nload average at the end {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == '__main__':
    main()
