# mark_dynamic: dynamic from the first compile — except for a batch of 1
#
# mark_dynamic(x, 0) makes dim 0 symbolic from the first compile, even with dynamic=False;
# but a size symbol never stands for 1 (`2 <= x.size()[0]`): a last batch of 1 recompiles.
# Fix (proven by Try fix): torch._dynamo.mark_unbacked(x, 0) instead: one graph for all.
import torch
import torch._dynamo.testing


def norm(x):
    return x / x.sum()


cnt = torch._dynamo.testing.CompileCounter()
f = torch.compile(norm, backend=cnt, dynamic=False)
for batch in [4, 8, 16, 1]:
    x = torch.rand(batch, 3)
    torch._dynamo.mark_dynamic(x, 0)
    f(x)
print("graphs compiled:", cnt.frame_count)  # 2: [s0, 3], then [1, 3]
