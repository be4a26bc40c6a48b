# dynamic=True and dynamic=False
#
# dynamic=False never makes a size symbolic: each new size is a new graph. dynamic=True makes
# every size symbolic from the first compile: one graph. The default, None, starts static and
# turns a size dynamic when it changes (see the automatic dynamic demo).
# Fix (proven by Try fix): maybe_mark_dynamic(x, 0) before each call: dynamic in every mode.
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
