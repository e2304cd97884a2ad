#!/usr/bin/env python3
"""Time PyTorch's own gradient-inversion (Inverting Gradients) step on this machine, for docs/performance.md.

The step is the one ILrg's InvertingGradients runs per iteration (SPEC.md section 8): the dummy batch's loss, its
parameter gradient with create_graph, 1 - cos against the true gradient plus tv * TV(x), backward to x, the sign of
x's gradient, an Adam step, the pixel clamp and zeroing the model's gradients. Models are the paper's CIFAR-style
ResNet-18 (stem 3x3 stride 1, no max-pool) and FCN-3 (784-300-300-10, ReLU), in eval mode, float32, CPU.

Needs Debian's python3-torch (only for this measurement; CI never runs it):
    apt-get install python3-torch && python3 docs/perf/pytorch_ig_step.py --threads 2
Prints one line per configuration: median milliseconds per iteration over --iterations after --warmup.
"""
import argparse
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class Basic(nn.Module):
    def __init__(self, inputs, planes, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(inputs, planes, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.shortcut = nn.Identity()
        if stride != 1 or inputs != planes:
            self.shortcut = nn.Sequential(nn.Conv2d(inputs, planes, 1, stride, bias=False), nn.BatchNorm2d(planes))

    def forward(self, x):
        return F.relu(self.bn2(self.conv2(F.relu(self.bn1(self.conv1(x))))) + self.shortcut(x))


class ResNet18(nn.Module):
    def __init__(self, classes):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, 64, 3, 1, 1, bias=False), nn.BatchNorm2d(64), nn.ReLU())
        blocks, inputs = [], 64
        for planes, stride in [(64, 1), (128, 2), (256, 2), (512, 2)]:
            blocks += [Basic(inputs, planes, stride), Basic(planes, planes, 1)]
            inputs = planes
        self.body = nn.Sequential(*blocks)
        self.fc = nn.Linear(512, classes)

    def forward(self, x):
        return self.fc(F.adaptive_avg_pool2d(self.body(self.stem(x)), 1).flatten(1))


def fcn3():
    return nn.Sequential(nn.Flatten(), nn.Linear(784, 300), nn.ReLU(), nn.Linear(300, 300), nn.ReLU(),
                         nn.Linear(300, 10))


def total_variation(x):
    dx = (x[:, :, :, :-1] - x[:, :, :, 1:]).abs().mean()
    dy = (x[:, :, :-1, :] - x[:, :, 1:, :]).abs().mean()
    return dx + dy


def time_ig(model, shape, n, classes, tv, warmup, iterations):
    torch.manual_seed(0)
    model.eval()
    params = [p for p in model.parameters() if p.requires_grad]
    truth = torch.randn(n, *shape)
    labels = torch.randint(0, classes, (n,))
    target = torch.autograd.grad(F.cross_entropy(model(truth), labels), params)
    target = torch.cat([g.flatten() for g in target]).detach()
    target_norm = target.norm()
    x = torch.randn(n, *shape, requires_grad=True)
    optimizer = torch.optim.Adam([x], lr=0.1)
    times = []
    for it in range(warmup + iterations):
        start = time.perf_counter()
        optimizer.zero_grad()
        grads = torch.autograd.grad(F.cross_entropy(model(x), labels), params, create_graph=True)
        dummy = torch.cat([g.flatten() for g in grads])
        cost = 1 - (dummy * target).sum() / (dummy.norm() * target_norm + 1e-12)
        cost = cost + tv * total_variation(x)
        cost.backward()
        x.grad.sign_()
        optimizer.step()
        with torch.no_grad():
            x.clamp_(-3.0, 3.0)
        model.zero_grad()
        cost.item()
        if it >= warmup:
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times), max(times)


def time_forward(model, shape, n, warmup, iterations):
    model.eval()
    x = torch.randn(n, *shape)
    times = []
    with torch.no_grad():
        for it in range(warmup + iterations):
            start = time.perf_counter()
            model(x)
            if it >= warmup:
                times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times), max(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--iterations", type=int, default=15)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads")
    rows = [
        ("ig-resnet18-16 (ms/iteration)", lambda: time_ig(ResNet18(100), (3, 32, 32), 16, 100, 8e-3,
                                                          args.warmup, args.iterations)),
        ("ig-fcn-50 (ms/iteration)", lambda: time_ig(fcn3(), (1, 28, 28), 50, 10, 1e-4,
                                                     args.warmup, args.iterations * 4)),
        ("forward resnet18 N=24 (ms)", lambda: time_forward(ResNet18(100), (3, 32, 32), 24,
                                                             args.warmup, args.iterations)),
    ]
    for name, run in rows:
        median, low, high = run()
        print(f"{name}: median {median:.1f}, min {low:.1f}, max {high:.1f}")


if __name__ == "__main__":
    main()
