# mark_dynamic: dynamic from the first compile — but not for a batch of 1
#
# torch._dynamo.mark_dynamic(x, 0) tells Dynamo that dim 0 of x will vary, so even the first
# compile uses a symbol for it — no recompile when the batch size changes, even with
# dynamic=False. The entry is guarded with `x._dynamo_dynamic_indices.issubset({0})` and
# `2 <= x.size()[0]`: a size symbol never stands for 0 or 1 (0/1 specialization). So when the
# last batch has one row, Dynamo compiles a second, static graph for it.
#
# Fix (proven by Try fix): torch._dynamo.mark_unbacked(x, 0) instead. An unbacked symbol has
# no 0/1 specialization, so the batch of 1 reuses the graph: 2 compiles become 1 with the same
# results.
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
