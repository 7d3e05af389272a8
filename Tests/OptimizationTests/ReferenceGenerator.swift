// The Python (numpy, float64) reference used to generate ReferenceTrajectories.swift, kept here
// for provenance: run `python3 gen.py ReferenceTrajectories.swift` with the three files below
// (ref.py, lbfgs.py, gen.py) side by side. The update rules are written from the formulas —
// PyTorch's documented single-tensor algorithms, torch.optim.LBFGS transcribed to numpy, and the
// seeds' own Python — with hand-derived gradients, independently of the Swift implementation.
// This file contains no code.
//
// ===== ref.py =====
// # Independent float64 reference implementations of the update rules, written from the
// # formulas (PyTorch's documented single-tensor algorithms and the seeds' Python), used to
// # generate Tests/OptimizationTests/ReferenceTrajectories.swift.
// import math, json
// import numpy as np
//
// # ---- objectives with hand-derived gradients ----
// def d2l(v):
//     x, y = v; return 0.1*x*x + 2*y*y, np.array([0.2*x, 4*y])
// def rosen(v):
//     x, y = v; return (1-x)**2 + 100*(y-x*x)**2, np.array([-2*(1-x) - 400*x*(y-x*x), 200*(y-x*x)])
// def saddle3(v):
//     x, y = v; return x*x + y*y + y**3 + x*y, np.array([2*x + y, 2*y + 3*y*y + x])
// def parab(v):
//     x, = v; return 4*x*x, np.array([8*x])
// def beale(v):
//     x, y = v
//     a = 1.5 - x + x*y; b = 2.25 - x + x*y*y; c = 2.625 - x + x*y**3
//     return a*a + b*b + c*c, np.array([2*a*(y-1) + 2*b*(y*y-1) + 2*c*(y**3-1), 2*a*x + 2*b*2*x*y + 2*c*3*x*y*y])
// OBJ = {"d2l": d2l, "rosenbrock": rosen, "cubic-saddle": saddle3, "parabola": parab, "beale": beale}
//
// class SGD:
//     def __init__(s, n, lr=1e-3, momentum=0, dampening=0, weight_decay=0, nesterov=False, maximize=False):
//         s.__dict__.update(lr=lr, mo=momentum, da=dampening, wd=weight_decay, ne=nesterov, mx=maximize); s.b=None
//     def step(s, x, g):
//         g = -g if s.mx else g.copy()
//         if s.wd: g = g + s.wd*x
//         if s.mo:
//             s.b = g.copy() if s.b is None else s.mo*s.b + (1-s.da)*g
//             g = g + s.mo*s.b if s.ne else s.b
//         return x - s.lr*g
// class Adagrad:
//     def __init__(s, n, lr=1e-2, lr_decay=0, weight_decay=0, initial_accumulator_value=0, eps=1e-10):
//         s.lr, s.ld, s.wd, s.eps = lr, lr_decay, weight_decay, eps; s.S = np.full(n, float(initial_accumulator_value)); s.t=0
//     def step(s, x, g):
//         s.t += 1
//         if s.wd: g = g + s.wd*x
//         clr = s.lr/(1 + (s.t-1)*s.ld); s.S = s.S + g*g
//         return x - clr*g/(np.sqrt(s.S) + s.eps)
// class RMSprop:
//     def __init__(s, n, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0, centered=False):
//         s.__dict__.update(lr=lr, a=alpha, eps=eps, wd=weight_decay, mo=momentum, c=centered)
//         s.v=np.zeros(n); s.m=np.zeros(n); s.b=np.zeros(n)
//     def step(s, x, g):
//         if s.wd: g = g + s.wd*x
//         s.v = s.a*s.v + (1-s.a)*g*g
//         if s.c:
//             s.m = s.a*s.m + (1-s.a)*g; avg = np.sqrt(s.v - s.m*s.m) + s.eps
//         else: avg = np.sqrt(s.v) + s.eps
//         if s.mo > 0:
//             s.b = s.mo*s.b + g/avg; return x - s.lr*s.b
//         return x - s.lr*g/avg
// class Adadelta:
//     def __init__(s, n, lr=1.0, rho=0.9, eps=1e-6, weight_decay=0):
//         s.lr, s.rho, s.eps, s.wd = lr, rho, eps, weight_decay; s.v=np.zeros(n); s.u=np.zeros(n)
//     def step(s, x, g):
//         if s.wd: g = g + s.wd*x
//         s.v = s.rho*s.v + (1-s.rho)*g*g
//         d = np.sqrt(s.u + s.eps)/np.sqrt(s.v + s.eps)*g
//         s.u = s.rho*s.u + (1-s.rho)*d*d
//         return x - s.lr*d
// class Adam:
//     def __init__(s, n, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, amsgrad=False, decoupled=False):
//         s.lr, (s.b1, s.b2), s.eps, s.wd, s.ams, s.dec = lr, betas, eps, weight_decay, amsgrad, decoupled
//         s.m=np.zeros(n); s.v=np.zeros(n); s.vmax=np.zeros(n); s.t=0
//     def step(s, x, g):
//         s.t += 1
//         if s.wd:
//             if s.dec: x = x*(1 - s.lr*s.wd)
//             else: g = g + s.wd*x
//         s.m = s.b1*s.m + (1-s.b1)*g; s.v = s.b2*s.v + (1-s.b2)*g*g
//         mh = s.m/(1-s.b1**s.t)
//         if s.ams: s.vmax = np.maximum(s.vmax, s.v); vv = s.vmax
//         else: vv = s.v
//         vh = vv/(1-s.b2**s.t)
//         return x - s.lr*mh/(np.sqrt(vh) + s.eps)
// def AdamW(n, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, amsgrad=False):
//     return Adam(n, lr, betas, eps, weight_decay, amsgrad, decoupled=True)
// def SparseAdam(n, lr=1e-3, betas=(0.9, 0.999), eps=1e-8):
//     return Adam(n, lr, betas, eps)
// class Adamax:
//     def __init__(s, n, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0):
//         s.lr, (s.b1, s.b2), s.eps, s.wd = lr, betas, eps, weight_decay; s.m=np.zeros(n); s.u=np.zeros(n); s.t=0
//     def step(s, x, g):
//         s.t += 1
//         if s.wd: g = g + s.wd*x
//         s.m = s.b1*s.m + (1-s.b1)*g; s.u = np.maximum(s.b2*s.u, np.abs(g) + s.eps)
//         return x - s.lr/(1-s.b1**s.t)*s.m/s.u
// class NAdam:
//     def __init__(s, n, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, momentum_decay=4e-3, decoupled_weight_decay=False):
//         s.lr, (s.b1, s.b2), s.eps, s.wd, s.md, s.dec = lr, betas, eps, weight_decay, momentum_decay, decoupled_weight_decay
//         s.m=np.zeros(n); s.v=np.zeros(n); s.t=0; s.P=1.0
//     def step(s, x, g):
//         s.t += 1; t = s.t
//         if s.wd:
//             if s.dec: x = x*(1 - s.lr*s.wd)
//             else: g = g + s.wd*x
//         mu = s.b1*(1 - 0.5*0.96**(t*s.md)); mun = s.b1*(1 - 0.5*0.96**((t+1)*s.md))
//         s.P *= mu
//         s.m = s.b1*s.m + (1-s.b1)*g; s.v = s.b2*s.v + (1-s.b2)*g*g
//         den = np.sqrt(s.v/(1-s.b2**t)) + s.eps
//         return x - s.lr*(1-mu)/(1-s.P)*g/den - s.lr*mun/(1-s.P*mun)*s.m/den
// class RAdam:
//     def __init__(s, n, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, decoupled_weight_decay=False):
//         s.lr, (s.b1, s.b2), s.eps, s.wd, s.dec = lr, betas, eps, weight_decay, decoupled_weight_decay
//         s.m=np.zeros(n); s.v=np.zeros(n); s.t=0
//     def step(s, x, g):
//         s.t += 1; t = s.t
//         if s.wd:
//             if s.dec: x = x*(1 - s.lr*s.wd)
//             else: g = g + s.wd*x
//         s.m = s.b1*s.m + (1-s.b1)*g; s.v = s.b2*s.v + (1-s.b2)*g*g
//         mh = s.m/(1-s.b1**t)
//         ri = 2/(1-s.b2) - 1; rt = ri - 2*t*s.b2**t/(1-s.b2**t)
//         if rt > 5:
//             r = math.sqrt((rt-4)*(rt-2)*ri/((ri-4)*(ri-2)*rt)); l = math.sqrt(1-s.b2**t)/(np.sqrt(s.v) + s.eps)
//             return x - s.lr*mh*l*r
//         return x - s.lr*mh
// class Rprop:
//     def __init__(s, n, lr=1e-2, etas=(0.5, 1.2), step_sizes=(1e-6, 50)):
//         (s.em, s.ep), (s.lo, s.hi) = etas, step_sizes; s.p=np.zeros(n); s.s=np.full(n, float(lr))
//     def step(s, x, g):
//         g = g.copy(); x = x.copy()
//         for i in range(len(x)):
//             pr = g[i]*s.p[i]
//             if pr > 0: s.s[i] = min(s.s[i]*s.ep, s.hi)
//             elif pr < 0: s.s[i] = max(s.s[i]*s.em, s.lo); g[i] = 0
//             else: s.s[i] = min(max(s.s[i], s.lo), s.hi)
//             x[i] -= np.sign(g[i])*s.s[i]; s.p[i] = g[i]
//         return x
// class ASGD:
//     def __init__(s, n, lr=1e-2, lambd=1e-4, alpha=0.75, t0=1e6, weight_decay=0):
//         s.lr, s.la, s.al, s.t0, s.wd = lr, lambd, alpha, t0, weight_decay; s.eta=lr; s.t=0
//     def step(s, x, g):
//         s.t += 1
//         if s.wd: g = g + s.wd*x
//         x = x*(1 - s.la*s.eta) - s.eta*g
//         s.eta = s.lr/(1 + s.la*s.lr*s.t)**s.al
//         return x
//
// # Seed variants, as the seeds write them.
// class D2LSGD:
//     def __init__(s, n, lr=0.05): s.lr=lr
//     def step(s, x, g): return x - s.lr*g
// class D2LMomentum:
//     def __init__(s, n, lr=0.1, gamma=0.1): s.lr, s.ga = lr, gamma; s.v=np.zeros(n)
//     def step(s, x, g): s.v = s.ga*s.v + s.lr*g; return x - s.v
// class D2LInertia:
//     def __init__(s, n, lr=0.1, gamma=0.1): s.lr, s.ga = lr, gamma; s.v=np.zeros(n)
//     def step(s, x, g): s.v = s.ga*s.v + (1-s.ga)*g; return x - s.lr*s.v
// class D2LAdagrad:
//     def __init__(s, n, lr=0.1, eps=1e-6): s.lr, s.eps = lr, eps; s.s=np.zeros(n)
//     def step(s, x, g): s.s = s.s + g**2; return x - s.lr/np.sqrt(s.s + s.eps)*g
// class D2LRMSprop:
//     def __init__(s, n, lr=0.1, gamma=0.9, eps=1e-6): s.lr, s.ga, s.eps = lr, gamma, eps; s.s=np.zeros(n)
//     def step(s, x, g): s.s = s.ga*s.s + (1-s.ga)*g**2; return x - s.lr/np.sqrt(s.s + s.eps)*g
// class D2LAdam:
//     def __init__(s, n, lr=0.1, beta1=0.9, beta2=0.999, eps=1e-6): s.lr, s.b1, s.b2, s.eps = lr, beta1, beta2, eps; s.m=np.zeros(n); s.n=np.zeros(n); s.t=0
//     def step(s, x, g):
//         s.t += 1; s.m = s.b1*s.m + (1-s.b1)*g; s.n = s.b2*s.n + (1-s.b2)*g*g
//         return x - s.lr*(s.m/(1-s.b1**s.t))/(np.sqrt(s.n/(1-s.b2**s.t)) + s.eps)
// class JPSGD:
//     def __init__(s, n, lr=0.01): s.lr=lr
//     def step(s, x, g): return x - s.lr*g
// class JPMomentum:
//     def __init__(s, n, lr=0.01, momentum=0.95): s.lr, s.mo = lr, momentum; s.v=np.zeros(n)
//     def step(s, x, g): s.v = s.mo*s.v - s.lr*g; return x + s.v
// class JPAdagrad:
//     def __init__(s, n, lr=0.01, eps=1e-7): s.lr, s.eps = lr, eps; s.h=np.zeros(n)
//     def step(s, x, g): s.h = s.h + g*g; return x - s.lr*g/(np.sqrt(s.h) + s.eps)
// class PSGD:
//     def __init__(s, n, lr=0.2): s.lr=lr
//     def step(s, x, g): return x - s.lr*g
// class PAdagrad:
//     def __init__(s, n, lr=0.5, epsilon=1e-7): s.lr, s.eps = lr, epsilon; s.G=np.zeros(n)
//     def step(s, x, g): s.G = s.G + g**2; return x - s.lr/np.sqrt(s.G + s.eps)*g
// class PRMSprop:
//     def __init__(s, n, lr=0.1, beta=0.9, epsilon=1e-7): s.lr, s.b, s.eps = lr, beta, epsilon; s.G=np.zeros(n)
//     def step(s, x, g): s.G = s.b*s.G + (1-s.b)*g**2; return x - s.lr/np.sqrt(s.G + s.eps)*g
// class PMomentum:
//     def __init__(s, n, lr=0.01, rho=0.9): s.lr, s.rho = lr, rho; s.d=np.zeros(n)
//     def step(s, x, g): s.d = s.rho*s.d - s.lr*g; return x + s.d
// class PAdam:
//     def __init__(s, n, lr=0.2, beta1=0.9, beta2=0.99, epsilon=1e-7): s.lr, s.b1, s.b2, s.eps = lr, beta1, beta2, epsilon; s.M=np.zeros(n); s.G=np.zeros(n); s.t=1
//     def step(s, x, g):
//         s.M = s.b1*s.M + (1-s.b1)*g; s.G = s.b2*s.G + (1-s.b2)*g**2
//         Mh = s.M/(1-s.b1**s.t); Gh = s.G/(1-s.b2**s.t); s.t += 1
//         return x - s.lr/np.sqrt(Gh + s.eps)*Mh
//
// def run(obj, opt, start, steps):
//     f = OBJ[obj]; x = np.array(start, float); pts = []; losses = []
//     for k in range(steps + 1):
//         if k > 0: x = opt.step(x, f(x)[1])
//         v = f(x)[0]
//         if (not np.all(np.isfinite(x))) or not math.isfinite(v):
//             return pts, losses, k
//         pts.append([float(c) for c in x]); losses.append(float(v))
//     return pts, losses, None
//
// ===== lbfgs.py =====
// # numpy transcription of torch.optim.LBFGS.step and _strong_wolfe (read from pytorch's lbfgs.py).
// import numpy as np
// def cubic(x1, f1, g1, x2, f2, g2, bounds=None):
//     if bounds is not None: lo, hi = bounds
//     else: lo, hi = (x1, x2) if x1 <= x2 else (x2, x1)
//     d1 = g1 + g2 - 3*(f1 - f2)/(x1 - x2); d2s = d1**2 - g1*g2
//     if d2s >= 0:
//         d2 = np.sqrt(d2s)
//         if x1 <= x2: mp = x2 - (x2 - x1)*((g2 + d2 - d1)/(g2 - g1 + 2*d2))
//         else: mp = x1 - (x1 - x2)*((g1 + d2 - d1)/(g1 - g2 + 2*d2))
//         return min(max(mp, lo), hi)
//     return (lo + hi)/2.
// def wolfe(obj, x, t, d, f, g, gtd, c1=1e-4, c2=0.9, tol=1e-9, max_ls=25):
//     dn = np.abs(d).max(); fn, gn = obj(x, t, d); ev = 1; gtdn = gn.dot(d)
//     tp, fp, gp, gtdp = 0, f, g, gtd; done = False; it = 0
//     while it < max_ls:
//         if fn > (f + c1*t*gtd) or (it > 1 and fn >= fp):
//             br, bf, bg, bgtd = [tp, t], [fp, fn], [gp, gn], [gtdp, gtdn]; break
//         if abs(gtdn) <= -c2*gtd:
//             br, bf, bg = [t], [fn], [gn]; done = True; break
//         if gtdn >= 0:
//             br, bf, bg, bgtd = [tp, t], [fp, fn], [gp, gn], [gtdp, gtdn]; break
//         mn = t + 0.01*(t - tp); mx = t*10; tmp = t
//         t = cubic(tp, fp, gtdp, t, fn, gtdn, bounds=(mn, mx))
//         tp, fp, gp, gtdp = tmp, fn, gn, gtdn
//         fn, gn = obj(x, t, d); ev += 1; gtdn = gn.dot(d); it += 1
//     if it == max_ls: br, bf, bg = [0, t], [f, fn], [g, gn]
//     insuf = False
//     lo, hi = (0, 1) if bf[0] <= bf[-1] else (1, 0)
//     while not done and it < max_ls:
//         if abs(br[1] - br[0])*dn < tol: break
//         t = cubic(br[0], bf[0], bgtd[0], br[1], bf[1], bgtd[1])
//         eps = 0.1*(max(br) - min(br))
//         if min(max(br) - t, t - min(br)) < eps:
//             if insuf or t >= max(br) or t <= min(br):
//                 t = max(br) - eps if abs(t - max(br)) < abs(t - min(br)) else min(br) + eps
//                 insuf = False
//             else: insuf = True
//         else: insuf = False
//         fn, gn = obj(x, t, d); ev += 1; gtdn = gn.dot(d); it += 1
//         if fn > (f + c1*t*gtd) or fn >= bf[lo]:
//             br[hi], bf[hi], bg[hi], bgtd[hi] = t, fn, gn, gtdn
//             lo, hi = (0, 1) if bf[0] <= bf[1] else (1, 0)
//         else:
//             if abs(gtdn) <= -c2*gtd: done = True
//             elif gtdn*(br[hi] - br[lo]) >= 0:
//                 br[hi], bf[hi], bg[hi], bgtd[hi] = br[lo], bf[lo], bg[lo], bgtd[lo]
//             br[lo], bf[lo], bg[lo], bgtd[lo] = t, fn, gn, gtdn
//     return bf[lo], bg[lo], br[lo], ev
//
// class LBFGS:
//     def __init__(s, n, lr=1, max_iter=20, max_eval=None, tolerance_grad=1e-7, tolerance_change=1e-9, history_size=100, line_search_fn=None):
//         s.lr, s.mi = lr, max_iter; s.me = max_eval if max_eval is not None else max_iter*5//4
//         s.tg, s.tc, s.hs, s.ls = tolerance_grad, tolerance_change, history_size, line_search_fn
//         s.n_iter = 0; s.d = s.t = s.old_dirs = s.old_stps = s.ro = s.H = s.pg = s.pl = None
//     def step_closure(s, x, f):
//         # returns the new x; f(x) -> (loss, grad)
//         loss, g = f(x); cur = 1
//         if np.abs(g).max() <= s.tg: return x
//         d, t, od, os_, ro, H, pg, pl = s.d, s.t, s.old_dirs, s.old_stps, s.ro, s.H, s.pg, s.pl
//         n = 0
//         while n < s.mi:
//             n += 1; s.n_iter += 1
//             if s.n_iter == 1:
//                 d = -g; od, os_, ro, H = [], [], [], 1
//             else:
//                 y = g - pg; sv = d*t; ys = y.dot(sv)
//                 if ys > 1e-10:
//                     if len(od) == s.hs: od.pop(0); os_.pop(0); ro.pop(0)
//                     od.append(y); os_.append(sv); ro.append(1./ys); H = ys/y.dot(y)
//                 no = len(od); al = [None]*no; q = -g
//                 for i in range(no-1, -1, -1):
//                     al[i] = os_[i].dot(q)*ro[i]; q = q - al[i]*od[i]
//                 d = r = q*H
//                 for i in range(no):
//                     be = od[i].dot(r)*ro[i]; r = r + (al[i] - be)*os_[i]
//                 d = r
//             pg = g.copy(); pl = loss
//             t = min(1., 1./np.abs(g).sum())*s.lr if s.n_iter == 1 else s.lr
//             gtd = g.dot(d)
//             if gtd > -s.tc: break
//             lse = 0; opt = False
//             if s.ls == 'strong_wolfe':
//                 loss, g, t, lse = wolfe(lambda x0, tt, dd: f(x0 + tt*dd), x, t, d, loss, g, gtd)
//                 x = x + t*d; opt = np.abs(g).max() <= s.tg
//             else:
//                 x = x + t*d
//                 if n != s.mi:
//                     loss, g = f(x); opt = np.abs(g).max() <= s.tg; lse = 1
//             cur += lse
//             if n == s.mi: break
//             if cur >= s.me: break
//             if opt: break
//             if np.abs(d*t).max() <= s.tc: break
//             if abs(loss - pl) < s.tc: break
//         s.d, s.t, s.old_dirs, s.old_stps, s.ro, s.H, s.pg, s.pl = d, t, od, os_, ro, H, pg, pl
//         return x
//
// ===== gen.py =====
// import sys, math
// sys.path.insert(0, '.')
// from ref import *
// from lbfgs import LBFGS
// import numpy as np
//
// def pyval(v):
//     if isinstance(v, bool): return "True" if v else "False"
//     if isinstance(v, tuple): return "(%r, %r)" % v
//     if isinstance(v, str): return "'%s'" % v
//     return repr(v)
//
// # (spec name, python factory, kwargs)
// OPTS = [
//  ("SGD", SGD, dict(lr=0.1)),
//  ("SGD", SGD, dict(lr=0.05, momentum=0.9)),
//  ("SGD", SGD, dict(lr=0.05, momentum=0.9, nesterov=True)),
//  ("SGD", SGD, dict(lr=0.05, momentum=0.8, dampening=0.3, weight_decay=0.01)),
//  ("Adagrad", Adagrad, dict(lr=0.5)),
//  ("Adagrad", Adagrad, dict(lr=0.5, lr_decay=0.1, weight_decay=0.05, initial_accumulator_value=0.2, eps=1e-6)),
//  ("RMSprop", RMSprop, dict(lr=0.05)),
//  ("RMSprop", RMSprop, dict(lr=0.01, alpha=0.9, eps=1e-6, weight_decay=0.01, momentum=0.5, centered=True)),
//  ("Adadelta", Adadelta, dict()),
//  ("Adadelta", Adadelta, dict(lr=5.0, rho=0.8, eps=1e-4, weight_decay=0.1)),
//  ("Adam", Adam, dict(lr=0.1)),
//  ("Adam", Adam, dict(lr=0.1, betas=(0.8, 0.99), eps=1e-7, weight_decay=0.1, amsgrad=True)),
//  ("AdamW", AdamW, dict(lr=0.1)),
//  ("AdamW", AdamW, dict(lr=0.1, weight_decay=0.5, amsgrad=True)),
//  ("SparseAdam", SparseAdam, dict(lr=0.1)),
//  ("Adamax", Adamax, dict(lr=0.1)),
//  ("Adamax", Adamax, dict(lr=0.2, betas=(0.5, 0.9), weight_decay=0.1)),
//  ("NAdam", NAdam, dict(lr=0.1)),
//  ("NAdam", NAdam, dict(lr=0.1, momentum_decay=0.01, weight_decay=0.1)),
//  ("NAdam", NAdam, dict(lr=0.1, weight_decay=0.1, decoupled_weight_decay=True)),
//  ("RAdam", RAdam, dict(lr=0.1)),
//  ("RAdam", RAdam, dict(lr=0.1, betas=(0.9, 0.9))),
//  ("RAdam", RAdam, dict(lr=0.1, betas=(0.8, 0.8), weight_decay=0.1, decoupled_weight_decay=True)),
//  ("Rprop", Rprop, dict(lr=0.1)),
//  ("Rprop", Rprop, dict(lr=0.5, etas=(0.3, 1.5), step_sizes=(0.01, 1.0))),
//  ("ASGD", ASGD, dict(lr=0.1)),
//  ("ASGD", ASGD, dict(lr=0.1, lambd=0.01, alpha=0.5, t0=3.0, weight_decay=0.1)),
//  ("LBFGS", LBFGS, dict()),
//  ("LBFGS", LBFGS, dict(line_search_fn='strong_wolfe')),
//  ("LBFGS", LBFGS, dict(lr=0.5, max_iter=3, history_size=2)),
//  ("LBFGS", LBFGS, dict(max_iter=5, line_search_fn='strong_wolfe', history_size=3)),
//  ("d2l.sgd", D2LSGD, dict()),
//  ("d2l.momentum", D2LMomentum, dict()),
//  ("d2l.momentum", D2LMomentum, dict(lr=0.05, gamma=0.7)),
//  ("d2l.inertia", D2LInertia, dict()),
//  ("d2l.inertia", D2LInertia, dict(lr=0.3, gamma=0.6)),
//  ("d2l.adagrad", D2LAdagrad, dict()),
//  ("d2l.adagrad", D2LAdagrad, dict(lr=1.5, eps=1e-3)),
//  ("d2l.rmsprop", D2LRMSprop, dict()),
//  ("d2l.rmsprop", D2LRMSprop, dict(lr=0.05, gamma=0.5, eps=1e-4)),
//  ("d2l.adam", D2LAdam, dict()),
//  ("d2l.adam", D2LAdam, dict(lr=0.3, beta1=0.8, beta2=0.9, eps=1e-3)),
//  ("jp.sgd", JPSGD, dict(lr=0.95)),
//  ("jp.momentum", JPMomentum, dict(lr=0.1)),
//  ("jp.momentum", JPMomentum, dict(lr=0.02, momentum=0.8)),
//  ("jp.adagrad", JPAdagrad, dict(lr=1.5)),
//  ("paddle.sgd", PSGD, dict()),
//  ("paddle.adagrad", PAdagrad, dict()),
//  ("paddle.rmsprop", PRMSprop, dict()),
//  ("paddle.rmsprop", PRMSprop, dict(lr=0.2, beta=0.5, epsilon=1e-3)),
//  ("paddle.momentum", PMomentum, dict()),
//  ("paddle.adam", PAdam, dict()),
//  ("paddle.adam", PAdam, dict(lr=0.1, beta1=0.8, beta2=0.9, epsilon=1e-3)),
// ]
// STARTS = [("d2l", [-5.0, -2.0]), ("rosenbrock", [-1.2, 1.0]), ("cubic-saddle", [2.0, 3.0]), ("beale", [1.0, 1.0]),
//           ("parabola", [2.0])]
// STEPS = 20
//
// def spec_text(name, kw):
//     return "%s(%s)" % (name, ", ".join("%s=%s" % (k, pyval(v)) for k, v in kw.items()))
//
// def run_lbfgs(obj, opt, start, steps):
//     f = OBJ[obj]; x = np.array(start, float); pts = []; losses = []
//     for k in range(steps + 1):
//         if k > 0:
//             with np.errstate(all='ignore'): x = opt.step_closure(x, f)
//         v = f(x)[0]
//         if (not np.all(np.isfinite(x))) or not math.isfinite(v):
//             return pts, losses, k
//         pts.append([float(c) for c in x]); losses.append(float(v))
//     return pts, losses, None
//
// out = []
// out.append("// Generated by the Python script in ReferenceGenerator.swift (numpy, float64); do not edit.")
// out.append("// Each case: a spec run from a start for `steps` steps, the points it must produce, and the")
// out.append("// divergence step. The Python implementations are written from the formulas, independently.")
// out.append("")
// out.append("let referenceCases: [ReferenceCase] = [")
// count = 0
// for name, cls, kw in OPTS:
//     for obj, start in STARTS:
//         if obj == "parabola" and name not in ("SGD", "Adam", "LBFGS", "d2l.adagrad", "Rprop"): continue
//         opt = cls(len(start), **kw)
//         with np.errstate(all='ignore'):
//             if name == "LBFGS": pts, losses, div = run_lbfgs(obj, opt, start, STEPS)
//             else:
//                 from ref import run
//                 pts, losses, div = run(obj, opt, start, STEPS)
//         ptxt = ", ".join("[" + ", ".join(repr(c) for c in p) + "]" for p in pts)
//         out.append('    ReferenceCase(objective: "%s", spec: "%s", start: %s, steps: %d, divergedAt: %s,' % (
//             obj, spec_text(name, kw), "[" + ", ".join(repr(c) for c in start) + "]", STEPS, "nil" if div is None else div))
//         out.append('                  points: [%s]),' % ptxt)
//         count += 1
// out.append("]")
// open(sys.argv[1], "w").write("\n".join(out) + "\n")
// print(count, "cases")
