"""The rendered pages in a real browser: Debian's Chromium, driven through selenium and chromedriver.

Builds a small site with `tools/make_docs.py` (tutorial 1, which holds a plotly 3D viewer) and a `gan2shape view`
page of a tiny run, serves them from localhost, and checks that each page loads with no JavaScript error, asks no host
but the local server for anything (require.js, MathJax and the widget manager come from the site's `_static/`), and
that every plotly 3D viewer draws a non-empty WebGL canvas; on the tutorial, that MathJax typeset its equations and the
embedded widget state drew its sliders. Screenshots are saved beside the pages. Skips with a sentence
where Chromium, chromedriver or selenium is missing (`apt-get install chromium chromium-driver`, `pip install selenium`).
"""
import functools, http.server, importlib.util, io, threading
from pathlib import Path
import numpy as np
import pytest
from conftest import browser_missing

ROOT = Path(__file__).resolve().parent.parent

@pytest.fixture(scope='module')
def site(tmp_path_factory):
    "docs-style site: tutorial 1 rendered by tools/make_docs.py, and the view page of a tiny reconstruction."
    if (why := browser_missing()): pytest.skip(why)
    out = tmp_path_factory.mktemp('site')
    spec = importlib.util.spec_from_file_location('make_docs', ROOT/'tools'/'make_docs.py')
    md = importlib.util.module_from_spec(spec); spec.loader.exec_module(md)
    md.build([ROOT/'nbs'/'tutorials'/'01_depth_to_image.ipynb'], out)
    from gan2shape.reconstruct import reconstruct
    from gan2shape.view import write_view
    B = 'data:synface64/benchmark'
    reconstruct(f'{B}/image/000001.png', out/'run', latent=f'{B}/latents/000001.pt', preset='synface64-quick', progress=False,
                overrides=['prior.pretrain_iters=2', 'schedule.stages=[{iters: [1, 1, 1], n_proj: 2, collect_iters: 1}]'])
    write_view([out/'run'], out/'view.html')
    return out


@pytest.fixture(scope='module')
def server(site):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(('127.0.0.1', 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f'http://127.0.0.1:{httpd.server_address[1]}'
    httpd.shutdown()


def _check_page(browser, url, shot):
    "Load url; return (JavaScript errors, per-plot pixel spreads of the WebGL canvases, addresses of every resource loaded)."
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    from PIL import Image
    browser.get_log('browser')                                   # drop what earlier pages logged
    browser.get(url)
    WebDriverWait(browser, 60).until(lambda d: d.execute_script('return document.readyState') == 'complete')
    WebDriverWait(browser, 60).until(lambda d: d.execute_script(
        "return [...document.querySelectorAll('.js-plotly-plot')].every(p => p.querySelector('canvas'))"))
    browser.execute_script('return new Promise(r => setTimeout(r, 1500))')   # let WebGL draw
    loaded = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    errors = [e['message'] for e in browser.get_log('browser') if e['level'] == 'SEVERE' and 'favicon.ico' not in e['message']]
    spreads = []
    for plot in browser.find_elements(By.CSS_SELECTOR, '.js-plotly-plot'):
        browser.execute_script('arguments[0].scrollIntoView()', plot)
        im = np.asarray(Image.open(io.BytesIO(plot.screenshot_as_png)).convert('L'), float)
        spreads.append(float(im.std()))
    browser.save_screenshot(str(shot))
    return errors, spreads, loaded


@pytest.mark.parametrize('page', ['tutorials/01_depth_to_image.html', 'view.html'])
def test_page_in_chromium(site, server, browser, page):
    errors, spreads, loaded = _check_page(browser, f'{server}/{page}', site/(Path(page).stem + '.png'))
    assert not errors, f'{page}: JavaScript errors: {errors}'
    elsewhere = [u for u in loaded if not u.startswith(server + '/') and not u.startswith(('data:', 'blob:'))]
    assert not elsewhere, f'{page}: loaded from outside the site: {elsewhere}'
    assert spreads, f'{page}: no plotly 3D viewer on the page'
    assert min(spreads) > 5, f'{page}: a 3D viewer drew an empty canvas (grey-level spreads {spreads})'
    assert (site/(Path(page).stem + '.png')).stat().st_size > 10_000


def test_tutorial_math_and_widgets_offline(site, server, browser):
    "The tutorial's equations typeset by the site's MathJax and its sliders drawn from the embedded widget state."
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    browser.get(f'{server}/tutorials/01_depth_to_image.html')
    WebDriverWait(browser, 60).until(lambda d: d.find_elements(By.CSS_SELECTOR, '.mjx-chtml'))
    raw = browser.execute_script("return [...document.querySelectorAll('.jp-MarkdownOutput')].map(e => e.innerText).join(' ')")
    assert '\\frac' not in raw and '$' not in raw, 'untypeset TeX is left on the page'
    sliders = WebDriverWait(browser, 60).until(lambda d: d.find_elements(By.CSS_SELECTOR, '.widget-slider'))
    labels = {e.text.strip() for e in browser.find_elements(By.CSS_SELECTOR, '.widget-slider .widget-label')}
    assert len(sliders) >= 3 and {'yaw', 'pitch'} <= labels, labels


def test_index_links(site, server, browser):
    from selenium.webdriver.common.by import By
    browser.get(f'{server}/index.html')
    links = [a.get_attribute('href') for a in browser.find_elements(By.TAG_NAME, 'a')]
    assert links == [f'{server}/tutorials/01_depth_to_image.html']
