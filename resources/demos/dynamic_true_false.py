# dynamic=True and dynamic=False
#
# torch.compile(dynamic=...) decides how sizes are treated. dynamic=False never makes a size
# symbolic: each new size is a new graph (and a recompile). dynamic=True makes every size
# symbolic from the very first compile, so one graph serves them all. The default, None,
# starts static and turns a size dynamic when it changes (see the automatic dynamic demo).
#
# Fix (proven by Try fix): torch._dynamo.maybe_mark_dynamic(x, 0) before each call makes the
# size dynamic from the first compile in every mode, dynamic=False included: 7 graphs become 3
# (one per mode). Setting dynamic=True for all three modes does the same.
import torch
import torch._dynamo.testing


def add_one(x):
    return x + 1


for mode in [False, None, True]:
    torch._dynamo.reset()
    cnt = torch._dynamo.testing.CompileCounter()
    f = torch.compile(add_one, backend=cnt, dynamic=mode)
    for n in [3, 4, 5, 6]:
        f(torch.ones(n))
    print("dynamic=%s: %d graphs" % (mode, cnt.frame_count))
