"""Joint pre-training at reduced widths with V and L started from the labelled `init_vl.pt` (a supervised start, for the
diagnosis only: does joint training improve D when V and L already know the view and light?).

`gan2shape pretrain --widths` refused run.init_ckpt then (fresh networks would discard the loaded ones); init_vl's V and L
are 16 wide, as `--widths 32,32,16,16` builds them, so this script builds the networks at those widths and loads V and L.

    OMP_NUM_THREADS=1 python bench/results/s30/pretrain_vl.py CONFIG OUT

Since later in session 30 the CLI does the same (`reconstruct.narrow` keeps the loaded networks and builds the others
with the same seed first):

    OMP_NUM_THREADS=1 gan2shape pretrain --config CONFIG --widths 32,32,16,16 --half --out OUT --set run.init_ckpt=data:synface64/init_vl.pt
"""
import sys, torch
import gan2shape.reconstruct as R
from gan2shape.core import data_dir
cfg, out = sys.argv[1:3]
vl = torch.load(data_dir()/'synface64'/'init_vl.pt', weights_only=False)
make = R.make_networks
def make_with_vl(*a, **k):
    nets = make(*a, **k)
    for n in ('netV', 'netL'): nets[n].load_state_dict(vl[n])
    return nets
R.make_networks = make_with_vl
print(R.pretrain(out, config=cfg, widths={'netD': 32, 'netA': 32, 'netV': 16, 'netL': 16}, half=True, resume='--resume' in sys.argv)['mean'])
