"""The prior explorer in a real JupyterLab, driven by Debian's Chromium through selenium.

Starts `jupyter lab` on localhost with a token in a temporary folder holding a copy of tutorial 2 (so the repository's
notebook is never saved over), opens it, waits for its kernel, runs every cell from JupyterLab's Run menu (done when every cell has an execution count), and then moves the explorer's
ellipsoid *radius* slider by typing into its readout, as a user can. The test passes when the explorer's picture (the
mask and the prior's depth, an ipywidgets Image) is redrawn with different pixels. A screenshot is saved beside the
copy. Skips with a sentence where Chromium, chromedriver, selenium or JupyterLab is missing.
"""
import importlib.util, os, re, secrets, shutil, socket, subprocess, sys, time, urllib.request
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
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import Select, WebDriverWait
    url, token, root = lab
    browser.set_script_timeout(30)
    browser.get(f'{url}/lab/tree/priors.ipynb?token={token}')
    wait = WebDriverWait(browser, 120)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, '.jp-Notebook .jp-CodeCell'))
    prompts = lambda: [e.text.strip() for e in browser.find_elements(By.CSS_SELECTOR, '.jp-Notebook .jp-CodeCell .jp-InputPrompt')]
    status = lambda: [e.text.strip() for e in browser.find_elements(By.CSS_SELECTOR, '.jp-StatusBar-TextItem')]
    idle = lambda: any(t.endswith('Idle') and 'No Kernel' not in t for t in status())   # 'Python 3 (ipykernel) | Idle'
    # the kernel must be up before Run All: a run requested while it starts, or a click on a menu not yet live, used to
    # leave every cell unrun and an idle kernel, which the old wait (idle and no [*]) took for a finished run (CI, stop 26)
    try: WebDriverWait(browser, 180).until(lambda d: idle())
    except TimeoutException: pytest.fail(f"the notebook's kernel was not idle 3 minutes after opening; the status bar says {status()}")
    def run_all():
        next(e for e in browser.find_elements(By.CSS_SELECTOR, '.lm-MenuBar-itemLabel') if e.text.strip() == 'Run').click()
        WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, 'li[data-command="runmenu:run-all"]'))[0].click()
    run_all()
    try: WebDriverWait(browser, 30).until(lambda d: any(p != '[ ]:' for p in prompts()))
    except TimeoutException: run_all()   # the click did not reach the menu: once more
    # done when every code cell shows an execution count and the kernel is idle; an error stops Run All, so report it
    def finished(_):
        ps = prompts()
        return idle() and ps and all(re.fullmatch(r'\[\d+\]:', p) for p in ps)
    try: WebDriverWait(browser, 600).until(finished)
    except TimeoutException:
        browser.save_screenshot(str(root/'explorer-unfinished.png'))
        errors = [e.text[-1500:] for e in browser.find_elements(By.CSS_SELECTOR, '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')]
        pytest.fail(f"Run All did not finish in 10 minutes: prompts {prompts()}, status bar {status()}; stderr outputs:\n" + '\n---\n'.join(errors))
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
