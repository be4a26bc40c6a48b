class A:
    def __init__(self):
        self._x = 1
    @property
    def x(self):
        return self._x
    @x.deleter
    def x(self):
        print("del x")
a = A()
del a.x
print(A.x.fget is not None, isinstance(A.x, property))
print(str.join(",", ["a", "b"]), list.__name__, dict.get({"a": 1}, "a"))
print([].__class__, (1).__class__.__name__, type(None))
x = [1, 2, 3]
x[1:2] = []
print(x, x * 0, [] * 5)
d = dict(a=1)
print(d.__len__(), d.__contains__("a"), "a".__add__ if False else "")
print(int.__add__ if False else 1, (3).__index__())
print(divmod(-7, 2), pow(-2, 3), pow(2, -1), abs(-0.0))
print(sorted({"b": 2, "a": 1}.items(), reverse=True))
s = "abc"
print(s.__len__(), s[0:100], s[-100:2])
print(max(range(5), key=lambda v: (v % 3, v)))
try:
    [1, 2, 3].index(9)
except ValueError as e:
    print(e)
t = 1,
print(t, type(t))
print(1 if [] else 2, [] or "x")
def f(*, a): return a
print(f(a=3))
print("{:>5}|{:<5}|".format(None, True) if False else "skip")
print(isinstance([], (list, dict)), callable(None))
class B(A): pass
print(B().x, issubclass(B, A), B.__mro__[1] is A)
print(repr(1e-7), repr(-1e22), 2**0.5, round(1.23456, 3), str(1.0e5))
print([i for i in range(3)][-1], list(range(3))[::-1])
import math
print(math.floor(-0.5), math.ceil(-0.5), int(-0.5), round(-0.5))
print("%.3f" % 2.0005, "%.2f" % 2.675, "%5.1f%%" % 99.55)
print(f"{3:*^7}", f"{'a':_<4}", f"{-3:05}", f"{3.5:+.2e}")
print(bool(float("nan")), 0.0 == -0.0, float("nan") == float("nan"))
