"""Repository-level checks that notebooks are bad at: generated files in sync, the two commands, packaging."""
import configparser, shutil, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_readme_is_generated_from_index():
    r = subprocess.run([sys.executable, str(ROOT/'tools'/'make_readme.py'), '--check'], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_readme_states_the_two_commands_and_ci_runs_the_test_one():
    readme = (ROOT/'README.md').read_text()
    assert 'make demo' in readme and 'make test' in readme
    lines = [l.strip() for l in (ROOT/'.ci'/'run').read_text().splitlines() if l.strip() and not l.startswith('#')]
    assert lines[-1] == 'make test'


def test_exported_package_matches_notebooks(tmp_path):
    "Running nbdev_export on a copy of the notebooks reproduces gan2shape/ exactly."
    for name in ('nbs', 'gan2shape'): shutil.copytree(ROOT/name, tmp_path/name)
    shutil.copy(ROOT/'settings.ini', tmp_path/'settings.ini')
    exe = Path(sys.executable).parent/'nbdev_export'
    r = subprocess.run([str(exe)], cwd=tmp_path, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    for py in sorted((ROOT/'gan2shape').glob('*.py')):
        assert (tmp_path/'gan2shape'/py.name).read_text() == py.read_text(), f'{py.name} is out of step with its notebook: run nbdev_export'


def test_requirements_never_pull_torchvision():
    cfg = configparser.ConfigParser(delimiters=['=']); cfg.read(ROOT/'settings.ini')
    reqs = cfg['DEFAULT']['requirements'] + ' ' + cfg['DEFAULT']['dev_requirements']
    assert 'torchvision' not in reqs and 'lpips ' not in reqs + ' '
    src = '\n'.join(p.read_text() for p in (ROOT/'gan2shape').glob('*.py'))
    assert 'import torchvision' not in src and 'from torchvision' not in src and '.cuda()' not in src


def test_cli_entry_point_installed():
    exe = Path(sys.executable).parent/'gan2shape'
    r = subprocess.run([str(exe), '--help'], capture_output=True, text=True)
    assert r.returncode == 0 and 'demo' in r.stdout

def _readme_commands():
    "The `gan2shape ...` command lines of the README's shell blocks, continuation lines joined and comments dropped."
    import re, shlex
    text = (ROOT/'README.md').read_text()
    cmds = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        for line in block.replace('\\\n', ' ').splitlines():
            line = line.split('#')[0].strip()
            if line.startswith('gan2shape ') and '...' not in line: cmds.append(shlex.split(line)[1:])
    return cmds

def test_readme_commands_parse_and_name_files_that_exist():
    "Every README command parses with the CLI as written, and every data: file it names is shipped (issue 12 §3)."
    from gan2shape.cli import build_parser, DELEGATED
    from gan2shape.config import resolve_data_path
    cmds = _readme_commands()
    assert len(cmds) >= 10, cmds
    p = build_parser()
    for argv in cmds:
        for a in argv:
            if a.startswith('data:'): assert resolve_data_path(a).exists(), f"README names {a}, which is not shipped"
        assert 'configs/' not in ' '.join(argv) and 'face.png' not in argv, argv
        if argv[0] not in DELEGATED: p.parse_args(argv)      # raises SystemExit on any option the CLI does not know


def test_readme_gallery_matches_its_demo_run_and_stays_small():
    "The README's demo table carries docs/gallery/demo.json's figures, every gallery picture it shows exists, and the gallery is a few hundred KB."
    import json, re
    readme = (ROOT/'README.md').read_text()
    d = json.loads((ROOT/'docs'/'gallery'/'demo.json').read_text())
    rows = dict(re.findall(r'^\| (ellipsoid prior alone|GAN2Shape \(the demo\)) \| (.+?) \|$', readme, re.M))
    assert rows['ellipsoid prior alone'] == f"{d['prior_side_e2']:.3f} | {d['prior_mad_deg']:.2f}°", rows
    assert rows['GAN2Shape (the demo)'] == f"{d['side_e2']:.3f} | {d['mad_deg']:.2f}°", rows
    shown = re.findall(r'\]\((docs/gallery/[^)]+)\)', readme)
    assert {'docs/gallery/shapes.png', 'docs/gallery/relight.png', 'docs/gallery/rotation.gif'} <= set(shown)
    assert all((ROOT/p).stat().st_size > 1000 for p in shown)
    assert sum(p.stat().st_size for p in (ROOT/'docs'/'gallery').iterdir()) < 500_000
