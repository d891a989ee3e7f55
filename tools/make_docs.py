"""Render notebooks to a browsable, self-contained HTML site (`make docs`): docs/_site/ with an index page.

Quarto is not available here, so this is nbconvert: each notebook is executed in its own folder (widget state kept,
plotly figures written with plotly.js inline), exported with the `lab` template, and linked from `index.html`.

The site needs no network to be read. nbconvert's pages load require.js, MathJax 2 and the Jupyter widgets' HTML
manager from CDNs; here they come from the npm registry instead, fetched once with `npm pack` into a cache
(`$XDG_CACHE_HOME/gan2shape/web`, else `~/.cache/gan2shape/web`), and the files a page uses are copied to
`_site/_static/`, which every page links relatively. `--cdn` keeps nbconvert's CDN addresses (no npm needed; the pages
then need a network for equations and widgets). Usage:

    python tools/make_docs.py                       # tutorials, experiments (smoke size) and the numbered notebooks
    python tools/make_docs.py --only tutorials      # one group (tutorials, experiments, numbered)
    python tools/make_docs.py --out /tmp/site nbs/tutorials/01_depth_to_image.ipynb   # given notebooks only
"""
from __future__ import annotations
import argparse, fnmatch, html, json, os, re, shutil, subprocess, sys, tarfile, tempfile, time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GROUPS = {'tutorials': 'nbs/tutorials/*.ipynb', 'experiments': 'nbs/experiments/*.ipynb', 'numbered': 'nbs/[0-9]*.ipynb'}

# npm package → the files a rendered page loads (relative to the package root: a glob within one folder, or 'dir/**')
WEB_ASSETS = {
    'requirejs@2.3.8': ['require.js'],
    '@jupyter-widgets/html-manager@1.0.15': ['dist/embed-amd.js', 'dist/*.woff', 'dist/*.woff2'],
    'mathjax@2.7.9': ['MathJax.js', 'config/TeX-AMS_CHTML-full.js', 'config/Safe.js', 'extensions/*.js', 'extensions/TeX/**',
                      'jax/input/TeX/**', 'jax/element/**', 'jax/output/CommonHTML/**', 'fonts/HTML-CSS/TeX/woff/**'],
}

def asset_dir(spec:str) -> str:
    "The folder of one npm package's files under _static/ ('@jupyter-widgets/html-manager@1.0.15' → 'html-manager')."
    return spec.rsplit('@', 1)[0].split('/')[-1]

def cache_dir() -> Path:
    return Path(os.environ.get('XDG_CACHE_HOME') or Path.home()/'.cache')/'gan2shape'/'web'

def fetch_web_assets(cache:Path|None=None) -> Path:
    "Each package of WEB_ASSETS unpacked (only its listed files) under cache/<asset_dir>, fetched by `npm pack` if missing."
    cache = Path(cache or cache_dir())
    for spec, globs in WEB_ASSETS.items():
        dest = cache/asset_dir(spec)
        done = dest/'.complete'
        if done.exists() and done.read_text(encoding='utf-8').strip() == spec: continue
        npm = shutil.which('npm')
        if npm is None:
            raise SystemExit(f"make_docs: the site's pages need {spec} from the npm registry, and npm is not installed. Install "
                             "Node.js and npm (apt-get install npm), or pass --cdn to let the pages load it from a CDN instead.")
        with tempfile.TemporaryDirectory() as tmp:
            r = subprocess.run([npm, 'pack', spec, '--pack-destination', tmp, '--silent'], capture_output=True, text=True, timeout=600)
            tgz = list(Path(tmp).glob('*.tgz'))
            if r.returncode or not tgz:
                raise SystemExit(f"make_docs: `npm pack {spec}` failed ({r.stderr.strip()[-400:] or r.returncode}); the npm registry "
                                 "must be reachable once to fill the cache, or pass --cdn.")
            part = dest.with_name(dest.name + '.part')
            shutil.rmtree(part, ignore_errors=True)
            with tarfile.open(tgz[0]) as t:
                for m in t.getmembers():
                    rel = m.name.split('/', 1)[1] if '/' in m.name else ''
                    if m.isfile() and any(rel.startswith(g[:-2]) if g.endswith('/**') else
                                          fnmatch.fnmatchcase(rel, g) and rel.count('/') == g.count('/') for g in globs):
                        f = part/rel; f.parent.mkdir(parents=True, exist_ok=True)
                        f.write_bytes(t.extractfile(m).read())
            (part/'.complete').write_text(spec + '\n', encoding='utf-8')
            shutil.rmtree(dest, ignore_errors=True); part.replace(dest)
    return cache

