# The same tensor passed twice (aliasing)
#
# A compiled graph assumes its tensor inputs are distinct objects (NO_TENSOR_ALIASING): it
# may have reordered an in-place update. Passing the same tensor as `a` and `c` fails that
# guard ("Duplicate tensors found") and compiles a new graph that takes one input for both,
# guarded by `a is c`. Fix: pass distinct tensors (clone), if the aliasing is accidental.
import torch
import torch._dynamo.testing


def update(a, b, c):
    a.add_(b)
    return c + 1


cnt = torch._dynamo.testing.CompileCounter()
opt_update = torch.compile(update, backend=cnt)
x, y, z = torch.randn(3), torch.randn(3), torch.randn(3)
opt_update(x, y, z)        # compile: three distinct tensors
opt_update(z, y, x)        # hit: still distinct
opt_update(x, y, x)        # recompile: a is c
opt_update(y, z, y)        # hit the aliased entry
print("graphs compiled:", cnt.frame_count)  # 2
