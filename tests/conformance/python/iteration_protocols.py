class Range3:
    def __iter__(self):
        return iter([1, 2, 3])
r = Range3()
print(list(r), sum(r), [x * 2 for x in r], 2 in r, max(r), sorted(r, reverse=True))
a, b, c = r
print(a, b, c)
print(dict.fromkeys(r), set(r), tuple(r), list(enumerate(r)), list(zip(r, "abc")))
class Linked:
    def __init__(self, values):
        self.values = values
    def __iter__(self):
        self.i = 0
        return self
    def __next__(self):
        if self.i >= len(self.values):
            raise StopIteration
        v = self.values[self.i]
        self.i += 1
        return v
print(list(Linked([5, 6])), list(map(str, Linked("xy"))))
it = iter([10, 20])
for v in it:
    print("got", v)
print(list(it))
d = {"a": 1, "b": 2}
it2 = iter(d)
print(next(it2), list(it2))
s = "hey"
print(list(iter(s)), [c for c in s], next(iter(s)))
nested = iter([iter([1, 2]), iter([3])])
print([x for sub in nested for x in sub])
r2 = range(10, 0, -2)
print(list(r2), len(r2), r2[1], r2[-1], 4 in r2, 5 in r2, r2.index(6), list(reversed(r2)))
print(list(range(5))[::-1], list(range(0, -5, -1)), range(0) == range(0), range(3) == range(0, 3))
