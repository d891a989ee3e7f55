"""The ground-truth ("oracle") pool of the session 3-11 study scripts: renderings of a benchmark face itself, from
views and lights drawn like the synthetic domain's, in place of step 2's GAN projections."""
import json
import torch
from gan2shape.core import data_dir
from gan2shape.synth import SynthCfg, sample_face_params, sample_view_light, render_faces
from gan2shape.steps import Pool

def oracle_pool(stem:str, n:int, g:torch.Generator, with_mask:bool=True) -> Pool:
    "n renderings of benchmark face `stem` (its own synthesis parameters) from views and lights drawn with `g`."
    root = data_dir()/'synface64'/'benchmark'
    seed = json.loads((root/'synth_config.json').read_text())['seed']
    params = sample_face_params(torch.Generator().manual_seed(seed * 1_000_003 + int(stem)))
    v, l = sample_view_light(n, g, SynthCfg())
    b = render_faces([params] * n, v, l, SynthCfg())
    return Pool(b.image, b.mask[:, None] if with_mask else torch.ones_like(b.mask[:, None]))

def oracle_source(stem:str, with_mask:bool=True):
    "A `pool_source` for `fit`: each stage's pool holds n_proj × collect_iters oracle renderings."
    return lambda k, stg, g, tgt=None: oracle_pool(stem, stg.n_proj * stg.collect_iters, g, with_mask)
