"""Render notebooks to a browsable, self-contained HTML site (`make docs`): docs/_site/ with an index page.

Quarto is not available here, so this is nbconvert: each notebook is executed in its own folder (widget state kept,
plotly figures written with plotly.js inline, so the pages work offline), exported with the `lab` template, and
linked from `index.html`. Usage:

    python tools/make_docs.py                       # tutorials, experiments (smoke size) and the numbered notebooks
    python tools/make_docs.py --only tutorials      # one group (tutorials, experiments, numbered)
    python tools/make_docs.py --out /tmp/site nbs/tutorials/01_depth_to_image.ipynb   # given notebooks only
"""
from __future__ import annotations
import argparse, html, json, os, sys, time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GROUPS = {'tutorials': 'nbs/tutorials/*.ipynb', 'experiments': 'nbs/experiments/*.ipynb', 'numbered': 'nbs/[0-9]*.ipynb'}

def title_of(nb) -> str:
    "The first markdown heading of a notebook (its title)."
    for c in nb.cells:
        if c.cell_type == 'markdown':
            for line in c.source.splitlines():
                if line.startswith('# '): return line[2:].strip()
    return ''

def render(path:Path, out_dir:Path, timeout:int=900) -> tuple: # → (html file, title, seconds)
    "Execute one notebook in its folder and write it as self-contained HTML into out_dir."
    import nbformat
    from nbclient import NotebookClient
    from nbconvert import HTMLExporter
    nb = nbformat.read(path, as_version=4)
    t0 = time.time()
    old = os.environ.get('PLOTLY_RENDERER')
    os.environ['PLOTLY_RENDERER'] = 'plotly_mimetype+notebook'   # the kernel inherits it: figures carry plotly.js inline
    try:
        NotebookClient(nb, timeout=timeout, kernel_name='python3', resources={'metadata': {'path': str(path.parent)}},
                       store_widget_state=True).execute()
    finally:
        if old is None: os.environ.pop('PLOTLY_RENDERER', None)
        else: os.environ['PLOTLY_RENDERER'] = old
    body, _ = HTMLExporter(template_name='lab', embed_images=True).from_notebook_node(nb)
    rel = path.relative_to(ROOT/'nbs') if path.is_relative_to(ROOT/'nbs') else Path(path.name)
    dest = out_dir/rel.with_suffix('.html')
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix('.html.tmp'); tmp.write_text(body, encoding='utf-8'); tmp.replace(dest)
    return dest, title_of(nb) or path.stem, time.time() - t0

def build(notebooks:list, out_dir:str|Path) -> Path:
    "Render `notebooks` into out_dir and write out_dir/index.html linking them; returns the index path."
    out_dir = Path(out_dir); out_dir.mkdir(parents=True, exist_ok=True)
    rows = []
    for p in notebooks:
        p = Path(p).resolve()
        dest, title, secs = render(p, out_dir)
        print(f"{p.relative_to(ROOT) if p.is_relative_to(ROOT) else p}: {secs:.0f} s -> {dest}", flush=True)
        rows.append((dest.relative_to(out_dir).as_posix(), title, p.parent.name))
    items = ''.join(f'<li><a href="{html.escape(h)}">{html.escape(t)}</a> <small>({html.escape(g)})</small></li>' for h, t, g in rows)
    index = out_dir/'index.html'
    index.write_text(f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>gan2shape</title></head><body>'
                     f'<h1>gan2shape</h1><p>Tutorials, experiments and the numbered notebooks, executed and rendered.</p>'
                     f'<ul>{items}</ul></body></html>', encoding='utf-8')
    return index

def main(argv=None):
    a = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    a.add_argument('notebooks', nargs='*', help='notebooks to render (default: the groups)')
    a.add_argument('--only', choices=list(GROUPS), action='append', help='render only this group (repeatable)')
    a.add_argument('--out', default=str(ROOT/'docs'/'_site'), help='the site folder')
    args = a.parse_args(argv)
    nbs = [Path(n) for n in args.notebooks] or [p for g in (args.only or GROUPS) for p in sorted(ROOT.glob(GROUPS[g]))]
    print(build(nbs, args.out))

if __name__ == '__main__': main()
