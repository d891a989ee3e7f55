"""The direct projection the session-7 study scripts share: one latent offset per image, fitted by Adam from w."""
import torch
import torch.nn.functional as F
from gan2shape.losses import photometric
from gan2shape.steps import _gan_feature_loss, resize_square

def coarse_l1(p, x, m, k:int=4) -> torch.Tensor:
    "Masked L1 between k×k average-pooled images: a loss whose gradient reaches features k pixels away (session 12)."
    pk, xk, mk = (F.avg_pool2d(t, k) for t in (p * m, x * m, m))
    return (pk - xk).abs().sum() / (3 * mk.sum() + 1e-6)

def direct_fit(s, w, x, m, iters:int, lr:float=0.02,
               coarse:str='none', # 'none': step 2's loss; 'c2f': coarse_l1 alone for the first 60 % of the steps; 'ms': step 2's loss + coarse_l1
               wplus:bool=False,  # one offset per style layer (W+, session 22) instead of one for all
              ) -> torch.Tensor:
    "G(w + δ) fitted to images x (N×3×S×S) under masks m by step 2's loss (masked L1 + discriminator features); returns (fits, offsets)."
    assert coarse in ('none', 'c2f', 'ms'), coarse
    shape = (len(x), s.gan.g.n_latent, s.gan.latent_dim) if wplus else (len(x), s.gan.latent_dim)
    delta = torch.zeros(shape, requires_grad=True)
    if wplus: w = w.view(1, 1, -1)
    opt = torch.optim.Adam([delta], lr=lr)
    for it in range(iters):
        p = resize_square(s.gan(w + delta), x.shape[-1])
        if coarse == 'c2f' and it < 0.6 * iters: loss = coarse_l1(p, x, m)
        else: loss = photometric(p, x, m) + _gan_feature_loss(s, p, x, m) + (coarse_l1(p, x, m) if coarse == 'ms' else 0)
        opt.zero_grad(); loss.backward(); opt.step()
    with torch.no_grad(): return resize_square(s.gan(w + delta), x.shape[-1]), delta.detach()
