# Duck sizing under dynamic=True
#
# With dynamic=True every size is symbolic from the start, and sizes equal when first traced
# share one symbol ("duck sizing"): a 3x3 input gets one symbol for both dims, guarded by
# `x.size()[1] == x.size()[0]`. A later 3x4 input fails that equality and recompiles.
# Fix (proven by Try fix): torch.fx.experimental._config.use_duck_shape = False after the
# imports: each size gets its own symbol and the 3x4 input reuses the first graph.
import torch
import torch._dynamo.testing


def total(x):
    return x.sum()


cnt = torch._dynamo.testing.CompileCounter()
f = torch.compile(total, backend=cnt, dynamic=True)
f(torch.ones(3, 3))
f(torch.ones(5, 5))   # hit: still square
f(torch.ones(3, 4))   # recompile: the duck-sizing equality fails
print("graphs compiled:", cnt.frame_count)  # 2
