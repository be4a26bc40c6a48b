# Function bodies run as compiled code (core/runtime/Compiler.h): each fast path must give way to
# Python's behaviour when its assumption breaks. Every case runs enough times to fill the caches
# first, then breaks the assumption.


def unbound_left():
    try:
        y = x + 1  # noqa: F821 (x is assigned below, so it is a local)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    x = 2
    return x


def unbound_right(a):
    try:
        return a < b
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    b = 1
    return b


def walrus_rebinds_left():
    x = 10
    r = x + (x := 5)  # the left operand is read before the walrus rebinds it
    return r, x


print(unbound_left(), unbound_right(3), walrus_rebinds_left())

# --- globals and builtins ---------------------------------------------------------------------
counter = 0


def read_global():
    return counter + len([1, 2])


for _ in range(5):
    read_global()
counter = 100
print("global updated:", read_global())


def len(x):  # a global now shadows the builtin the cache pointed at
    return 42


print("builtin shadowed:", read_global())
del len
print("shadow removed:", read_global())
del counter
try:
    read_global()
except NameError as e:
    print("NameError:", e)

# --- attributes, methods and the class they come from -------------------------------------------


class Point:
    scale = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return (abs(self.x) + abs(self.y)) * self.scale


def total(points):
    s = 0
    for p in points:
        s += p.norm1()
    return s


pts = [Point(i, -i) for i in range(10)]
print("total:", total(pts))
Point.scale = 3  # class attribute changes: caches keyed by the type epoch refill
print("rescaled:", total(pts))
pts[3].norm1 = lambda: 1000  # an instance attribute shadows the method for that object only
print("shadowed:", total(pts))


class Swapped:  # same attribute names, inserted in the other order
    scale = 1

    def __init__(self, x, y):
        self.y = y
        self.x = x

    def norm1(self):
        return abs(self.x) + abs(self.y)


print("mixed types:", total([Point(1, 1), Swapped(2, 2), Point(3, 3), Swapped(4, 4)]))


def drop_x(p):
    return p.x


q = Point(7, 8)
print(drop_x(q), drop_x(q))
del q.x
try:
    drop_x(q)
except AttributeError as e:
    print("AttributeError:", e)


class Guarded:
    def __init__(self):
        self._v = 0

    @property
    def v(self):
        return self._v

    @v.setter
    def v(self, value):
        self._v = value * 10


def bump(g, k):
    g.v = k
    g.v += 1
    return g.v


g = Guarded()
print("property:", [bump(g, k) for k in range(3)])


class Fallback:
    def __getattr__(self, name):
        return "missing " + name


def ask(o):
    return o.anything


f = Fallback()
print(ask(f), ask(f))
f.anything = "present"
print(ask(f))

# --- truth, comparisons and operators ---------------------------------------------------------


class Loud:
    def __init__(self, name, value):
        self.name = name
        self.value = value

    def __bool__(self):
        print("bool", self.name)
        return self.value


def both(a, b):
    if a and b:
        return "both"
    return "not both"


def either(a, b):
    while a or b:
        return "either"
    return "neither"


print(both(Loud("a", True), Loud("b", False)))
print(both(Loud("a2", False), Loud("b2", True)))  # a2's truth is asked once
print(either(Loud("c", False), Loud("d", True)))
print(either(Loud("c2", True), Loud("d2", True)))
print(not Loud("e", False))
print([n for n in range(3) if not (Loud("f", n > 0) and n < 2)])
value = Loud("g", False) and 1
print(value.name)


def compare_all(a, b):
    return [a < b, a <= b, a > b, a >= b, a == b, a != b, a is b, a is not b]


def identity(a, b):
    return a is b, a is not b, a == b


print(compare_all(1, 2), compare_all(2.5, 2), compare_all("a", "b"), identity(None, None), identity(1, True))
try:
    compare_all(None, 1)
except TypeError as e:
    print("TypeError:", e)


def chain(a, b, c):
    return a < b < c, a in [b, c], a not in (b, c)


print(chain(1, 2, 3), chain(3, 2, 1), chain(2, 2, 3))


def arith(a, b):
    return a + b, a - b, a * b, a // b, a % b, -a, a ** 2


print(arith(7, 3), arith(-7, 3), arith(7.5, 2), arith(2**31, 3), arith(True, 1))


def index(seq, i):
    return seq[i], seq[-1 - i]


print(index([1, 2, 3], 0), index((4, 5, 6), 1), index("abc", 2), index(range(10), 3))
try:
    index([1], 5)
except IndexError as e:
    print("IndexError:", e)

# --- calls ------------------------------------------------------------------------------------


def many(a, b=2, *rest, k=3, **kw):
    return a, b, rest, k, sorted(kw)


def call_shapes():
    args = (1, 2, 3)
    return [many(1), many(1, 5), many(*args), many(1, k=9), many(1, 2, 3, 4, z=0)]


print(call_shapes())


def recurse(n):
    if n == 0:
        return 0
    return 1 + recurse(n - 1)


print("depth 200:", recurse(200))


def closure_counter():
    count = 0

    def inc(by):
        nonlocal count
        count += by
        return count

    for i in range(5):
        inc(i)
    return inc(0)


print("closure:", closure_counter())


def loops():
    out = []
    for i in range(10):
        if i % 2:
            continue
        if i > 6:
            break
        out.append(i)
    else:
        out.append("no break")
    n = 0
    while n < 3:
        n += 1
    else:
        out.append("while else")
    for j in range(0):
        out.append(j)
    else:
        out.append("empty else")
    for ch in "ab":
        out.append(ch)
    for a, b in [(1, 2), (3, 4)]:
        out.append(a + b)
    return out


print(loops())


def range_iterator_shared():
    it = iter(range(6))
    seen = []
    for x in it:
        seen.append(x)
        next(it, None)  # the loop and the body advance the same iterator
    return seen


print(range_iterator_shared())


def step_count_loop(n):
    total = 0
    for i in range(n):
        total += i
    return total


print(step_count_loop(1000), step_count_loop(-3))
