"""Session 9, part A: can the original depth output (tanh of the mean-free raw map) represent the true depth of face 000000?
Prints the raw mean each depth needs, and the rendering loss of the nearest depth the output can give.
    OMP_NUM_THREADS=1 python bench/results/relief_s9/representable.py
"""
import sys; sys.argv=['x','--iters','0']
exec(open('bench/results/relief_known_views.py').read().split("D, A = s.nets")[0])
prior = prior_from_config(s.cfg, front.mask[:, None])
for name, d in [('gt', gt), ('prior', prior)]:
    tau = ((d - 1.0) / 0.1).clamp(-0.999, 0.999); raw = torch.atanh(tau)
    print(name, 'head fraction', m.float().mean().item(), 'mean raw', raw.mean().item(), 'mean depth', d.mean().item(), 'bg', d[0,0,32].item())
    # the representable map nearest: subtract mean raw and map back
    d2 = 1.0 + 0.1 * torch.tanh(raw - raw.mean())
    print('   after mean-free:', 'head mean', d2[m].mean().item(), 'vs', d[m].mean().item(), 'bg', d2[0,0,32].item(), 'loss', loss_of(d2, b.albedo[:1]).item() if name=='gt' else '')
