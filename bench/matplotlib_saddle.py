"""Baseline for `make bench`: seed 004's saddle animation as matplotlib draws it.

f(x1, x2) = x1² + x2² + x2³ + x1·x2 on [−3, 3]², the surface in #f19ec2, five
optimizers from (2, 3) for 150 steps with the book's update rules, the paths
growing one step per frame (FuncAnimation, 60 ms a frame), saved as a GIF with
Pillow, 10 × 6 inches at 100 dpi — the same figure optrender's catalog entry
`paddle_saddle_anim` makes. Usage: python3 matplotlib_saddle.py OUT.gif|OUT.mp4|OUT.png

`python3 matplotlib_saddle.py OUT.png`: the still (catalog `paddle_saddle`): the same
surface with the five whole paths and the legend, saved once.
"""
import sys
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib import animation


def f(x):
    return x[0] ** 2 + x[1] ** 2 + x[1] ** 3 + x[0] * x[1]


def grad(x):
    return np.array([2 * x[0] + x[1], 2 * x[1] + 3 * x[1] ** 2 + x[0]])


def run(update, steps=150):
    x = np.array([2.0, 3.0])
    state = {}
    xs = [x.copy()]
    for t in range(1, steps + 1):
        x = update(x, grad(x), state, t)
        xs.append(x.copy())
    xs = np.array(xs)
    return xs, np.array([f(p) for p in xs])


def sgd(x, g, s, t):
    return x - 0.01 * g


def adagrad(x, g, s, t):
    s["G"] = s.get("G", 0) + g * g
    return x - 0.5 / np.sqrt(s["G"] + 1e-7) * g


def rmsprop(x, g, s, t):
    s["G"] = 0.9 * s.get("G", 0) + 0.1 * g * g
    return x - 0.1 / np.sqrt(s["G"] + 1e-7) * g


def momentum(x, g, s, t):
    s["d"] = 0.9 * s.get("d", 0) - 0.01 * g
    return x + s["d"]


def adam(x, g, s, t):
    s["m"] = 0.9 * s.get("m", 0) + 0.1 * g
    s["v"] = 0.99 * s.get("v", 0) + 0.01 * g * g
    mh, vh = s["m"] / (1 - 0.9 ** t), s["v"] / (1 - 0.99 ** t)
    return x - 0.1 * mh / np.sqrt(vh + 1e-7)


def main(out):
    runs = [run(u) for u in (sgd, adagrad, rmsprop, momentum, adam)]
    x1, x2 = np.meshgrid(np.arange(-3, 3, 0.1), np.arange(-3, 3, 0.1))
    fig = plt.figure(figsize=(6.4, 4.8), dpi=100)   # the book's plt.figure(): matplotlib's default size
    ax = plt.axes(projection="3d")
    ax.plot_surface(x1, x2, f([x1, x2]), color="#f19ec2")
    ax.set_xlabel("x1")
    ax.set_ylabel("x2")
    ax.set_zlabel("f(x1,x2)")
    labels = ["SGD", "AdaGrad", "RMSprop", "Momentum", "Adam"]
    colors = ["#9c9d9f", "#f7d2e2", "#f19ec2", "#e86096", "#000000"]
    lines = [ax.plot([], [], [], label=l, color=c, lw=2)[0] for l, c in zip(labels, colors)]
    ax.legend(loc="upper left")

    def animate(i):
        for line, (xs, zs) in zip(lines, runs):
            line.set_data(xs[:i, 0], xs[:i, 1])
            line.set_3d_properties(zs[:i])
        return lines

    if out.endswith(".png"):
        animate(len(runs[0][0]))
        plt.savefig(out, dpi=100)
        return
    anim = animation.FuncAnimation(fig, animate, frames=151, interval=60, blit=True)
    anim.save(out, writer=writer(out), dpi=100)


def writer(out):
    """PillowWriter for .gif, FFMpegWriter (the ffmpeg program, H.264) for .mp4."""
    if out.endswith(".mp4"):
        return animation.FFMpegWriter(fps=1000 / 60, codec="libx264", extra_args=["-pix_fmt", "yuv420p"])
    return animation.PillowWriter(fps=1000 / 60)


if __name__ == "__main__":
    main(sys.argv[1])
