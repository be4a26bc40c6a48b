# A Python bool flips
#
# A bool the function branches on is always specialized: the guard is `flag == True`, so
# passing False compiles a second graph; flipping back and forth is then free (both entries
# are cached). The reason's category is bool_flip.
# Fix (proven by Try fix): pass torch.tensor(flag) AND return torch.where(flag, x * 2, x - 1)
# instead of `if flag:` — one graph. A tensor alone is a graph break where `if` reads it.
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
