"""Joint pre-training (`synface64-pretrain`) on one lent GPU inside a fixed time budget: the run behind
data/synface64/pretrain.pt (see data/synface64/pretrain.md for the model card).

    python tools/gpu_pretrain.py OUT_DIR [--budget SECONDS] [--run RUN_DIR] [--smoke-only] [--device cuda]

1. smoke: 2 training images, 30 iterations of each step; its per-iteration times estimate the full schedule;
2. the preset's schedule with every stage's iteration counts scaled by f = min(1, time left / estimate)
   (collect_iters never below the number of images, which joint training needs);
3. what the run wrote (checkpoint.pt split into parts of at most 15 MiB, metrics.jsonl.gz, run.json: plan, status, summary, config) goes to OUT_DIR.
Joint training checkpoints after every stage, so a run stopped by the budget keeps its last finished stage;
`gan2shape pretrain --resume` continues it anywhere (join the parts with `cat checkpoint.pt.part* > checkpoint.pt`).
"""
import argparse, gzip, json, os, shutil, subprocess, sys, time
from pathlib import Path

T0 = time.time()
WIDTHS = {'netD': 32, 'netA': 32, 'netV': 16, 'netL': 16}   # as the session-6 CPU runs; pretrain.pt is 25 MiB in float16


def pretrain_call(run: Path, overrides: list, n_images, device: str) -> str:
    "A python -c program running gan2shape.reconstruct.pretrain (fast cuDNN/TF32 settings; no progress bars)."
    return (f"import torch, json; torch.backends.cudnn.benchmark = True; torch.backends.cuda.matmul.allow_tf32 = True; "
            f"torch.backends.cudnn.allow_tf32 = True; import gan2shape.reconstruct as R; from gan2shape.reconstruct import pretrain; "
            # the preset's λ_perc is 0 and its GAN has a discriminator, so the perceptual network is never called: not loading
            # it keeps its 57 MB weight file off the GPU machine (whose working tree is limited to 64 MiB)
            f"R.perceptual_distance = lambda *a, **k: None; "
            f"sm = pretrain({str(run)!r}, preset='synface64-pretrain', overrides={overrides!r}, n_images={n_images!r}, "
            f"widths={WIDTHS!r}, device={device!r}, progress=False, overwrite=True); print(json.dumps(sm['mean']))")


def phase_times(metrics: Path) -> dict:
    "Median seconds per iteration of each phase, from the log's cumulative 'time' field (first 5 iterations skipped)."
    per = {}
    for line in metrics.read_text().splitlines():
        r = json.loads(line)
        if 'time' in r and not r.get('eval'): per.setdefault((r['phase'], r['stage']), []).append(r['time'])
    out = {}
    for (ph, _), ts in per.items():
        d = sorted(b - a for a, b in zip(ts[5:], ts[6:]))
        if d: out.setdefault(ph, []).append(d[len(d) // 2])
    return {ph: sum(v) / len(v) for ph, v in out.items()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('out', type=Path)
    ap.add_argument('--budget', type=float, default=560, help='seconds from start to the end of the copy')
    ap.add_argument('--run', type=Path, default=Path('/tmp/g2s_pretrain'))
    ap.add_argument('--device', default='cuda')
    ap.add_argument('--smoke-only', action='store_true')
    ap.add_argument('--n-images', type=int, default=None, help='only the first N training images (a local test of this script)')
    a = ap.parse_args()
    a.out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, 'PYTHONUNBUFFERED': '1'}
    from dataclasses import asdict
    from gan2shape.config import resolve_config, read_image_list
    cfg = resolve_config(preset='synface64-pretrain')
    # a preset stage with other iteration counts (n_proj, flips and repeat stay the preset's)
    stage = lambda st, it, col, **kw: {**asdict(st), 'iters': list(it), 'collect_iters': col, **kw}

    # 1. smoke: catches device errors in a minute and measures the iteration times
    smoke = a.run.with_name(a.run.name + '_smoke')
    ov = [f"schedule.stages={json.dumps([stage(cfg.schedule.stages[0], [30, 30, 30], 2, repeat=1)])}", 'prior.pretrain_iters=30']
    t = time.time()
    subprocess.run([sys.executable, '-c', pretrain_call(smoke, ov, 2, a.device)], check=True, env=env)
    smoke_s = time.time() - t
    pt = phase_times(smoke / '_shared' / 'metrics.jsonl')
    print(f"[{time.time() - T0:.0f} s] smoke done in {smoke_s:.0f} s; seconds per iteration: {json.dumps({k: round(v, 4) for k, v in pt.items()})}")
    if a.smoke_only: return

    # 2. the preset's schedule, scaled to the time left
    n = len(read_image_list(cfg.data.image_list)[:a.n_images])
    t1, t2, t3 = pt['step1'], pt['step2'], pt['step3']
    full = (cfg.prior.pretrain_iters * pt.get('prior', t1) +
            sum(st.repeat * (st.iters[0] * t1 + st.iters[1] * t2 + st.collect_iters * 0.5 * t2 + st.iters[2] * t3 + n * 0.02)
                for st in cfg.schedule.stages))
    left = a.budget - (time.time() - T0) - 40       # 40 s: loading the 200 images, the last evaluation, the copy
    f = min(1.0, left / full)
    stages = [stage(st, [max(1, round(i * f)) for i in st.iters], max(n, round(st.collect_iters * f)))
              for st in cfg.schedule.stages]
    ov = [f"schedule.stages={json.dumps(stages)}", f"prior.pretrain_iters={max(1, round(cfg.prior.pretrain_iters * f))}"]
    plan = {'estimate_full_s': round(full), 'time_left_s': round(left), 'scale': round(f, 4), 'overrides': ov,
            'smoke_s_per_iter': pt, 'widths': WIDTHS, 'device': a.device}
    print(f"[{time.time() - T0:.0f} s] plan: {json.dumps(plan)}")
    t = time.time()
    try:
        p = subprocess.run([sys.executable, '-c', pretrain_call(a.run, ov, a.n_images, a.device)], env=env,
                           timeout=max(10, a.budget - (time.time() - T0) - 15))
        status = f'finished (exit {p.returncode})'
    except subprocess.TimeoutExpired:
        status = 'stopped by the time budget (the checkpoint holds the last finished stage)'
    print(f"[{time.time() - T0:.0f} s] main run {status} after {time.time() - t:.0f} s")

    # 3. bring back what it wrote
    sh = a.run / '_shared'
    if (sh / 'checkpoint.pt').exists():
        data, k = (sh / 'checkpoint.pt').read_bytes(), 0
        for k, i in enumerate(range(0, len(data), 15 << 20)):
            (a.out / f'checkpoint.pt.part{k}').write_bytes(data[i:i + (15 << 20)])
    if (sh / 'metrics.jsonl').exists():
        with gzip.open(a.out / 'metrics.jsonl.gz', 'wb') as g: g.write((sh / 'metrics.jsonl').read_bytes())
    rd = lambda f_: (a.run / f_).read_text() if (a.run / f_).exists() else None
    summary = json.loads(rd('summary.json')) if rd('summary.json') else None
    (a.out / 'run.json').write_text(json.dumps({'plan': plan, 'status': status, 'wall_s': round(time.time() - T0),
                                                'summary': summary, 'config_yaml': rd('config.yaml')}, indent=1))
    print(f"[{time.time() - T0:.0f} s] copied to {a.out}: {sorted(p.name for p in a.out.iterdir())}")


if __name__ == '__main__':
    main()
