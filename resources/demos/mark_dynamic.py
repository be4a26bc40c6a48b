# mark_dynamic: dynamic from the first compile
#
# torch._dynamo.mark_dynamic(x, 0) tells Dynamo that dim 0 of x will vary, so even the first
# compile uses a symbol for it — no recompile when the batch size changes, even with
# dynamic=False. The entry is guarded with `x._dynamo_dynamic_indices.issubset({0})`.
import torch
import torch._dynamo.testing


def norm(x):
    return x / x.sum()


cnt = torch._dynamo.testing.CompileCounter()
f = torch.compile(norm, backend=cnt, dynamic=False)
for batch in [4, 8, 16]:
    x = torch.rand(batch, 3)
    torch._dynamo.mark_dynamic(x, 0)
    f(x)
print("graphs compiled:", cnt.frame_count)  # 1
