"""How visible are the specular domain's highlights? (issue 15)

Renders the same N faces (synth seed 1, the benchmark's draws) with and without the Phong term, for several reliefs and
specular ranges, and prints how much of the head the highlight brightens (image − Lambertian image, mean over RGB, in
the [-1, 1] image range), the median angle of the head's normals from the camera axis, and the share of faces whose
highlight covers more than 2 % of their head. `python bench/specular_coverage.py [--n 64]`.
"""
import argparse, dataclasses, time, torch
from gan2shape.synth import SynthCfg, sample_batch, specular_domain

def coverage(cfg:SynthCfg, idx:list, seed:int) -> dict:
    spec = sample_batch(seed, idx, cfg)
    lamb = sample_batch(seed, idx, dataclasses.replace(cfg, specular=False))
    h = (spec.image - lamb.image).mean(1, keepdim=True); head = spec.mask[:, None]
    share = lambda t: float(((h > t).float() * head).sum() / head.sum())
    ang = torch.rad2deg(torch.acos(spec.normal[..., 2].abs().clamp(max=1)))[:, None]
    per = ((h > 0.1).float() * head).flatten(1).sum(1) / head.flatten(1).sum(1)
    return {'>0.05': share(0.05), '>0.1': share(0.1), '>0.2': share(0.2), 'median normal': float(ang[head > 0].median()),
            'faces >2%': float((per > 0.02).float().mean())}

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--n', type=int, default=64); p.add_argument('--seed', type=int, default=1)
    a = p.parse_args()
    torch.set_num_threads(1)
    idx = list(range(a.n))
    rows = [('relief 1, k0 [0.6, 1], p0 [4, 16] (session 16 defaults)', SynthCfg(specular=True, spec_strength=(0.6, 1.0), shininess=(4.0, 16.0))),
            ('relief 1, k0 [0.8, 1], p0 [4, 10]', SynthCfg(specular=True)),
            ('relief 0.7, k0 [0.8, 1], p0 [4, 10]', SynthCfg(specular=True, relief=0.7)),
            ('relief 0.5, k0 [0.6, 1], p0 [4, 16]', SynthCfg(specular=True, relief=0.5, spec_strength=(0.6, 1.0), shininess=(4.0, 16.0))),
            ('relief 0.5, k0 [0.8, 1], p0 [4, 10] (specular_domain)', specular_domain()),
            ('relief 0.35, k0 [0.8, 1], p0 [4, 10]', SynthCfg(specular=True, relief=0.35))]
    print(f'{a.n} faces of synth seed {a.seed}; share of head pixels brightened by more than t (image range [-1, 1])\n')
    print('| domain | > 0.05 | > 0.1 | > 0.2 | median normal | faces with > 2 % above 0.1 |\n|---|---|---|---|---|---|')
    t0 = time.time()
    for name, cfg in rows:
        c = coverage(cfg, idx, a.seed)
        print(f"| {name} | {c['>0.05']*100:.1f} % | {c['>0.1']*100:.1f} % | {c['>0.2']*100:.1f} % | {c['median normal']:.0f}° | {c['faces >2%']*100:.0f} % |", flush=True)
    print(f'\n{time.time() - t0:.1f} s on one thread')
