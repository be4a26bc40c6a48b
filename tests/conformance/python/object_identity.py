a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, id(a) == id(b), id(a) == id(c))
print(None is None, True is True, type(a) is list, type(1) is not float)
x = object()
print(x == x, x != object(), hash(x) == hash(x), x in [x], x in [object()])
class K:
    pass
k1, k2 = K(), K()
print(k1 == k2, k1 != k2, k1 == k1, {k1: 1}[k1], len({k1, k2, k1}))
def f():
    pass
print(f is f, f == f, f.__name__, K.__name__, type(f).__name__, type(K).__name__)
m1, m2 = k1.__init__, k1.__init__
print(m1 == m2, m1 is m2)
s = "abc"
print(s is s, s == "ab" + "c", len(set([s, "ab" + "c"])))
t = (1, [2])
t[1].append(3)
print(t)
try:
    hash(t)
except TypeError as e:
    print("TypeError:", e)
lst = [[]] * 3
lst[0].append(1)
print(lst)
lst2 = [[] for _ in range(3)]
lst2[0].append(1)
print(lst2)
