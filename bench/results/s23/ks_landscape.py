"""Session 23 (issue 15): does the reconstruction loss want the specular term at all, given each shape?

    OMP_NUM_THREADS=1 python bench/results/s23/ks_landscape.py [N_FACES]

For the first N faces of the specular benchmark draws (synth seed 1, `specular_domain()`), re-render each face with its
true albedo, light, view and material maps, but with the highlight scaled by c (k_s → c·k_s) and with the canonical
depth replaced by (a) the truth, (b) the truth blurred (Gaussian σ 2 and 4 px: a shape right in the large and wrong in
the detail, as the method's), (c) the truth at half its relief. Prints the head's masked L1 to the true image per c:
where the minimum sits says whether a wrong shape alone drives k_s to zero, with the albedo held at the truth.
Then (d): the albedo re-fitted to the input with no highlight (the image divided by the shading, as step 1 can), true
depth: the loss of adding the highlight back on top.
"""
import sys, json, torch, torch.nn.functional as F
from gan2shape.synth import specular_domain, sample_draw, face_heights, face_albedos, face_backgrounds, face_speculars
from gan2shape.camera import intrinsics
from gan2shape.render import render_mesh, normals_from_depth
from gan2shape.shading import lambertian, light_direction, phong_specular, view_directions, shade_specular_texture
torch.set_grad_enabled(False)
N = int(sys.argv[1]) if len(sys.argv) > 1 else 8
cfg = specular_domain(); S = cfg.size; K = intrinsics(S, cfg.fov)
C = [0, 0.25, 0.5, 0.75, 1.0, 1.5]
def blur(d, sig):
    r = int(3 * sig); x = torch.arange(-r, r + 1.); k = torch.exp(-x ** 2 / (2 * sig ** 2)); k = k / k.sum()
    y = F.pad(d[:, None], (r, r, r, r), mode='replicate')
    y = F.conv2d(F.conv2d(y, k.view(1, 1, 1, -1)), k.view(1, 1, -1, 1)); return y[:, 0]
rows = {}
for i in range(N):
    p, v, l, sp = sample_draw(1, i, cfg)
    h, head = face_heights([p], S); canon = (cfg.bg_depth - h * cfg.relief).clamp(cfg.min_depth, cfg.max_depth)
    back = face_backgrounds([p], S); alb = face_albedos([p], S, 'cpu', back); ks, pp = face_speculars([p], [sp], S)
    ld = light_direction(l[:, 2:])
    def render(depth, albedo, c):
        n = normals_from_depth(depth, K)
        sh = lambertian(n, ld, l[:, 0], l[:, 1])
        hl = phong_specular(n, ld, view_directions(depth, v, K), l[:, 1], ks * c, pp)
        tex = torch.cat([shade_specular_texture(albedo, sh, hl), head[:, None] * 2 - 1], 1)
        out, cover, _ = render_mesh(tex, depth, v, K, cfg.min_depth, cfg.max_depth)
        m = ((out[:, 3] > 0) & (cover[:, 0] > 0)).float()
        return torch.where(m[:, None] > 0, out[:, :3], back).clamp(-1, 1), m, sh
    gt, m, sh = render(canon, alb, 1.0)
    shapes = {'true': canon, 'blur2': blur(canon, 2), 'blur4': blur(canon, 4), 'half relief': cfg.bg_depth - (cfg.bg_depth - canon) / 2}
    for nm, d in shapes.items():
        rows.setdefault(nm, []).append([float(((render(d, alb, c)[0] - gt).abs().mean(1) * m).sum() / m.sum()) for c in C])
    # (d) albedo that explains the input with no highlight: (gt+1)/2 / shading, in canonical = view frame only where the view is frontal,
    # so take the canonical texture instead: the true shaded texture with its highlight, divided by the diffuse shading
    n = normals_from_depth(canon, K)
    hl = phong_specular(n, ld, view_directions(canon, v, K), l[:, 1], ks, pp)
    tex = shade_specular_texture(alb, sh, hl)
    alb_fit = (((tex + 1) / 2) / sh.clamp(min=1e-3)) * 2 - 1
    rows.setdefault('true, albedo fitted without highlight', []).append([float(((render(canon, alb_fit, c)[0] - gt).abs().mean(1) * m).sum() / m.sum()) for c in C])
print(f'head L1 to the true image, mean over {N} faces, per highlight scale c (k_s → c·k_s):')
print(f"{'depth':40s}" + ''.join(f'{c:>8}' for c in C) + '   best c')
for nm, r in rows.items():
    mean = torch.tensor(r).mean(0)
    print(f'{nm:40s}' + ''.join(f'{x:8.4f}' for x in mean) + f'   {C[int(mean.argmin())]}')

# (e) does a broader or sharper lobe than the truth let the highlight pay on a wrong shape? best c per shininess scale
print('\nbest c and its L1 (against c = 0) per shininess scale q (p → q·p), mean over the faces:')
Q = [0.5, 1.0, 2.0, 5.0]
rows2 = {}
for i in range(N):
    p, v, l, sp = sample_draw(1, i, cfg)
    h, head = face_heights([p], S); canon = (cfg.bg_depth - h * cfg.relief).clamp(cfg.min_depth, cfg.max_depth)
    back = face_backgrounds([p], S); alb = face_albedos([p], S, 'cpu', back); ks, pp = face_speculars([p], [sp], S)
    ld = light_direction(l[:, 2:])
    def render2(depth, c, q):
        n = normals_from_depth(depth, K)
        sh = lambertian(n, ld, l[:, 0], l[:, 1])
        hl = phong_specular(n, ld, view_directions(depth, v, K), l[:, 1], ks * c, pp * q)
        tex = torch.cat([shade_specular_texture(alb, sh, hl), head[:, None] * 2 - 1], 1)
        out, cover, _ = render_mesh(tex, depth, v, K, cfg.min_depth, cfg.max_depth)
        m = ((out[:, 3] > 0) & (cover[:, 0] > 0)).float()
        return torch.where(m[:, None] > 0, out[:, :3], back).clamp(-1, 1), m
    gt, m = render2(canon, 1.0, 1.0)
    for nm, d in (('blur2', blur(canon, 2)), ('blur4', blur(canon, 4))):
        for q in Q:
            rows2.setdefault((nm, q), []).append([float(((render2(d, c, q)[0] - gt).abs().mean(1) * m).sum() / m.sum()) for c in C])
for (nm, q), r in rows2.items():
    mean = torch.tensor(r).mean(0); k = int(mean.argmin())
    print(f'{nm:6s} q {q:<4}: best c {C[k]:<5} L1 {mean[k]:.4f} (c = 0: {mean[0]:.4f})')
