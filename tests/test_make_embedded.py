"""Smoke test of tools/make_embedded.py on a tiny random StyleGAN2 and a tiny synthetic training set (a few seconds)."""
import importlib.util, math, re
from pathlib import Path
import numpy as np
import pytest
import torch

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope='module')
def me():
    spec = importlib.util.spec_from_file_location('make_embedded', ROOT/'tools'/'make_embedded.py')
    mod = importlib.util.module_from_spec(spec); spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope='module')
def world(tmp_path_factory):
    "A 12-sample training set (synth seed 0) and a tiny random 64 px StyleGAN2 checkpoint."
    from gan2shape.synth import write_synth
    from gan2shape.stylegan2 import Generator, Discriminator, save_stylegan2
    tmp = tmp_path_factory.mktemp('embedded')
    write_synth(tmp/'train', 12, seed=0, progress=False)
    torch.manual_seed(0)
    ch = {4: 16, 8: 16, 16: 8, 32: 8, 64: 8}
    save_stylegan2(tmp/'tiny.pt', Generator(64, style_dim=16, n_mlp=2, channels=ch), Discriminator(64, channels=ch))
    return tmp


def _run(me, capsys, *argv):
    torch.set_num_threads(1)
    assert me.main([str(a) for a in argv]) == 0
    return capsys.readouterr().out


def test_priors_benchmark_samples_quality(me, world, capsys):
    from gan2shape.invert import load_latent
    data, train, ck = world/'data', world/'train', world/'tiny.pt'
    out = _run(me, capsys, '--data', data, '--train', train, 'priors')
    assert (data/'synface64'/'view_mvn.pt').exists() and 'empirical mean' in out
    # benchmark: 2 images, 5 inversion steps
    out = _run(me, capsys, '--data', data, '--quiet', 'benchmark', '--gan', ck, '--n', '2', '--steps', '5', '--batch', '2')
    root = data/'synface64'/'benchmark'
    assert sorted(p.name for p in root.iterdir()) == ['depth', 'image', 'latents', 'list.txt', 'mask', 'meta.jsonl', 'synth_config.json']
    for nm in ('000000', '000001'): assert load_latent(root/'latents'/f'{nm}.pt', 16).shape == (1, 16)
    mean = re.search(r'^mean\s+([\d.]+)\s+([\d.]+)', out, re.M)
    assert mean and 0 < float(mean.group(1)) < 2 and float(mean.group(2)) > 0, out
    assert (data/'synface64'/'benchmark_inversion.png').exists()
    # idempotent: the rendered set is kept, the latents rewritten
    out = _run(me, capsys, '--data', data, '--quiet', 'benchmark', '--gan', ck, '--n', '2', '--steps', '5', '--batch', '1')
    assert 'already rendered' in out and len(list((root/'latents').glob('*.pt'))) == 2
    # loaded back in the original layout
    import gan2shape.embedded as E
    items = E.load_benchmark(root, latent_dim=16)
    assert len(items) == 2 and items[0]['image'].shape == (1, 3, 64, 64) and items[0]['latent'].shape == (1, 16)
    out = _run(me, capsys, '--data', data, 'samples', '--n', '2')
    assert sorted(p.name for p in (data/'samples').iterdir()) == ['synface64_000000.png', 'synface64_000001.png']
    # gan-quality with tiny sets
    q = ('--data', data, '--train', train, 'gan-quality', '--gan', ck, '--ref-ckpt', 'init', '--n-nn-train', '6',
         '--n-nn', '4', '--n-fd', '5', '--holdout-start', '6', '--cache', world/'cache')
    out = _run(me, capsys, *q)
    for f in ('stylegan2_samples.png', 'stylegan2_nearest.png'): assert (data/'synface64'/f).exists()
    fds = [float(x) for x in re.findall(r': (-?[\d.]+(?:e[-+]?\d+)?|nan|inf)$', out, re.M)]
    assert len(fds) == 3 and all(math.isfinite(x) and x >= -1e-6 for x in fds), out
    assert 'ratio of medians' in out
    assert len(list((world/'cache').glob('*.pt'))) == 2          # the real features are cached …
    assert _run(me, capsys, *q).splitlines()[-6:-2] == out.splitlines()[-6:-2]   # … and give the same figures


