"""Session 20's tables from `gan2shape reconstruct` run folders (one folder per image and seed, as /tmp/w/half.sh wrote them).

Run: python bench/results/s20/summarise.py 'RUNS/ax_*' ['RUNS/nf_*' ...]   (one glob per variant, quoted)

Per run: the prior's and the final SIDE ×10⁻² / MAD, the fit's seconds, step 3's input L1 at its first, tenth and last
iteration, the mirrored input L1 at step 3's start and (flip_axis 'mask') the mirror line's offset from the centre column
at the first and last iteration. Per variant: means, the change against the prior, how many runs beat it, the worst MAD.
"""
import glob, json, statistics as st, sys

def runs(pattern):
    out = []
    for f in sorted(glob.glob(f'{pattern}/*/metrics.json')):
        d = json.load(open(f))
        if not d.get('finished'): continue
        recs = [json.loads(l) for l in open(f.replace('metrics.json', 'metrics.jsonl'))]
        s3 = [r for r in recs if r['phase'] == 'step3' and not r.get('eval')]
        out.append(dict(run=f.split('/')[-3], image=d['name'], prior=(d['prior_side_e2'], d['prior_mad_deg']),
                        side=d['side_e2'], mad=d['mad_deg'], sec=d['fit_seconds'],
                        l1=(s3[0]['input_l1'], s3[min(10, len(s3) - 1)]['input_l1'], s3[-1]['input_l1']),
                        flip0=s3[0].get('input_l1_flip'), axis=(s3[0].get('input_flip_axis_px'), s3[-1].get('input_flip_axis_px'))))
    return out

for pat in sys.argv[1:]:
    rows = runs(pat)
    print(f'## {pat}')
    for r in rows:
        ax = '' if r['axis'][0] is None else f"  mirror line {r['axis'][0]:+.1f} → {r['axis'][1]:+.1f} px"
        fl = '' if r['flip0'] is None else f"  mirrored L1 at start {r['flip0']:.3f}"
        print(f"{r['run']:16s} {r['image']}  prior {r['prior'][0]:.3f} / {r['prior'][1]:.2f}  result {r['side']:.3f} / {r['mad']:.2f}"
              f"  {r['sec']:.0f} s  step-3 input L1 {r['l1'][0]:.3f} → {r['l1'][1]:.3f} → {r['l1'][2]:.3f}{fl}{ax}")
    if rows:
        ps, pm = st.mean(r['prior'][0] for r in rows), st.mean(r['prior'][1] for r in rows)
        s, m = [r['side'] for r in rows], [r['mad'] for r in rows]
        print(f"{len(rows)} runs: prior {ps:.3f} / {pm:.2f}, result {st.mean(s):.3f} ± {st.pstdev(s):.3f} / {st.mean(m):.2f} ± {st.pstdev(m):.2f}: "
              f"SIDE {100 * (st.mean(s) / ps - 1):+.1f} %, MAD {100 * (st.mean(m) / pm - 1):+.1f} %; better than the prior in SIDE "
              f"{sum(r['side'] < r['prior'][0] for r in rows)}/{len(rows)}, MAD {sum(r['mad'] < r['prior'][1] for r in rows)}/{len(rows)}; "
              f"median MAD {st.median(m):.2f}, worst {max(m):.2f}\n")
