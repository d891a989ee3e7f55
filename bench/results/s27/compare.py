"""Session 27: the end scores of bg_hinge.py runs, one column per trace family, and the means (issue 11).

    python bench/results/s27/compare.py hinge_l0_d2 hinge_face_l100_d2 [...]   # families under traces/
"""
import json, sys
from pathlib import Path
here = Path(__file__).parent/'traces'
fams = sys.argv[1:]
rows = {}
for f in fams:
    for p in sorted(here.glob(f'{f}_*.jsonl')):
        key = p.stem[len(f) + 1:]
        last = [json.loads(l) for l in p.read_text().splitlines() if l.startswith('{"trained"')]
        if last: rows.setdefault(key, {})[f] = last[-1]['final']
keys = [k for k in rows if all(f in rows[k] for f in fams)]
print('| run | ' + ' | '.join(fams) + ' |'); print('|---' * (len(fams) + 1) + '|')
for k in keys: print(f'| {k} | ' + ' | '.join(f'{rows[k][f][0]:.3f} / {rows[k][f][1]:.2f}' for f in fams) + ' |')
n = len(keys)
print(f'| mean of {n} | ' + ' | '.join(f'{sum(rows[k][f][0] for k in keys) / n:.3f} / {sum(rows[k][f][1] for k in keys) / n:.2f}' for f in fams) + ' |')
