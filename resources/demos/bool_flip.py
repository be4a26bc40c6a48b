# A Python bool flips
#
# A bool argument that the function branches on is always specialized: the guard is
# `flag == True`, so passing False compiles a second graph. Flipping back and forth is then
# free (both entries are cached, most recently used first). The "why it recompiled" view
# names the category bool_flip.
#
# Fix (proven by Try fix): pass the flag as a tensor, torch.tensor(flag), AND select with
# `return torch.where(flag, x * 2, x - 1)` instead of `if flag:`: one graph for both values.
# Passing a tensor alone is not enough: `if flag:` on a tensor reads its value, a graph break.
import torch
import torch._dynamo.testing


def step(flag, x):
    if flag:
        return x * 2
    return x - 1


cnt = torch._dynamo.testing.CompileCounter()
opt_step = torch.compile(step, backend=cnt)
x = torch.randn(4)
for flag in [True, False, True, False, True]:
    opt_step(flag, x)
print("graphs compiled:", cnt.frame_count)  # 2
