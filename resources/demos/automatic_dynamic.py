# Automatic dynamic shapes
#
# The first call of a compiled function is compiled for the exact sizes it sees. When a later
# call brings a different size, Dynamo recompiles once more — but this time it marks the size
# that changed as dynamic (a symbol such as s77 with range [2, int_oo]), so every later size
# reuses that second graph. Watch the timeline: one compile, one recompile ("size mismatch at
# index 0"), then only cache hits. The symbolic-shapes view shows when dim 0 became a symbol.
#
# Fix (proven by Try fix): both x and y change size, so both must be dynamic from the first
# call: torch._dynamo.maybe_mark_dynamic(x, 0) and (y, 0) before the call, or dynamic=True.
# Marking only x — what the first reason names — is not enough: `x * y` ties x's size to y's,
# which stays static, and with the hard mark_dynamic PyTorch raises ConstraintViolationError.
import torch
import torch._dynamo.testing


def scale(x, y):
    return x * y


cnt = torch._dynamo.testing.CompileCounter()
opt_scale = torch.compile(scale, backend=cnt)

for n in [2, 3, 4, 5, 6, 7]:
    opt_scale(torch.randn(n), torch.randn(n))

print("graphs compiled:", cnt.frame_count)  # 2: static [2], then dynamic [s77]
