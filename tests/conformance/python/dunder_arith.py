class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(self.x + o.x, self.y + o.y)
        if isinstance(o, (int, float)):
            return Vec(self.x + o, self.y + o)
        return NotImplemented
    def __radd__(self, o):
        return self.__add__(o)
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __iadd__(self, o):
        self.x += o.x
        self.y += o.y
        return self
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)
    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)
    def __pow__(self, k):
        return Vec(self.x ** k, self.y ** k)
    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y

a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a - b, a * 3, 3 * a, -a, abs(b))
print(a + 1, 1 + a, sum([a, b], Vec(0, 0)))
print(a == Vec(1, 2), a != Vec(1, 2), a == 5)
print(b / 2, b // 2, b % 3, a ** 2, a @ b)
c = a
c += b
print(c, a, c is a)
try:
    a + "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "x" - a
except TypeError as e:
    print("TypeError:", e)

class Num:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __le__(self, o):
        return self.v <= o.v
    def __repr__(self):
        return f"Num({self.v})"

ns = [Num(3), Num(1), Num(2)]
print(sorted(ns), min(ns), max(ns))
print(Num(1) < Num(2), Num(2) > Num(1), Num(2) >= Num(3))
try:
    Num(1) < 5
except AttributeError as e:
    print("AttributeError:", e)

class OnlyEq:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
try:
    hash(OnlyEq(1))
except TypeError as e:
    print("TypeError:", e)
try:
    OnlyEq(1) < OnlyEq(2)
except TypeError as e:
    print("TypeError:", e)

class Hashable:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, Hashable) and self.v == o.v
    def __hash__(self): return hash(self.v)
s = {Hashable(1), Hashable(1), Hashable(2)}
print(len(s), Hashable(2) in s)
d = {Hashable("k"): "v"}
print(d[Hashable("k")])

class Bits:
    def __init__(self, v): self.v = v
    def __and__(self, o): return Bits(self.v & o.v)
    def __or__(self, o): return Bits(self.v | o.v)
    def __xor__(self, o): return Bits(self.v ^ o.v)
    def __lshift__(self, n): return Bits(self.v << n)
    def __rshift__(self, n): return Bits(self.v >> n)
    def __invert__(self): return Bits(~self.v)
    def __pos__(self): return self
    def __repr__(self): return f"Bits({self.v:#06b})"
x, y = Bits(0b1100), Bits(0b1010)
print(x & y, x | y, x ^ y, x << 1, x >> 2, ~x, +x)
