"""Write README.md from nbs/index.ipynb with nbconvert (Quarto, which nbdev_readme needs, is not available).

Usage: python tools/make_readme.py [--check]   (--check exits 1 if README.md is out of date)
"""
import sys
from pathlib import Path
import nbformat
from nbconvert import MarkdownExporter

root = Path(__file__).resolve().parent.parent


def render_readme():
    "The README text that nbs/index.ipynb produces (its `#|` directive lines removed)."
    nb = nbformat.read(root/'nbs'/'index.ipynb', as_version=4)
    for c in nb.cells:
        if c.cell_type == 'code':
            c.source = '\n'.join(l for l in c.source.split('\n') if not l.startswith('#|')).strip('\n')
            c.outputs = [o for o in c.outputs if o.get('output_type') == 'stream']
    nb.cells = [c for c in nb.cells if c.source.strip()]
    body, _ = MarkdownExporter().from_notebook_node(nb)
    head = '<!-- generated from nbs/index.ipynb by tools/make_readme.py: edit the notebook, not this file -->\n\n'
    return head + body.strip() + '\n'


if __name__ == '__main__':
    text = render_readme()
    target = root/'README.md'
    if '--check' in sys.argv:
        ok = target.exists() and target.read_text() == text
        print('README.md is up to date' if ok else 'README.md is stale: run python tools/make_readme.py')
        sys.exit(0 if ok else 1)
    target.write_text(text)
    print(f'wrote {target}')
