# The recompile limit and run-only mode
#
# Every distinct value of a specialized input costs a compile. After recompile_limit entries
# (8 by default; 3 here) Dynamo warns and the function runs eagerly from then on: existing
# entries still hit, nothing new is compiled ("run-only"); fullgraph=True raises instead.
# Fix (proven by Try fix): torch._dynamo.mark_unbacked(x, 0) before each call: an unbacked size
# takes 0 and 1 too, so one graph serves every size and the limit is never reached.
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
