# The same tensor passed twice (aliasing)
#
# A graph assumes its tensor inputs are distinct (NO_TENSOR_ALIASING): it may have reordered
# an in-place update. Passing one tensor as q and k recompiles a graph guarded by `q is k`.
# Fix (proven by Try fix): pass k=x.clone() where the aliasing is accidental, as here (no input
# is changed in place). With `a.add_(b); return c + 1` a copy would change the result.
import torch
import torch._dynamo.testing


def attend(q, k, v):
    w = (q * k).sum()
    return w * v


cnt = torch._dynamo.testing.CompileCounter()
opt_attend = torch.compile(attend, backend=cnt)
x, y, z = torch.randn(3), torch.randn(3), torch.randn(3)
opt_attend(x, y, z)        # compile: three distinct tensors
opt_attend(z, y, x)        # hit: still distinct
opt_attend(x, x, y)        # recompile: q is k
opt_attend(y, y, z)        # hit the aliased entry
print("graphs compiled:", cnt.frame_count)  # 2