def test_frechet_and_nn(me):
    g = torch.Generator().manual_seed(0)
    a = torch.randn(400, 3, generator=g, dtype=torch.float64)
    assert me.frechet(a, a) == pytest.approx(0, abs=1e-6)
    # two Gaussians with known moments: FD = |Δμ|² + Σ (σ1 − σ2)² for diagonal covariances
    b = a * 2 + 1
    c1, c2 = a.var(0), b.var(0)
    want = ((a.mean(0) - b.mean(0)) ** 2).sum() + ((c1.sqrt() - c2.sqrt()) ** 2).sum()
    assert me.frechet(a, b) == pytest.approx(want.item(), rel=1e-6)
    # against scipy's general matrix square root on a non-diagonal case
    from scipy import linalg
    c = a @ torch.tensor([[1., .5, 0], [0, 1, .3], [.2, 0, 1]], dtype=torch.float64) + 0.3
    m1, m2, c1, c2 = a.mean(0).numpy(), c.mean(0).numpy(), np.cov(a.numpy(), rowvar=False), np.cov(c.numpy(), rowvar=False)
    ref = ((m1 - m2) ** 2).sum() + np.trace(c1 + c2 - 2 * linalg.sqrtm(c1 @ c2).real)
    assert me.frechet(a, c) == pytest.approx(ref, rel=1e-8)
    q, ref = torch.zeros(2, 1, 2, 2), torch.stack([torch.ones(1, 2, 2), torch.full((1, 2, 2), 0.5)])
    d, i = me.nn_dist(q, ref)
    assert i.tolist() == [1, 1] and d.tolist() == pytest.approx([0.5, 0.5])
    p, t = torch.zeros(1, 1, 2, 2), torch.zeros(1, 1, 2, 2)
    p[..., 0, :] = 1; t[..., :, 0] = 1
    assert me.iou(p, t).item() == pytest.approx(1 / 3)


def test_cached_target_is_the_same_distance(me):
    "The inversion's perceptual wrapper (target features computed once) gives stlpips' distances and gradients."
    from gan2shape.perceptual import perceptual_distance
    torch.set_num_threads(1)
    lp = perceptual_distance('stlpips')
    g = torch.Generator().manual_seed(0)
    x = (torch.rand(2, 3, 64, 64, generator=g) * 2 - 1).requires_grad_(True)
    y = torch.rand(2, 3, 64, 64, generator=g) * 2 - 1
    ct = me.CachedTarget(lp)
    d1 = ct(x, y); d1b = ct(x, y)                   # second call uses the cached features
    (gx1,) = torch.autograd.grad(d1b.sum(), x)
    d2 = lp(x, y); (gx2,) = torch.autograd.grad(d2.sum(), x)
    assert torch.allclose(d1, d2, atol=1e-6) and torch.allclose(d1b, d2, atol=1e-6)
    assert torch.allclose(gx1, gx2, atol=1e-7, rtol=1e-4)
    assert not torch.allclose(ct(x, y.flip(-1)), d2)   # a new target tensor is not served from the cache


def test_vl_selfsup(me, world, capsys):
    "The label-free view/light start: trains on the first images of the list, scores the held-out end against its labels."
    data, train = world/'data_vl', world/'train'
    out = _run(me, capsys, '--data', data, '--train', train, '--quiet', 'vl-selfsup', '--iters', '3', '--batch', '4', '--n-holdout', '4')
    ck = torch.load(data/'synface64'/'vl_selfsup.pt', weights_only=False)
    assert {'netV', 'netL'} <= set(ck) and 'netD' not in ck and ck['iteration'] == 3
    assert 'read 8 training images' in out and 'held-out images 8–11' in out, out
    assert len(re.findall(r'slope -?[\d.]+ \(corr -?[\d.]+\)', out)) == 4, out
    with pytest.raises(SystemExit, match='n-holdout'):
        me.main(['--data', str(data), '--train', str(train), 'vl-selfsup', '--n-holdout', '12'])
