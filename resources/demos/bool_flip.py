# A Python bool flips
#
# A bool argument that the function branches on is always specialized: the guard is
# `flag == True`, so passing False compiles a second graph. Flipping back and forth is then
# free (both entries are cached, most recently used first). The "why it recompiled" view
# names the category bool_flip and suggests passing the flag as a tensor or branching
# outside the compiled function.
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
