s = {3, 1, 2}
print(s, len(s), 2 in s, 5 in s)
s.add(4); s.add(1); s.discard(10); s.remove(3); print(s)
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b, a.union([9]), a.intersection(b, {4}), a.difference(b))
print(a <= b, {1, 2} <= a, {1, 2} < a, a >= {1}, a.issubset({1, 2, 3, 4, 5}), a.isdisjoint({7}))
fs = frozenset([1, 2, 2]); print(fs, hash(fs) == hash(frozenset({2, 1})), {fs: "ok"}[frozenset({1, 2})])
print(set(), frozenset(), set("aab") == {"a", "b"}, sorted(set("hello")), {x % 3 for x in range(10)})
c = {1, 2}; c |= {3}; c &= {2, 3}; c -= {3}; print(c)
print({10, 20, 30, 5}, {100, 1, 50}, set(range(10, 0, -1)), {-1, -2, 3})
t = (1, 2, 3)
print(t, t[0], t[-1], t[1:], len(t), t + (4,), t * 2, (1,), (), tuple([1, 2]), tuple("ab"))
print(t.count(2), t.index(3), 2 in t, (1, 2) == (1, 2), (1, 2) < (1, 2, 0), hash((1, 2)) == hash((1, 2)))
x, y, z = t; print(x, y, z)
first, *rest = [1, 2, 3, 4]; print(first, rest)
*init, last = "abc"; print(init, last)
p, (q, r) = 1, (2, 3); print(p, q, r)
a1, *mid, b1 = range(6); print(a1, mid, b1)
m, n = n, m = 1, 2
print(m, n)
(i, j), k = [1, 2], 3; print(i, j, k)
for idx, (ch, num) in enumerate(zip("ab", [1, 2])):
    print(idx, ch, num)
try:
    u, v = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    u, v, w = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    set().remove(1)
except KeyError as e:
    print("KeyError:", e)
print(sorted({(1, 2), (0, 5), (1, 0)}), {(1, 2): 1}, set([(1, 2), (1, 2)]))
print(a == {4, 3, 2, 1}, {1} == frozenset({1}), set([1]) | frozenset([2]))
