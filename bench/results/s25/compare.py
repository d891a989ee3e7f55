"""Session 25: end-of-step-3 SIDE / MAD per run and variant, from step3_first.py traces, with the prior drawn on each face.

    python bench/results/s25/compare.py TRACES... [--variants adam,warmup10,adam+noborder,warmup10+noborder]
"""
import sys, json, statistics as st
PRIOR = {'000000': (0.783, 22.20), '000001': (0.859, 25.89), '000002': (1.110, 26.81), '000003': (0.935, 25.36),   # session 24's table
         '000004': (0.762, 20.30), '000005': (1.211, 31.38), '000006': (1.049, 25.89), '000007': (1.368, 34.74)}
files = [f for f in sys.argv[1:] if not f.startswith('--')]
vs = next((f.split('=')[1] for f in sys.argv[1:] if f.startswith('--variants=')), 'adam,warmup10,adam+noborder,warmup10+noborder').split(',')
runs = {}
for f in files:
    L = [json.loads(l) for l in open(f) if l.strip()]
    if not L: continue
    h = L[0]; key = (h['image'], h['seed'])
    runs.setdefault(key, {})['start'] = h['start'][:2]
    for l in L[1:]:
        tr = l['trace']; runs[key][l['variant']] = tr[str(max(int(k) for k in tr))]['score'][:2]
print('| image | seed | prior | start | ' + ' | '.join(vs) + ' |'); print('|---|---|---|---|' + '---|' * len(vs))
full = [k for k in sorted(runs) if all(v in runs[k] for v in vs)]
for k in sorted(runs):
    r = runs[k]; p = PRIOR[k[0]]
    print(f'| {k[0]} | {k[1]} | {p[0]:.3f} / {p[1]:.2f} | {r["start"][0]:.3f} / {r["start"][1]:.2f} | ' +
          ' | '.join(f'{r[v][0]:.3f} / {r[v][1]:.2f}' if v in r else '–' for v in vs) + ' |')
ps = [PRIOR[k[0]] for k in full]
mp = (st.mean(p[0] for p in ps), st.mean(p[1] for p in ps))
print(f'\nover the {len(full)} runs with every variant: prior {mp[0]:.3f} / {mp[1]:.2f}')
for v in vs:
    x = [runs[k][v] for k in full]
    m = (st.mean(a[0] for a in x), st.mean(a[1] for a in x))
    below = sum(a[1] < PRIOR[k[0]][1] for a, k in zip(x, full))
    print(f'{v}: {m[0]:.3f} / {m[1]:.2f} (SIDE {100 * (m[0] / mp[0] - 1):+.1f} %, MAD {100 * (m[1] / mp[1] - 1):+.1f} %), '
          f'median MAD {st.median(a[1] for a in x):.2f}, sd {st.pstdev([a[1] for a in x]):.2f}, below the prior in MAD {below}/{len(x)}')
