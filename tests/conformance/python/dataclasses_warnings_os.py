from dataclasses import dataclass, field, asdict, fields, replace
import warnings, os
from typing import List, ClassVar

@dataclass
class Point:
    x: int
    y: int = 0
    tags: List[str] = field(default_factory=list)
    count: ClassVar[int] = 0

p = Point(1, 2)
print(p, p == Point(1, 2), p != Point(1, 3), asdict(p), [f.name for f in fields(p)], replace(p, x=5))
@dataclass(frozen=True, order=True)
class V:
    major: int
    minor: int = 0
print(sorted([V(2), V(1, 5), V(1)]), hash(V(1)) == hash(V(1)))
try:
    V(1).major = 3
except AttributeError as e:
    print(type(e).__name__, e)
@dataclass
class P3(Point):
    z: int = 9
    def __post_init__(self):
        self.total = self.x + self.y + self.z
q = P3(1, 2, z=3)
print(q, q.total)
try:
    Point()
except TypeError as e:
    print(e)
class Desc:
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, owner):
        return self.name
class HasDesc:
    attr = Desc()
print(HasDesc().attr, os.path.join("a", "b", "c.py"), os.path.splitext("x.tar.gz"), os.path.basename("/a/b"))
print(os.getenv("DEFINITELY_NOT_SET_VAR", "dflt"))
warnings.warn("careful")
with warnings.catch_warnings(record=True) as w:
    warnings.warn("recorded", DeprecationWarning)
print(len(w), w[0].category.__name__, str(w[0].message))
