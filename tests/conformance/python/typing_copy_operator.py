from typing import List, Dict, Optional, Any, Callable, Tuple, Union, TypeVar, Generic
import copy
import operator
T = TypeVar("T")

def first(xs: List[int]) -> Optional[int]:
    return xs[0] if xs else None

class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item: T = item

print(first([3, 4]), first([]), Box(5).item)
handlers: Dict[str, Callable[[int], int]] = {"double": lambda x: x * 2}
print(handlers["double"](21))
a = [1, [2, 3], {"k": [4]}]
b = copy.copy(a); c = copy.deepcopy(a)
a[1].append(99); a[2]["k"].append(5)
print(b, c)
class Obj:
    def __init__(self):
        self.items = [1]
o = Obj(); o2 = copy.copy(o); o3 = copy.deepcopy(o)
o.items.append(2)
print(o2.items, o3.items, type(o3).__name__)
print(operator.add(1, 2), operator.mul(3, 4), operator.itemgetter(1)([5, 6]), operator.itemgetter(0, 2)("abc"))
print(sorted([("a", 2), ("b", 1)], key=operator.itemgetter(1)), operator.attrgetter("real")(5), operator.neg(3))
print(operator.methodcaller("upper")("x"), operator.not_(0), operator.contains([1], 1), operator.getitem({"a": 1}, "a"))
