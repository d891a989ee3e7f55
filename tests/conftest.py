"""What the browser tests share: where Chromium and chromedriver are, why a test must skip, and one headless browser."""
import importlib.util, shutil
import pytest

CHROMIUM, DRIVER = shutil.which('chromium') or shutil.which('chromium-browser'), shutil.which('chromedriver')


def browser_missing():
    "A sentence saying what is missing for a browser test, or None."
    if CHROMIUM is None or DRIVER is None:
        return "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver); the browser test cannot run."
    if importlib.util.find_spec('selenium') is None:
        return "selenium is not installed (pip install selenium, part of the dev requirements); the browser test cannot run."
    return None


@pytest.fixture(scope='module')
def browser():
    "Headless Chromium with software WebGL, its console log kept."
    if (why := browser_missing()): pytest.skip(why)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for a in ('--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--use-gl=angle', '--use-angle=swiftshader',
              '--enable-unsafe-swiftshader', '--window-size=1200,1600'):
        opts.add_argument(a)
    opts.set_capability('goog:loggingPrefs', {'browser': 'ALL'})
    d = webdriver.Chrome(service=Service(DRIVER), options=opts)
    yield d
    d.quit()
