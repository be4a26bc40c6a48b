class Shape:
    def __init__(self, name):
        self._name = name
    @property
    def name(self):
        return self._name
    @property
    def area(self):
        raise NotImplementedError
    def describe(self):
        return f"{self.name} with area {self.area:.2f}"

class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h
    @property
    def area(self):
        return self.w * self.h

class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
        self._name = "square"
    @Rect.area.getter
    def area(self):
        return self.w ** 2

class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r
    @property
    def area(self):
        return 3.14159 * self.r ** 2
    @property
    def radius(self):
        return self.r
    @radius.setter
    def radius(self, v):
        if v <= 0:
            raise ValueError("radius must be positive")
        self.r = v

for s in [Rect(2, 3), Square(4), Circle(1)]:
    print(s.describe())
c = Circle(2)
c.radius = 3
print(c.radius, round(c.area, 3))
try:
    c.radius = -1
except ValueError as e:
    print("ValueError:", e)
try:
    Shape("x").describe()
except NotImplementedError:
    print("abstract area")
try:
    Rect(1, 1).name = "other"
except AttributeError as e:
    print("AttributeError:", e)
print(type(Rect.area).__name__, isinstance(Square(1), Shape), Square.__mro__[1].__name__)
