"""Session 22: where does GAN2X's specular intensity go? GAN2X fits of specular benchmark images with the head's mean k_s
at the start and at the end.

    GAN2SHAPE_DATA=runs/dataspec [PRESET=synface64] python bench/results/s22/ks_probe.py K0 STEMS SEEDS [ORACLE] [key=value ...]

K0 > 0 starts netS low (a fixed shift before its tanh so that k_s starts near K0); STEMS and SEEDS are comma lists;
ORACLE gives step 3 the oracle pool (true specular renderings) instead of the method's; key=value are config overrides.
runs/dataspec is a data folder holding the candidate specular GAN and its benchmark (README §4).
"""
import sys, json, math, torch, torch.nn as nn
import gan2shape.study as study
from gan2shape.config import apply_overrides, method_overrides
from gan2shape.core import scratch_dir
K0 = float(sys.argv[1]); names = sys.argv[2].split(','); seeds = [int(x) for x in sys.argv[3].split(',')]; sets = [x for x in sys.argv[4:] if x != 'ORACLE']; oracle = 'ORACLE' in sys.argv[4:]
class ShiftTanh(nn.Module):
    def __init__(self, b): super().__init__(); self.register_buffer('b', torch.tensor(b).view(1, -1, 1, 1))
    def forward(self, y): return torch.tanh(y + self.b)
orig = study.fresh_networks
def patched(*a, **k):
    r = orig(*a, **k); nets = r[0] if isinstance(r, tuple) else r
    if 'netS' in nets and K0 > 0: nets['netS'].network[-1] = ShiftTanh([math.atanh(2 * K0 - 1), 0.0])
    return r
study.fresh_networks = patched
import os; st = study.Study(os.environ.get('PRESET', 'synface64-quick'), 'cpu', 'synface64spec')
def measure(s, tgt, rec):
    m = (tgt.mask > 0.5).float()[:, 0]
    ks = rec.comp.spec[:1, 0]
    return {'k_s_end': float((ks * m).sum() / m.sum())}
for n in names:
    for sd in seeds:
        cfg = apply_overrides(apply_overrides(st.config(None, sd), method_overrides('gan2x', refine=False)), sets)
        s = st.setup(cfg)
        with torch.no_grad(): k_init = (s.nets['netS'](st.target(n).image) / 2 + 0.5)[:, 0].mean().item()
        r = st.fit(n, cfg, scratch_dir()/f'ks_{n}_{sd}', measure=measure, pool_source=study.oracle_source(n, domain='synface64spec') if oracle else None)
        print(json.dumps({'k0': K0, 'sets': sets, 'oracle': oracle, 'image': n, 'seed': sd, 'k_s_init': round(k_init, 3), 'SIDE': round(r['SIDE_e2'], 3), 'MAD': round(r['MAD_deg'], 2), 'k_s_end': round(r['k_s_end'], 4), 'seconds': round(r['seconds'])}), flush=True)
