# A Python int argument becomes symbolic
#
# An int argument is first specialized (`n == 2`). When another value comes, Dynamo recompiles
# once with the int as a SymInt and every later value reuses that graph. Ints read from
# globals or module attributes stay specialized forever.
# Fix (proven by Try fix): compile with dynamic=True: a SymInt from the first compile.
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
