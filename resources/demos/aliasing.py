# The same tensor passed twice (aliasing)
#
# A compiled graph assumes its tensor inputs are distinct objects (NO_TENSOR_ALIASING): it
# may have reordered an in-place update of one of them. Passing the same tensor as `q` and `k`
# fails that guard ("Duplicate tensors found") and compiles a second graph that takes one
# input for both, guarded by `q is k`.
#
# Fix (proven by Try fix): pass a copy where the same tensor goes in twice, k=x.clone(). The
# inputs are distinct again and the first graph is reused: 2 compiles become 1 with the same
# results. It is right here because attend() changes no input in place; when a function
# updates one input and reads the other (a.add_(b); return c + 1), the aliasing is part of the
# result, a copy changes it, and Try fix shows the candidate failing for that reason.
import torch
import torch._dynamo.testing


def attend(q, k, v):
    return (q * k).sum() * v


cnt = torch._dynamo.testing.CompileCounter()
opt_attend = torch.compile(attend, backend=cnt)
x, y, z = torch.randn(3), torch.randn(3), torch.randn(3)
opt_attend(x, y, z)        # compile: three distinct tensors
opt_attend(z, y, x)        # hit: still distinct
opt_attend(x, x, y)        # recompile: q is k
opt_attend(y, y, z)        # hit the aliased entry
print("graphs compiled:", cnt.frame_count)  # 2
