"""Turn a percent-format draft (`# %%` code cells, `# %% [markdown]` prose cells) into a notebook.

Usage: python tools/py2nb.py draft.py nbs/01_camera.ipynb [--execute]
The notebook is the source of truth afterwards; the draft is a writing convenience only.
"""
import json, re, subprocess, sys
from pathlib import Path


def parse(text):
    "Split percent-format text into (kind, source) cells."
    cells, kind, buf, tags = [], None, [], []
    def flush():
        if kind is None: return
        src = '\n'.join(buf).strip('\n')
        if kind == 'markdown':
            src = '\n'.join(re.sub(r'^# ?', '', l) for l in src.split('\n'))
        if src.strip(): cells.append((kind, src, tags))
    for line in text.split('\n'):
        m = re.match(r'^# %%(.*)$', line)
        if m:
            flush(); buf = []
            kind = 'markdown' if '[markdown]' in m.group(1) else 'code'
            t = re.search(r'tags=\[([^\]]*)\]', m.group(1))
            tags = [x.strip().strip('"\'') for x in t.group(1).split(',')] if t else []
        else:
            if kind is None: kind = 'code'
            buf.append(line)
    flush()
    return cells


def to_nb(cells):
    out = []
    for i, (kind, src, tags) in enumerate(cells):
        lines = src.split('\n')
        source = [l + '\n' for l in lines[:-1]] + [lines[-1]]
        c = {'cell_type': kind, 'id': f'c{i:03d}', 'metadata': {'tags': tags} if tags else {}, 'source': source}
        if kind == 'code': c.update(execution_count=None, outputs=[])
        out.append(c)
    return {'cells': out, 'metadata': {'kernelspec': {'display_name': 'python3', 'language': 'python', 'name': 'python3'}},
            'nbformat': 4, 'nbformat_minor': 5}


if __name__ == '__main__':
    src, dst = Path(sys.argv[1]), Path(sys.argv[2])
    dst.write_text(json.dumps(to_nb(parse(src.read_text())), indent=1) + '\n')
    if '--execute' in sys.argv:
        subprocess.run([sys.executable, '-m', 'jupyter', 'nbconvert', '--to', 'notebook', '--execute', '--inplace',
                        '--ExecutePreprocessor.timeout=1200', str(dst.resolve())], check=True, cwd=dst.resolve().parent)
    print(f'wrote {dst}')
