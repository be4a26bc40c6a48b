# Switching a module between train() and eval()
#
# Dropout reads `self.training`, so the compiled graph is guarded on
# `self._modules['dropout'].training == False`. Calling model.train() flips the flag and
# compiles a second graph; afterwards both modes hit their own cache entry. The reason is
# classified train_eval. When the modes compute different things (dropout with p > 0, batch
# norm) both graphs are needed: compile after choosing the mode, or accept two entries.
#
# Here the dropout probability is 0.0, a common default in model configs: both modes compute
# the same, yet each compiles its own graph. Fix (proven by Try fix): build nn.Identity()
# instead of nn.Dropout(0.0). Identity reads no `training` flag, so switching modes no longer
# recompiles: 2 compiles become 1 with the same results.
import torch
import torch._dynamo.testing


class Net(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = torch.nn.Linear(8, 4)
        self.dropout = torch.nn.Dropout(0.0)

    def forward(self, x):
        return self.dropout(self.linear(x))


cnt = torch._dynamo.testing.CompileCounter()
model = torch.compile(Net(), backend=cnt)
x = torch.randn(2, 8)
for _ in range(3):
    model.eval()
    model(x)
    model.train()
    model(x)
print("graphs compiled:", cnt.frame_count)  # 2
