"""Milliseconds per iteration of each GAN2Shape step on the embedded domain, and the seconds of a whole instance schedule.

Run: python bench/steps.py [--preset synface64] [--threads 2] [--repeats 10] [--lam-perc 0 0.5] [--schedule]

For each λ_perc given: the prior pre-training, step 1, step 2 and step 3 (forward, backward and the Adam update, N_p and
flips of the preset's first stage), collecting one pool batch, and the estimated seconds of the preset's whole schedule
(iterations × the medians, plus collecting). With λ_perc = 0 the perceptual network is never run (gan2shape.steps);
the 0.5 row shows what it costs when it is. `--schedule` also times the real schedule end to end on benchmark image
000000 (`train.fit`, progress bars off). Times are medians over `--repeats` after two warm-up iterations; the load
average is printed because other processes on the machine distort wall time.
"""
import argparse, os, statistics, tempfile, time
from dataclasses import replace
import torch
from gan2shape.config import resolve_config
from gan2shape.core import data_dir
from gan2shape.reconstruct import build_setup, prepare_target
from gan2shape.steps import decompose, canonical_mask, step1, step2, step3, collect_pool, prior_loss
from gan2shape.train import make_optimizer, fit, _config_prior


def median_ms(fn, repeats, warmup=2):
    for _ in range(warmup): fn()
    ts = []
    for _ in range(repeats):
        t0 = time.perf_counter(); fn(); ts.append(time.perf_counter() - t0)
    return 1e3 * statistics.median(ts)


def train_iter(s, phase, loss_fn):
    opt = make_optimizer(s, phase)
    def it():
        loss = loss_fn()
        opt.zero_grad(set_to_none=True); loss.backward(); opt.step()
    return it


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--preset', default='synface64'); ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--repeats', type=int, default=10); ap.add_argument('--lam-perc', type=float, nargs='+', default=[0.0, 0.5])
    ap.add_argument('--init-ckpt', default=None, help='override run.init_ckpt (e.g. data:synface64/pretrain.pt)')
    ap.add_argument('--schedule', action='store_true', help='also time the whole schedule on image 000000')
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    root = data_dir()/'synface64'/'benchmark'
    print(f'torch {torch.__version__}, {a.threads} thread(s), load average {os.getloadavg()[0]:.2f}, preset {a.preset}')
    for lam in a.lam_perc:
        cfg = resolve_config(preset=a.preset)
        cfg = replace(cfg, loss=replace(cfg.loss, lam_perc=lam))
        if a.init_ckpt: cfg = replace(cfg, run=replace(cfg.run, init_ckpt=a.init_ckpt))
        s = build_setup(cfg, 'cpu')
        tgt, _ = prepare_target(s, root/'image/000000.png', root/'latents/000000.pt', progress=False)
        stg = cfg.schedule.stage_list()[0]
        g = torch.Generator().manual_seed(0)
        with torch.no_grad():
            comp = decompose(s, tgt.image, tgt.mask); cm = canonical_mask(s, comp, tgt.mask)
        prior = _config_prior(s, tgt)
        pool = collect_pool(s, tgt, comp, cm, stg.n_proj, 4, g)
        ms = {'prior': median_ms(train_iter(s, 'prior', lambda: prior_loss(s, tgt.image, prior)), a.repeats),
              'step1': median_ms(train_iter(s, 'step1', lambda: step1(s, tgt, flip=stg.flip1)[0]), a.repeats),
              'step2': median_ms(train_iter(s, 'step2', lambda: step2(s, tgt, comp, cm, stg.n_proj, g)[0]), a.repeats),
              'collect': median_ms(lambda: collect_pool(s, tgt, comp, cm, stg.n_proj, 1, g), a.repeats),
              'step3': median_ms(train_iter(s, 'step3', lambda: step3(s, tgt, *pool.batch(stg.n_proj, g), flip=stg.flip3)[0]), a.repeats)}
        sched = cfg.schedule.stage_list()
        n_prior = 0 if 'netD' in s.loaded else cfg.prior.pretrain_iters
        est = (n_prior * ms['prior'] + sum(st.iters[0] * ms['step1'] + st.iters[1] * ms['step2'] + st.iters[2] * ms['step3']
                                           + st.collect_iters * ms['collect'] for st in sched)) / 1e3
        print(f"λ_perc {lam}: N_p {stg.n_proj}, flip1 {stg.flip1}, flip3 {stg.flip3}; ms per iteration: " +
              ', '.join(f'{k} {v:.0f}' for k, v in ms.items()) +
              f"; schedule {cfg.schedule.step_totals} + prior {n_prior} + collect {sum(st.collect_iters for st in sched)}: ≈ {est:.0f} s")
        if a.schedule and lam == a.lam_perc[0]:
            s = build_setup(cfg, 'cpu')
            with tempfile.TemporaryDirectory() as d:
                t0 = time.perf_counter(); rec = fit(s, tgt, d, progress=False); wall = time.perf_counter() - t0
            print(f'  whole schedule on 000000: {wall:.0f} s wall (load average now {os.getloadavg()[0]:.2f})')


if __name__ == '__main__': main()
