"""The README's gallery: what `gan2shape demo` produces, beside the prior it starts from and the ground truth.

    python tools/make_gallery.py                      # runs `gan2shape demo` (synface64-quick, sample 0) into a temporary folder
    python tools/make_gallery.py --run runs/demo      # or uses a finished demo run

Writes docs/gallery/: shapes.png (input, then the normals and depth of the truth, the ellipsoid prior alone and
GAN2Shape's result, inside the head), relight.png and rotation.gif (the demo's own, the relighting grid in 128 colours and the GIF
thinned to every second frame), and demo.json (the demo's SIDE/MAD beside the prior's, seconds, threads, command). The README's
gallery table is read from demo.json; tests/test_repo.py checks that they agree and that the gallery stays small.
"""
import argparse, json, os, platform, shutil, sys, tempfile, time
from pathlib import Path
import numpy as np
import torch

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT/'docs'/'gallery'


def run_demo(out:Path) -> Path:
    from gan2shape.cli import main
    t0 = time.time()
    if main(['demo', '--out', str(out), '--device', 'cpu']) != 0: sys.exit('gan2shape demo failed')
    (out/'wall_seconds.txt').write_text(f'{time.time() - t0:.1f}\n')
    return out


def shapes_figure(run:Path, dest:Path) -> dict:
    "Input and the normals/depth of truth, prior and result in the image's frame, masked to the true head."
    from gan2shape.config import load_config
    from gan2shape.reconstruct import build_setup, prepare_target
    from gan2shape.train import prior_from_config, gt_foreground
    from gan2shape.viz import comparison_figure, shape_panels
    m = json.loads((run/'000000'/'metrics.json').read_text())
    cfg = load_config(run/'config.yaml')
    s = build_setup(cfg, 'cpu')
    bench = Path(m['image']).parent.parent
    tgt, _ = prepare_target(s, m['image'], m['latent'], depth_path=m['depth_gt'], gt_mask_path=bench/'mask'/Path(m['image']).name, progress=False)
    fg = gt_foreground(tgt)[0]
    depths = {'truth': tgt.depth_gt[0], 'prior alone': prior_from_config(cfg, tgt.mask)[0],
              'GAN2Shape': torch.from_numpy(np.load(run/'000000'/'view_depth.npy')).float()}
    each = [shape_panels(k, d, s.K, fg) for k, d in depths.items()]   # the head only; the background at its farthest
    panels = {'input': tgt.image[0]}
    for kind in ('normals', 'depth'):    # a row of normals, then a row of depths
        for p in each: panels.update({n: v for n, v in p.items() if n.endswith(kind)})
    import matplotlib; matplotlib.use('Agg')
    fig = comparison_figure(panels, ncol=4, size=1.9)
    fig.savefig(dest, dpi=80, bbox_inches='tight')
    return m


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--run', type=Path, help='a finished `gan2shape demo` folder (default: run the demo now)')
    ap.add_argument('--out', type=Path, default=OUT)
    a = ap.parse_args(argv)
    tmp = None
    if a.run is None:
        tmp = Path(tempfile.mkdtemp()); a.run = run_demo(tmp/'demo')
    a.out.mkdir(parents=True, exist_ok=True)
    m = shapes_figure(a.run, a.out/'shapes.png')
    from PIL import Image
    Image.open(a.run/'000000'/'relight.png').convert('RGB').quantize(128).save(a.out/'relight.png', optimize=True)   # 128 colours: a third of the bytes
    import imageio.v3 as iio
    frames = iio.imread(a.run/'000000'/'rotation.gif', index=None)
    meta = iio.immeta(a.run/'000000'/'rotation.gif')
    iio.imwrite(a.out/'rotation.gif', frames[::2], duration=2 * meta.get('duration', 100), loop=0)
    wall = a.run/'wall_seconds.txt'
    info = {'command': 'gan2shape demo', 'preset': 'synface64-quick', 'image': Path(m['image']).name,
            'prior': m['prior'], 'prior_side_e2': round(m['prior_side_e2'], 3), 'prior_mad_deg': round(m['prior_mad_deg'], 2),
            'side_e2': round(m['side_e2'], 3), 'mad_deg': round(m['mad_deg'], 2), 'fit_seconds': round(m['fit_seconds'], 1),
            'wall_seconds': float(wall.read_text()) if wall.exists() else None, 'threads': torch.get_num_threads(),
            'machine': f'{platform.machine()}, {os.cpu_count()} CPU cores', 'torch': torch.__version__,
            'date': time.strftime('%Y-%m-%d')}
    (a.out/'demo.json').write_text(json.dumps(info, indent=1) + '\n')
    sizes = {p.name: p.stat().st_size for p in sorted(a.out.iterdir())}
    print(json.dumps(info, indent=1)); print({k: f'{v / 1e3:.0f} KB' for k, v in sizes.items()}, f'total {sum(sizes.values()) / 1e3:.0f} KB')
    if tmp: shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    main()
