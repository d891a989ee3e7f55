"""The prior explorer in a real JupyterLab, driven by Debian's Chromium through selenium.

Starts `jupyter lab` on localhost with a token in a temporary folder holding a copy of tutorial 2 (so the repository's
notebook is never saved over), opens it, runs every cell from JupyterLab's Run menu, and then moves the explorer's
ellipsoid *radius* slider by typing into its readout, as a user can. The test passes when the explorer's picture (the
mask and the prior's depth, an ipywidgets Image) is redrawn with different pixels. A screenshot is saved beside the
copy. Skips with a sentence where Chromium, chromedriver, selenium or JupyterLab is missing.
"""
import importlib.util, os, secrets, shutil, socket, subprocess, sys, time, urllib.request
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope='module')
def lab(tmp_path_factory):
    "A JupyterLab server on a free localhost port: (base URL, token, its root folder)."
    if importlib.util.find_spec('jupyterlab') is None:
        pytest.skip("JupyterLab is not installed (it is a dependency of gan2shape: pip install -e .); the JupyterLab test cannot run.")
    root = tmp_path_factory.mktemp('lab')
    shutil.copy(ROOT/'nbs'/'tutorials'/'02_shape_priors.ipynb', root/'priors.ipynb')
    token = secrets.token_hex(16)
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0)); port = s.getsockname()[1]
    env = {**os.environ, 'OMP_NUM_THREADS': '1', 'JUPYTER_CONFIG_DIR': str(root/'.config'),
           'JUPYTER_RUNTIME_DIR': str(root/'.runtime'), 'JUPYTERLAB_WORKSPACES_DIR': str(root/'.workspaces')}
    log = open(root/'lab.log', 'w')
    p = subprocess.Popen([sys.executable, '-m', 'jupyterlab', '--no-browser', '--ServerApp.ip=127.0.0.1', f'--ServerApp.port={port}',
                          f'--IdentityProvider.token={token}', f'--ServerApp.root_dir={root}',
                          '--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate', *(['--allow-root'] if os.geteuid() == 0 else [])],
                         cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f'http://127.0.0.1:{port}'
    try:
        for _ in range(120):
            if p.poll() is not None: pytest.fail(f"jupyter lab exited with {p.returncode}:\n{(root/'lab.log').read_text()[-3000:]}")
            try:
                if urllib.request.urlopen(f'{url}/api/status?token={token}', timeout=2).status == 200: break
            except OSError: time.sleep(0.5)
        else: pytest.fail(f"jupyter lab did not answer within a minute:\n{(root/'lab.log').read_text()[-3000:]}")
        yield url, token, root
    finally:
        p.terminate()
        try: p.wait(20)
        except subprocess.TimeoutExpired: p.kill()
        log.close()


_IMAGE_DIGEST = """
const [img, done] = arguments;
if (!img.src) { done(null); return; }
fetch(img.src).then(r => r.arrayBuffer()).then(b => {
  const a = new Uint8Array(b); let h = 2166136261;
  for (const x of a) { h ^= x; h = Math.imul(h, 16777619) >>> 0; }
  done(a.length + ':' + h);
}).catch(e => done('error ' + e));
"""


def test_prior_explorer_in_jupyterlab(browser, lab):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select, WebDriverWait
    url, token, root = lab
    browser.set_script_timeout(30)
    browser.get(f'{url}/lab/tree/priors.ipynb?token={token}')
    wait = WebDriverWait(browser, 120)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, '.jp-Notebook .jp-Cell'))
    wait.until(lambda d: d.find_elements(By.XPATH, "//*[contains(@class, 'jp-Toolbar-kernelStatus') or contains(@class, 'jp-Notebook-ExecutionIndicator')]"))
    run_menu = next(e for e in browser.find_elements(By.CSS_SELECTOR, '.lm-MenuBar-itemLabel') if e.text.strip() == 'Run')
    run_menu.click()
    WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, 'li[data-command="runmenu:run-all"]'))[0].click()
    # the notebook's own checks after the explorer cell move it (another prior, another image): wait for the kernel
    # to finish, then choose as a user would: the first shipped sample, the embedded mask network, the ellipsoid
    WebDriverWait(browser, 300).until(lambda d: any('Idle' in e.text for e in d.find_elements(By.CSS_SELECTOR, '.jp-StatusBar-TextItem'))
                                      and not any('[*]' in e.text for e in d.find_elements(By.CSS_SELECTOR, '.jp-InputPrompt')))
    control = lambda name, kind: browser.find_element(By.XPATH, f"//div[contains(@class, '{kind}')][.//label[normalize-space()='{name}']]")
    image = Select(control('image', 'widget-dropdown').find_element(By.TAG_NAME, 'select'))
    image.select_by_index(0)
    Select(control('mask', 'widget-dropdown').find_element(By.TAG_NAME, 'select')).select_by_visible_text('model')
    Select(control('prior', 'widget-dropdown').find_element(By.TAG_NAME, 'select')).select_by_visible_text('ellipsoid')
    slider = control('radius', 'widget-slider')
    picture = slider.find_element(By.XPATH, "ancestor::div[contains(@class, 'widget-vbox')][last()]//img[contains(@class, 'widget-image')]")
    digest = lambda: browser.execute_async_script(_IMAGE_DIGEST, picture)
    def settled(_):   # the same picture twice, a second apart: the last redraw has arrived
        a = digest(); time.sleep(1); return a if a == digest() and a else None
    before = WebDriverWait(browser, 60).until(settled)
    assert not before.startswith('error'), before
    readout = slider.find_element(By.CSS_SELECTOR, '.widget-readout')
    old = readout.text
    readout.click()
    readout.send_keys(Keys.CONTROL, 'a')
    readout.send_keys('1.2', Keys.ENTER)
    after = WebDriverWait(browser, 60).until(lambda d: (h := digest()) != before and h)
    browser.save_screenshot(str(root/'explorer.png'))
    assert float(readout.text) == pytest.approx(1.2) and float(old) != pytest.approx(1.2), (old, readout.text)
    assert not after.startswith('error') and int(after.split(':')[0]) > 1000, after   # a redrawn PNG, not an empty one
