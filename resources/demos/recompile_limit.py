# The recompile limit and run-only mode
#
# Every distinct value of a specialized input costs a compile. After recompile_limit entries
# (8 by default; 3 here) Dynamo logs "torch._dynamo hit config.recompile_limit (3)" and the
# function runs eagerly from then on: existing entries are still used when their guards pass,
# but nothing new is compiled ("run-only"). With fullgraph=True or
# fail_on_recompile_limit_hit=True it raises instead.
#
# Fix (proven by Try fix): torch._dynamo.mark_unbacked(x, 0) before each call. The size is an
# unbacked symbol from the first compile, and unbacked symbols take 0 and 1 too (no 0/1
# specialization): one graph for every size, the limit is never reached. Turning
# automatic_dynamic_shapes back on also stays under the limit, with two graphs.
import torch
import torch._dynamo.testing

torch._dynamo.config.recompile_limit = 3
torch._dynamo.config.automatic_dynamic_shapes = False


def bump(x):
    return x + 1


cnt = torch._dynamo.testing.CompileCounter()
f = torch.compile(bump, backend=cnt)
for n in range(1, 8):
    f(torch.ones(n))
f(torch.ones(2))   # an existing entry still hits in run-only mode
print("graphs compiled:", cnt.frame_count)  # 3
