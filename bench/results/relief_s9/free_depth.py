"""Session 9, part A: per-pixel descent on a FREE depth map (no network) with the true albedo, views and lights.
    OMP_NUM_THREADS=1 python bench/results/relief_s9/free_depth.py LR            # from the ellipsoid prior as it is
    OFF=0.0503 OMP_NUM_THREADS=1 python bench/results/relief_s9/free_depth.py LR # from the prior moved back by 0.0503
    FLAT=1 ...                                                                  # from a plane at 1.0
"""
import sys; LR=float(sys.argv[1]); sys.argv=['x','--iters','0']
exec(open('bench/results/relief_known_views.py').read().split("D, A = s.nets")[0])
prior = prior_from_config(s.cfg, front.mask[:, None])
import os; off=float(os.environ.get("OFF","0")); d = (gt[m].mean()*0+1.0 if os.environ.get("FLAT") else prior + off).expand_as(prior).clone().requires_grad_()
opt = torch.optim.Adam([d], lr=LR)
for i in range(301):
    loss = loss_of(d, b.albedo[:1])
    if i % 50 == 0:
        with torch.no_grad(): sp, sc, co = relief(d); M = mad(normals_from_depth(d, s.K), normals_from_depth(gt, s.K), head0[:, 0]).item()
        print(f'free it {i} loss {loss.item():.4f} spread {sp:.3f} scale {sc:.3f} MAD {M:.2f} mean depth on head {d[m].mean().item():.4f} gt {gt[m].mean().item():.4f}', flush=True)
    opt.zero_grad(); loss.backward(); opt.step()
