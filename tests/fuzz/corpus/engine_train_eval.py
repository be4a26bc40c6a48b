# Switching a module between train() and eval()
#
# Dropout reads `self.training`, so the compiled graph is guarded on
# `self._modules['dropout'].training == False`. Calling model.train() flips the flag and
# compiles a second graph; afterwards both modes hit their own cache entry. The reason is
# classified train_eval; the usual fix is to compile after choosing the mode, or to keep one
# compiled module per mode.
import torch
import torch._dynamo.testing


class Net(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = torch.nn.Linear(8, 4)
        self.dropout = torch.nn.Dropout(0.25)

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
