"""The direct projection the session-7 study scripts share: one latent offset per image, fitted by Adam from w."""
import torch
from gan2shape.losses import photometric
from gan2shape.steps import _gan_feature_loss, resize_square

def direct_fit(s, w, x, m, iters:int, lr:float=0.02) -> torch.Tensor:
    "G(w + δ) fitted to images x (N×3×S×S) under masks m by step 2's loss (masked L1 + discriminator features); returns (fits, offsets)."
    delta = torch.zeros(len(x), s.gan.latent_dim, requires_grad=True)
    opt = torch.optim.Adam([delta], lr=lr)
    for _ in range(iters):
        p = resize_square(s.gan(w + delta), x.shape[-1])
        loss = photometric(p, x, m) + _gan_feature_loss(s, p, x, m)
        opt.zero_grad(); loss.backward(); opt.step()
    with torch.no_grad(): return resize_square(s.gan(w + delta), x.shape[-1]), delta.detach()
