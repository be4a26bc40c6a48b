# A Python int argument becomes symbolic
#
# An int argument is first specialized (`n == 2` is a guard). When a different value comes,
# Dynamo recompiles once with the int as a SymInt (guarded only by its type), and every
# later value reuses that graph. Ints read from globals or module attributes stay
# specialized forever — pass a tensor instead if they change often.
#
# Fix (proven by Try fix): compile with dynamic=True. The int is a SymInt from the first
# compile, so no value recompiles. Passing torch.tensor(n) works too.
import torch
import torch._dynamo.testing


def repeat_add(x, n):
    return x + n


cnt = torch._dynamo.testing.CompileCounter()
f = torch.compile(repeat_add, backend=cnt)
x = torch.zeros(3)
for n in [2, 3, 4, 5, 6]:
    f(x, n)
print("graphs compiled:", cnt.frame_count)  # 2: n == 2, then symbolic n
