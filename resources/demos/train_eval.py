# Switching a module between train() and eval()
#
# Dropout reads `self.training`: the graph is guarded on `...dropout.training == False` and
# model.train() compiles a second one (train_eval); then both modes hit. With p > 0 both are
# needed. Here p is 0.0, a common config default: both modes compute the same.
# Fix (proven by Try fix): nn.Identity() instead of nn.Dropout(0.0): no `training` read, one
# graph for both modes.
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
