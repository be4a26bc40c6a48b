class Node:
    def __init__(self, val, children=None):
        self.val = val
        self.children = children or []
    def __iter__(self):
        yield self.val
        for c in self.children:
            yield from c
    def __repr__(self):
        return f"Node({self.val})"
tree = Node(1, [Node(2, [Node(3)]), Node(4)])
print(list(tree), sum(tree), max(tree))
def walk(n, depth=0):
    yield depth, n.val
    for c in n.children:
        yield from walk(c, depth + 1)
print(list(walk(tree)))
class Reg(dict):
    def register(self, name):
        def deco(f):
            self[name] = f
            return f
        return deco
reg = Reg()
@reg.register("double")
def double(x): return 2 * x
print(reg["double"](4), list(reg))
import functools
class Cache:
    @functools.lru_cache(maxsize=None)
    def compute(self, n):
        return n * 3
c = Cache()
print(c.compute(3), c.compute(3))
def kw(**kwargs):
    return kwargs
print(kw(**{"a": 1}, b=2))
print(sorted(["b", "a", "c"], key=lambda s: s, reverse=True))
x = 10
def outer():
    x = 20
    def inner():
        global x
        x = 30
    inner()
    return x
print(outer(), x)
class Meta:
    pass
print(type(Meta) is type, type(type) is type, isinstance(type, object))
try:
    raise ValueError("a") from TypeError("b")
except ValueError as e:
    print(type(e.__cause__).__name__, e.__context__)
nums = [3, 1, 2]
it = iter(nums)
nums.append(4)
print(list(it))
print(list(zip(*[[1, 2], [3, 4], [5, 6]])))
print({k: v for k, v in sorted({"z": 1, "a": 2}.items())})
print(str(list(range(3))), repr(tuple()), repr(frozenset({1})))
print(1 < 2 == 2 > 1, not (1 == 2), -(-3), +(-3))
print(all(isinstance(v, int) for v in (1, True, 2)), any(()))
