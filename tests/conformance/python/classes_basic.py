class Point:
    """A point."""
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x ** 2 + self.y ** 2

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

p = Point(3, 4)
print(p, p.norm2(), p.dims, Point.dims)
print(type(p).__name__, p.__class__ is Point, isinstance(p, Point), isinstance(p, object))
print(sorted(p.__dict__.items()))
p.z = 5
print(p.z, hasattr(p, "z"), hasattr(p, "w"), getattr(p, "w", "default"))
del p.z
print(hasattr(p, "z"))
Point.dims = 3
print(p.dims)
p.dims = 10
print(p.dims, Point.dims)
print(Point.__name__, Point.__qualname__, Point.__doc__)

class Empty:
    pass

e = Empty()
print(type(e).__name__, e.__class__.__name__)
try:
    e.missing
except AttributeError as err:
    print("AttributeError:", err)

try:
    Point(1)
except TypeError as err:
    print("TypeError:", err)

try:
    Empty(1)
except TypeError as err:
    print("TypeError:", err)

class WithClassAttrList:
    items = []
    def add(self, v):
        self.items.append(v)

a, b = WithClassAttrList(), WithClassAttrList()
a.add(1); b.add(2)
print(WithClassAttrList.items)

bound = p.norm2
print(bound(), bound.__self__ is p, bound.__func__ is Point.norm2)
print(Point.norm2(Point(1, 1)))
print(callable(p), callable(Point), callable(bound))