def copy_web_assets(out_dir:Path, cache:Path|None=None) -> Path:
    "The cached assets copied to out_dir/_static (fetched first if need be); returns that folder."
    src, static = fetch_web_assets(cache), Path(out_dir)/'_static'
    for spec in WEB_ASSETS:
        shutil.copytree(src/asset_dir(spec), static/asset_dir(spec), dirs_exist_ok=True, ignore=shutil.ignore_patterns('.complete'))
    return static

def asset_urls(page:Path, static:Path) -> dict:
    "HTMLExporter settings pointing `page` at the local copies in `static`, by relative addresses."
    rel = lambda *p: os.path.relpath(static.joinpath(*p), page.parent).replace(os.sep, '/')
    return dict(require_js_url=rel('requirejs', 'require.js'), widget_renderer_url=rel('html-manager', 'dist', 'embed-amd.js'),
                mathjax_url=rel('mathjax', 'MathJax.js') + '?config=TeX-AMS_CHTML-full,Safe')

# plotly's notebook renderer always adds MathJax 3 from a CDN before each figure (for TeX in labels, which ours have
# none of); a local page drops it, and plotly.js uses the page's own MathJax 2 if a label ever has TeX
PLOTLY_MATHJAX_CDN = re.compile(r'<script src="https://cdnjs\.cloudflare\.com/ajax/libs/mathjax/[^"]*"></script>')

def title_of(nb) -> str:
    "The first markdown heading of a notebook (its title)."
    for c in nb.cells:
        if c.cell_type == 'markdown':
            for line in c.source.splitlines():
                if line.startswith('# '): return line[2:].strip()
    return ''

def render(path:Path, out_dir:Path, timeout:int=900, static:Path|None=None) -> tuple: # → (html file, title, seconds)
    "Execute one notebook in its folder and write it as HTML into out_dir (its scripts from `static`, else from CDNs)."
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
    rel = path.relative_to(ROOT/'nbs') if path.is_relative_to(ROOT/'nbs') else Path(path.name)
    dest = out_dir/rel.with_suffix('.html')
    body, _ = HTMLExporter(template_name='lab', embed_images=True,
                           **(asset_urls(dest, static) if static else {})).from_notebook_node(nb)
    if static: body = PLOTLY_MATHJAX_CDN.sub('', body)
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix('.html.tmp'); tmp.write_text(body, encoding='utf-8'); tmp.replace(dest)
    return dest, title_of(nb) or path.stem, time.time() - t0

def build(notebooks:list, out_dir:str|Path, cdn:bool=False) -> Path:
    "Render `notebooks` into out_dir and write out_dir/index.html linking them; returns the index path."
    out_dir = Path(out_dir); out_dir.mkdir(parents=True, exist_ok=True)
    static = None if cdn else copy_web_assets(out_dir)
    rows = []
    for p in notebooks:
        p = Path(p).resolve()
        dest, title, secs = render(p, out_dir, static=static)
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
    a.add_argument('--cdn', action='store_true', help="load require.js, MathJax and the widget manager from nbconvert's CDNs (no npm)")
    args = a.parse_args(argv)
    nbs = [Path(n) for n in args.notebooks] or [p for g in (args.only or GROUPS) for p in sorted(ROOT.glob(GROUPS[g]))]
    print(build(nbs, args.out, cdn=args.cdn))

if __name__ == '__main__': main()
