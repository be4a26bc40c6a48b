class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __setitem__(self, i, v):
        self.items[i] = v
    def __delitem__(self, i):
        del self.items[i]
    def __contains__(self, v):
        print("contains", v)
        return v in self.items
    def __iter__(self):
        return iter(self.items)
    def __bool__(self):
        return len(self.items) > 0
    def __repr__(self):
        return f"Bag({self.items})"

b = Bag(1, 2, 3)
print(len(b), b[0], b[-1], b[1:])
b[0] = 10
del b[1]
print(b, 3 in b, 7 in b, list(b), bool(b), bool(Bag()))
for x in b:
    print("item", x)

class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(Seq()), 20 in Seq())

class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)), sum(Countdown(4)))
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))

class Matrix:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, key):
        r, c = key
        return self.cells.get((r, c), 0)
    def __setitem__(self, key, v):
        self.cells[key] = v
m = Matrix()
m[1, 2] = 5
print(m[1, 2], m[0, 0], m[(1, 2)])

class Sliceable:
    def __getitem__(self, k):
        return k
s = Sliceable()
print(s[1:2], s[::2], s[1:2, 3], s[...])

class Callable:
    def __init__(self):
        self.calls = 0
    def __call__(self, *args, **kwargs):
        self.calls += 1
        return args, kwargs
c = Callable()
print(c(1, 2, k=3), c.calls, callable(c))

class Ctx:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.swallow

with Ctx("a") as v:
    print("body", v)
with Ctx("b", swallow=True):
    raise ValueError("swallowed")
try:
    with Ctx("c"):
        raise KeyError("kept")
except KeyError as e:
    print("caught", repr(e))
with Ctx("x") as x, Ctx("y") as y:
    print(x, y)

class StrRepr:
    def __str__(self):
        return "str!"
    def __repr__(self):
        return "repr!"
o = StrRepr()
print(o, str(o), repr(o), [o], f"{o}", f"{o!r}", "%s %r" % (o, o))

class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"
print(OnlyRepr(), str(OnlyRepr()))

class Fmt:
    def __format__(self, spec):
        return f"<{spec}>"
print(f"{Fmt():abc}", format(Fmt(), "x"), "{:y}".format(Fmt()))

class Idx:
    def __index__(self):
        return 2
print([10, 20, 30][Idx()], "abc"[Idx()], range(5)[Idx()], bin(Idx()))
