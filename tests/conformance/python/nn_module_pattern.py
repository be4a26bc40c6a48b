from collections import OrderedDict
class Parameter:
    def __init__(self, data):
        self.data = data
    def __repr__(self):
        return f"Parameter({self.data})"
class Module:
    def __init__(self):
        super().__setattr__("_parameters", OrderedDict())
        super().__setattr__("_modules", OrderedDict())
        super().__setattr__("training", True)
    def __setattr__(self, name, value):
        if isinstance(value, Parameter):
            self._parameters[name] = value
        elif isinstance(value, Module):
            self._modules[name] = value
        else:
            super().__setattr__(name, value)
    def __getattr__(self, name):
        if name in self._parameters:
            return self._parameters[name]
        if name in self._modules:
            return self._modules[name]
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")
    def __delattr__(self, name):
        if name in self._parameters:
            del self._parameters[name]
        else:
            super().__delattr__(name)
    def named_parameters(self, prefix=""):
        for n, p in self._parameters.items():
            yield prefix + n, p
        for mn, m in self._modules.items():
            yield from m.named_parameters(prefix + mn + ".")
    def parameters(self):
        for _, p in self.named_parameters():
            yield p
    def train(self, mode=True):
        self.training = mode
        for m in self._modules.values():
            m.train(mode)
        return self
    def eval(self):
        return self.train(False)
    def __call__(self, *args, **kwargs):
        return self.forward(*args, **kwargs)
    def children(self):
        return iter(self._modules.values())
class Linear(Module):
    def __init__(self, i, o):
        super().__init__()
        self.weight = Parameter([[0.0] * i for _ in range(o)])
        self.bias = Parameter([0.0] * o)
        self.in_features = i
    def forward(self, x):
        return [sum(w * v for w, v in zip(row, x)) + b for row, b in zip(self.weight.data, self.bias.data)]
class Net(Module):
    def __init__(self):
        super().__init__()
        self.fc1 = Linear(2, 3)
        self.fc2 = Linear(3, 1)
    def forward(self, x):
        return self.fc2(self.fc1(x))
n = Net()
print([name for name, _ in n.named_parameters()], len(list(n.parameters())))
print(n([1.0, 2.0]), n.training, n.eval().training, n.fc1.training, n.fc1.in_features)
del n.fc1.bias
print([name for name, _ in n.named_parameters()])
try:
    n.missing
except AttributeError as e:
    print(e)
print(type(n).__mro__[1].__name__, isinstance(n.fc2, Module), list(type(c).__name__ for c in n.children()))
print(object.__getattribute__(n, "training"), getattr(n, "fc2").in_features, hasattr(n, "nope"))
