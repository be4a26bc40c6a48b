a, b = 1, 2
a, b = b, a
print(a, b)
x, *y = range(4); print(x, y)
*x, y = [1]; print(x, y)
h, *m, t = "hello"; print(h, m, t)
[p, q], r = (1, 2), 3; print(p, q, r)
for first, *rest in [(1, 2, 3), (4,)]:
    print(first, rest)
def f(*args, **kwargs):
    return args, kwargs
print(f(*[1, 2], *(3,), **{"a": 1}, **{"b": 2}))
print([*"ab", *[1], *range(2)], (*"xy",), {*[1, 2], *[2, 3]}, {**{"a": 1}, **{"a": 2, "b": 3}})
nums = [1, 2, 3]
print(*nums, sep="-")
print(*[], "only")
d = {"x": 1, "y": 2}
for k, v in d.items():
    print(k, v)
pairs = [(1, "a"), (2, "b")]
nums2, letters = zip(*pairs)
print(nums2, letters)
matrix = [[1, 2, 3], [4, 5, 6]]
print(list(zip(*matrix)), [list(r) for r in zip(*matrix)])
(a, b), (c, d2) = [(1, 2), (3, 4)]
print(a, b, c, d2)
i = j = k = 0
print(i, j, k)
lst = [0, 0]
lst[0], lst[1] = 5, 6
print(lst)
obj = type("O", (), {})()
obj.a, obj.b = "A", "B"
print(obj.a, obj.b)
first, second, *_ = "abcdef"
print(first, second, _)
def g():
    return 1, 2, 3
_, mid, _ = g(); print(mid)
