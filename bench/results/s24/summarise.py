"""Session 24: the §6 tables of issue 11 from the shape-benchmark runs (per image, then mean ± std and change vs the prior).

    python bench/results/s24/summarise.py ROW CSV_OR_RUN_DIR ...

Each argument is a shape_benchmark `metrics.csv`, or a run folder `.../ROW_ellipsoid_sSEED/` of a notebook that stopped
before writing its table (its images' final scores are read from `IMAGE/metrics.jsonl`; their prior-alone scores must
then come from another CSV of the same images, or from `--prior IMAGE=SIDE,MAD`).
"""
import sys, csv, json, statistics as st
from pathlib import Path

row, srcs = sys.argv[1], sys.argv[2:]
prior, res = {}, {}
for a in srcs:
    if a.startswith('--prior='):
        im, v = a[8:].split('='); prior[im] = tuple(map(float, v.split(','))); continue
    p = Path(a)
    if p.suffix == '.csv':
        for r in csv.DictReader(open(p)):
            if r['row'] == 'prior': prior[r['image']] = (float(r['SIDE_e2']), float(r['MAD_deg']))
            if r['row'] == row: res[(r['image'], int(r['seed']))] = (float(r['SIDE_e2']), float(r['MAD_deg']))
    else:
        seed = int(p.name.rsplit('_s', 1)[1])
        for m in sorted(p.glob('*/metrics.jsonl')):
            ev = [json.loads(l) for l in open(m) if '"step3"' in l and '"eval": true' in l]
            if ev: res[(m.parent.name, seed)] = (ev[-1]['side_e2'], ev[-1]['mad_deg'])
ims = sorted({i for i, _ in res})
print(f"| image | prior | {row}, seed 0 | {row}, seed 1 |\n|---|---|---|---|")
for i in ims:
    cells = [f"{res[(i, s)][0]:.3f} / {res[(i, s)][1]:.2f}" if (i, s) in res else '–' for s in (0, 1)]
    print(f"| {i} | {prior[i][0]:.3f} / {prior[i][1]:.2f} | {cells[0]} | {cells[1]} |")
runs = [(i, s) for i, s in res]
for k, name in ((0, 'SIDE ×10⁻²'), (1, 'MAD °')):
    r = [res[x][k] for x in runs]; pr = [prior[i][k] for i, _ in runs]
    print(f"{name}: {row} {st.mean(r):.3f} ± {st.stdev(r):.3f} over {len(r)} runs; prior {st.mean(pr):.3f}; "
          f"change {100 * (st.mean(r) / st.mean(pr) - 1):+.1f} %; runs below their prior {sum(a < b for a, b in zip(r, pr))}/{len(r)}")
