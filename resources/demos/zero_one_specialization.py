# 0/1 specialization
#
# Symbolic sizes are assumed to be at least 2 (`2 <= x.size()[0]`): sizes 0 and 1 behave
# differently under broadcasting, so PyTorch specializes them. After x turned dynamic, size 1
# fails the `2 <=` guard and compiles its own graph, and so does size 0 (zero_one_specialization).
# Fix (proven by Try fix): torch._dynamo.mark_unbacked(x, 0) before each call: one graph.
import torch
import torch._dynamo.testing


def double(x):
    return x * 2


cnt = torch._dynamo.testing.CompileCounter()
f = torch.compile(double, backend=cnt)
for n in [3, 2, 1, 0]:
    f(torch.ones(n))
print("graphs compiled:", cnt.frame_count)  # 4: [3], [s77], [1], [0]
