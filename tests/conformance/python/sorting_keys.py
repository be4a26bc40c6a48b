people = [("alice", 30), ("bob", 25), ("carol", 35), ("dave", 25)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (p[1], p[0]), reverse=True))
print(sorted(people, key=lambda p: -p[1]))
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=lambda w: (len(w), w)))
nums = [5, -3, 2, -8, 0]
print(sorted(nums, key=abs), sorted(nums, reverse=True), max(nums, key=abs), min(nums, key=lambda n: n * n))
data = [{"n": "x", "v": 3}, {"n": "y", "v": 1}, {"n": "z", "v": 2}]
data.sort(key=lambda d: d["v"])
print([d["n"] for d in data])
stable = [(1, "a"), (0, "b"), (1, "c"), (0, "d")]
print(sorted(stable, key=lambda t: t[0]), sorted(stable, key=lambda t: t[0], reverse=True))
class Item:
    def __init__(self, name, price):
        self.name, self.price = name, price
    def __repr__(self):
        return f"{self.name}:{self.price}"
items = [Item("a", 3), Item("b", 1), Item("c", 2)]
print(sorted(items, key=lambda i: i.price), sorted(items, key=lambda i: i.name, reverse=True))
import functools
def cmp(a, b):
    return (a > b) - (a < b)
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: cmp(b, a))))
print(sorted("hello world"), sorted([[3], [1, 2], []]), sorted([True, False, 0, 1]))
print(list(reversed(sorted(range(5)))), sorted(range(5), key=lambda x: x % 2))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError:", e)
xs = [3, 1, 2]
print(xs.sort(), xs)
