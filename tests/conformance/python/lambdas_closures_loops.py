adders = []
for i in range(3):
    adders.append(lambda x, i=i: x + i)
print([f(10) for f in adders])
late = []
for i in range(3):
    late.append(lambda x: x + i)
print([f(10) for f in late])
def make_multipliers():
    return [lambda x, n=n: x * n for n in range(1, 4)]
print([m(2) for m in make_multipliers()])
def accumulator():
    total = 0
    def add(x):
        nonlocal total
        total += x
        return total
    return add
acc = accumulator()
print(acc(1), acc(10), acc(100))
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
print(list(map(lambda x: x ** 2, filter(lambda x: x % 2, range(10)))))
curry = lambda a: lambda b: lambda c: a + b + c
print(curry(1)(2)(3))
def counter_factory():
    counts = {}
    def count(key):
        counts[key] = counts.get(key, 0) + 1
        return counts[key]
    return count
c = counter_factory()
print(c("a"), c("a"), c("b"))
def outer():
    x = 0
    def bump():
        nonlocal x
        x += 1
    for _ in range(5):
        bump()
    return x
print(outer())
funcs = {name: (lambda n: lambda: n)(name) for name in ["x", "y"]}
print(funcs["x"](), funcs["y"]())
def closure_over_loop_var():
    result = []
    for i in range(3):
        def show():
            return i
        result.append(show)
    return [f() for f in result]
print(closure_over_loop_var())
