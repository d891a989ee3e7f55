"""Session 19's tables from the run folders: the prior row (from each papermill log) and every trained run's final score and step-3 start.

Run: python bench/results/s19/summarise.py runs/s19half [runs/s19pl]
"""
import ast, glob, json, statistics as st, sys
from pathlib import Path

S12 = Path(__file__).resolve().parent.parent/'shape_benchmark_full_ellipsoid_2seeds_s12.json'   # the prior rows of images 0-3

def table(root):
    priors = {r['image']: (r['SIDE_e2'], r['MAD_deg']) for r in json.loads(S12.read_text()) if r['row'] == 'prior'}
    for nb in glob.glob(f'{root}/*.ipynb'):        # the papermill output notebooks print every record
        text = ''.join(''.join(o.get('text', '')) for c in json.load(open(nb))['cells'] for o in c.get('outputs', []))
        for line in text.splitlines():
            if line.startswith("{'image'") and "'row': 'prior'" in line:
                r = ast.literal_eval(line.strip()); priors[r['image']] = (r['SIDE_e2'], r['MAD_deg'])
    rows = []
    for f in sorted(glob.glob(f'{root}/*/*_s*/*/metrics.jsonl')):
        recs = [json.loads(l) for l in open(f)]
        ev = [r for r in recs if r.get('eval')]
        if not ev or ev[-1]['phase'] != 'step3': continue          # unfinished
        s3 = [r for r in recs if r.get('phase') == 'step3' and 'input_l1' in r]
        at = {r['iter']: r for r in s3}
        img, seed = Path(f).parent.name, Path(f).parent.parent.name.rsplit('_s', 1)[1]
        rows.append(dict(image=img, seed=int(seed), prior=priors.get(img), side=ev[-1]['side_e2'], mad=ev[-1]['mad_deg'],
                         l1_0=at[0]['input_l1'], l1_10=at[10]['input_l1'], l1_end=s3[-1]['input_l1']))
    return rows

for root in sys.argv[1:]:
    rows = table(root)
    print(f'## {root}\n\n| image | seed | prior SIDE / MAD | result SIDE / MAD | step-3 input L1: start → it. 10 → end |\n|---|---|---|---|---|')
    for r in rows:
        p = r['prior']
        print(f"| {r['image']} | {r['seed']} | {p[0]:.3f} / {p[1]:.2f} | {r['side']:.3f} / {r['mad']:.2f} | {r['l1_0']:.3f} → {r['l1_10']:.3f} → {r['l1_end']:.3f} |")
    rs = [r for r in rows if r['prior']]
    ps, pm = st.mean(r['prior'][0] for r in rs), st.mean(r['prior'][1] for r in rs)
    s, m = st.mean(r['side'] for r in rs), st.mean(r['mad'] for r in rs)
    print(f"\n{len(rs)} runs on {len({r['image'] for r in rs})} images: prior {ps:.3f} / {pm:.2f}°, result {s:.3f} ± {st.stdev(r['side'] for r in rs):.3f} / "
          f"{m:.2f} ± {st.stdev(r['mad'] for r in rs):.2f}°: SIDE {100 * (s / ps - 1):+.1f} %, MAD {100 * (m / pm - 1):+.1f} %; "
          f"better than the prior in SIDE {sum(r['side'] < r['prior'][0] for r in rs)}/{len(rs)}, MAD {sum(r['mad'] < r['prior'][1] for r in rs)}/{len(rs)}; "
          f"median MAD {st.median(r['mad'] for r in rs):.2f}°\n")
