"""Does a StyleGAN2 reproduce the specular domain's highlights? (issue 15)

Inverts the first N images of GAN2X's specular domain (synth --specular, seed 1: the specular benchmark's faces) into
each given generator and compares G(w) with the image on the highlight: every face is also rendered without its
specular term (the Lambertian draws are the same), so the highlight is image − lambertian. Prints, per generator,
the inversion L1 on the head, and the share of the highlight G(w) reproduces, mean((G(w) − lambertian)·h) / mean(h·h)
over pixels with a visible highlight h (1: all of it, 0: a Lambertian face).

    python bench/gan_highlights.py --n 8 --steps 150 state/gan64/checkpoints/014000.pt runs/gan64spec_ft/checkpoints/016000.pt
"""
import argparse, sys, time
from pathlib import Path
import torch
sys.path.insert(0, str(Path(__file__).resolve().parent.parent/'tools'))
from make_embedded import _load_g, CachedTarget
from dataclasses import replace
from gan2shape.synth import sample_batch, specular_domain
from gan2shape.invert import invert
from gan2shape.perceptual import perceptual_distance

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('ckpts', nargs='+', help='generator checkpoints (gan_train or shipped)')
    p.add_argument('--n', type=int, default=8); p.add_argument('--steps', type=int, default=150)
    p.add_argument('--seed', type=int, default=1, help='synth seed of the faces (the benchmark: 1)')
    p.add_argument('--threshold', type=float, default=0.1, help='a highlight counts where it adds more than this (images in [-1, 1])')
    a = p.parse_args(argv)
    idx = list(range(a.n))
    spec, lamb = sample_batch(a.seed, idx, specular_domain()), sample_batch(a.seed, idx, replace(specular_domain(), specular=False))
    h = (spec.image - lamb.image).mean(1, keepdim=True)                   # the highlight (grey), B×1×S×S
    vis = (h > a.threshold).float() * spec.mask[:, None]
    head = spec.mask[:, None]
    print(f'{a.n} faces, highlight visible on {vis.sum() / head.sum() * 100:.1f} % of the head pixels (mean {(h * vis).sum() / vis.sum():.3f} where visible)')
    lp = perceptual_distance('stlpips')
    for ck in a.ckpts:
        g, t0 = _load_g(ck), time.time()
        r = invert(spec.image, g, steps=a.steps, perceptual=CachedTarget(lp), seed=a.seed, progress=False)
        x = r.image.detach().clamp(-1, 1)
        l1 = ((x - spec.image).abs().mean(1, keepdim=True) * head).sum() / head.sum() / 1
        share = (((x - lamb.image).mean(1, keepdim=True) * h * vis).sum() / ((h * h) * vis).sum()).item()
        print(f'{ck}: head L1 {l1:.4f}, highlight reproduced {share:.3f}  ({time.time() - t0:.0f} s)', flush=True)

if __name__ == '__main__': main()
