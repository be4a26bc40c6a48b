# Automatic dynamic shapes
#
# The first call is compiled for the exact sizes it sees. A later call with another size
# recompiles once, now with the changed size dynamic (a symbol such as s77, range [2, int_oo]),
# and every later size reuses that graph: one compile, one recompile, then only cache hits.
# Fix (proven by Try fix): x AND y change size, so mark both, maybe_mark_dynamic(x, 0) and (y, 0),
# or use dynamic=True; marking x alone (the first reason's input) fails: x * y ties it to y.
import torch
import torch._dynamo.testing


def scale(x, y):
    return x * y


cnt = torch._dynamo.testing.CompileCounter()
opt_scale = torch.compile(scale, backend=cnt)

for n in [2, 3, 4, 5, 6, 7]:
    opt_scale(torch.randn(n), torch.randn(n))

print("graphs compiled:", cnt.frame_count)  # 2: static [2], then dynamic [s77]
