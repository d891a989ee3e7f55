"""Shading-based refinement (GAN2X, issue 15): what its settings do to shape, measured on the embedded benchmark.

Each (image, seed) is fitted once with GAN2X's instance schedule and the refinement off, keeping the checkpoint; every
variant then resumes a copy of that run with the refinement on (`material.sbr_iters` > 0) and its own `--set`-style
overrides, so the variants differ only in the refinement. Prints SIDE ×10⁻² and MAD° before and after, per variant.

A variant whose name starts with `smooth` is the control: the same refinement with the image terms removed (only
λ_lap·mean|∇²d| is minimised), which tells what the Laplacian does by smoothing alone, without the shading.

    python bench/sbr_study.py --images 000000 000001 --seeds 0 1 --schedule synface64-quick \
        --variant base: --variant lap0.1:material.sbr_lam_laplacian=0.1 --out runs/sbr_study
"""
import argparse, json, time
from dataclasses import replace
from pathlib import Path
import torch
import gan2shape.train as train_mod
from gan2shape.steps import sbr_loss, smoothness
from gan2shape.config import load_preset, apply_overrides, method_overrides
from gan2shape.study import Study, mean_std

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--images', nargs='+', default=['000000'])
    p.add_argument('--seeds', nargs='+', type=int, default=[0])
    p.add_argument('--schedule', default='synface64-quick', help='the preset whose schedule the GAN2X fit runs')
    p.add_argument('--sbr-iters', type=int, default=200)
    p.add_argument('--base', default='gan2x', choices=['gan2x', 'gan2shape'],
                   help="the fit refined: GAN2X's (specular maps, L_vl, ...) or GAN2Shape's (the preset as it is; Lambertian refinement)")
    p.add_argument('--variant', action='append', default=[], metavar='NAME:KEY=VAL,KEY=VAL',
                   help='a refinement variant: a name and overrides of the gan2x material (repeatable)')
    p.add_argument('--out', type=Path, required=True)
    a = p.parse_args(argv)
    variants = [(v.split(':', 1)[0], [o for o in v.split(':', 1)[1].split(',') if o]) for v in (a.variant or ['default:'])]
    torch.set_num_threads(1)
    study, gx = Study(a.schedule, 'cpu'), load_preset('synface64-gan2x')
    def config(seed, sbr_iters, overrides=()):
        cfg = study.config(None, seed)
        if a.base == 'gan2x': cfg = apply_overrides(cfg, method_overrides('gan2x'))   # what --method gan2x applies
        cfg = replace(cfg, material=replace(cfg.material, sbr_iters=sbr_iters, sbr_lam_laplacian=gx.material.sbr_lam_laplacian))
        return apply_overrides(cfg, list(overrides))
    rows = []
    for name in a.images:
        ref = study.reference(name, study.config(None, a.seeds[0]))['prior']
        for seed in a.seeds:
            base = a.out/f'{a.base}_s{seed}'/name
            if not (base/'checkpoint.pt').exists():
                t0 = time.time(); r = study.fit(name, config(seed, 0), base, keep_checkpoint=True)
                print(f'{name} s{seed} {a.base}: SIDE {r["SIDE_e2"]:.3f} MAD {r["MAD_deg"]:.2f}° ({time.time() - t0:.0f} s)', flush=True)
            for vname, ov in variants:
                out = a.out/f'{vname}_s{seed}'/name
                def smooth_only(s_, tgt):
                    lap = smoothness(s_.nets['netR'].components(s_).depth)
                    return s_.cfg.material.sbr_lam_laplacian * lap, {'laplacian': lap.item()}
                train_mod.sbr_loss = smooth_only if vname.startswith('smooth') else sbr_loss   # the trainer's own reference
                r = study.fit(name, config(seed, a.sbr_iters, ov), out, resume_from=base)   # a copy of the base fit, refined
                pre = next(l for l in reversed([json.loads(l) for l in (out/'metrics.jsonl').read_text().splitlines()])
                           if l.get('eval') and l.get('phase') != 'sbr')                      # the base fit's last evaluation
                row = {'image': name, 'seed': seed, 'variant': vname, 'prior_side': ref['SIDE_e2'], 'prior_mad': ref['MAD_deg'],
                       'pre_side': pre['side_e2'], 'pre_mad': pre['mad_deg'], 'side': r['SIDE_e2'], 'mad': r['MAD_deg'],
                       'seconds': r['seconds']}
                rows.append(row)
                print(f'{name} s{seed} {vname:14s}: SIDE {row["pre_side"]:.3f} → {row["side"]:.3f}   MAD {row["pre_mad"]:.2f}° → {row["mad"]:.2f}°'
                      f'   ({row["seconds"]:.0f} s)', flush=True)
    (a.out/'rows.json').write_text(json.dumps(rows, indent=1))
    print('\n| variant | n | Δ SIDE ×10⁻² (refined − before) | Δ MAD ° | MAD ° after |\n|---|---|---|---|---|')
    for vname, _ in variants:
        rs = [r for r in rows if r['variant'] == vname]
        ds, dm, m = (mean_std([f(r) for r in rs]) for f in (lambda r: r['side'] - r['pre_side'], lambda r: r['mad'] - r['pre_mad'], lambda r: r['mad']))
        print(f'| {vname} | {len(rs)} | {ds[0]:+.3f} ± {ds[1]:.3f} | {dm[0]:+.2f} ± {dm[1]:.2f} | {m[0]:.2f} ± {m[1]:.2f} |')

if __name__ == '__main__': main()
