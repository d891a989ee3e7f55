"""Session 25: one table from step3_first.py traces: SIDE / MAD at the start, after 1, 10 and the last iteration, per variant.

    python bench/results/s25/first_table.py runs/s25/first_w_*.jsonl [--at 1,10,100]
"""
import sys, json, statistics as st
at = [1, 10, 100]
files = [f for f in sys.argv[1:] if not f.startswith('--')]
for f in sys.argv[1:]:
    if f.startswith('--at='): at = [int(x) for x in f[5:].split(',')]
rows, ends = [], {}
for f in files:
    lines = [json.loads(l) for l in open(f) if l.strip()]
    if not lines: continue
    head = lines[0]
    for l in lines[1:]:
        tr = l['trace']
        cells = [f"{tr[str(k)]['score'][0]:.3f} / {tr[str(k)]['score'][1]:.2f}" if str(k) in tr else '–' for k in at]
        rows.append(f"| {head['image']} | {head['seed']} | {head['start'][0]:.3f} / {head['start'][1]:.2f} | {l['variant']} | " + ' | '.join(cells) + ' |')
        last = tr[str(max(int(k) for k in tr))]['score']
        ends.setdefault(l['variant'], []).append((last[0], last[1], head['start'][0], head['start'][1]))
print('| image | seed | start (after step 2) | variant | ' + ' | '.join(f'iter {k}' for k in at) + ' |')
print('|---|---|---|---|' + '---|' * len(at))
print('\n'.join(rows))
print()
for v, e in ends.items():
    n = len(e)
    print(f"{v}: n {n}, end SIDE {st.mean(x[0] for x in e):.3f}, MAD {st.mean(x[1] for x in e):.2f} (sd {st.pstdev([x[1] for x in e]):.2f}); "
          f"start {st.mean(x[2] for x in e):.3f} / {st.mean(x[3] for x in e):.2f}; below start in MAD {sum(x[1] < x[3] for x in e)}/{n}")
