xs = [3, 1, 4, 1, 5, 9, 2, 6]
xs.append(5); xs.extend([3, 5]); xs.insert(0, 0); xs.insert(-1, 7); xs.insert(100, 8)
print(xs, len(xs), xs.count(5), xs.index(5), xs.index(1, 3))
print(xs.pop(), xs.pop(0), xs.pop(-2), xs)
xs.remove(1)
print(xs)
ys = sorted(xs); xs.sort(reverse=True)
print(ys, xs)
xs.reverse(); print(xs, xs[::-1], xs[1:4], xs[-3:], xs[:2], xs[::3], xs[5:1:-1])
zs = xs.copy(); zs[0] = 99; print(xs[0] != zs[0])
a = [1, 2, 3, 4, 5, 6]
a[1:3] = ["x", "y", "z"]; print(a)
a[::2] = [0, 0, 0, 0][:len(a[::2])]; print(a)
del a[0]; del a[1:3]; print(a)
a[len(a):] = [7]; print(a)
print([1, 2] + [3], [0] * 3, [[0] * 2] * 2, 3 in [1, 2, 3], [] == [], [1, [2]] == [1, [2]])
b = [1, 2]; b += (3, 4); b *= 2; print(b)
nested = [[1, 2], [3, 4]]; flat = [y for x in nested for y in x]; print(flat)
print(list(range(5)), list(range(2, 10, 3)), list(range(10, 0, -3)), list(reversed([1, 2, 3])))
print(list(enumerate("ab")), list(enumerate("ab", 1)), list(zip([1, 2, 3], "ab")), list(zip()))
print(any([0, "", None]), any([0, 1]), all([]), all([1, 0]), list(filter(None, [0, 1, "", "a"])), list(map(str, [1, 2])))
print(list(map(lambda x, y: x * y, [1, 2, 3], [4, 5, 6])), list(filter(lambda x: x > 1, [1, 2, 3])))
c = [5, 3, 8]; c.clear(); print(c, bool(c))
m = [1, 2, 3]; n = m; n.append(4); print(m is n, m)
cyc = [1]; cyc.append(cyc); print(cyc)
print(max([[1, 2], [1, 3]]), min(["b", "ab"]), sorted([[2, 1], [1, 2], [1]]))
try:
    [].remove(1)
except ValueError as e:
    print("ValueError:", e)
try:
    [1, 2].pop(5)
except IndexError as e:
    print("IndexError:", e)
try:
    a = [1, 2]; a[5] = 1
except IndexError as e:
    print("IndexError:", e)
try:
    a[::2] = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
print(list("abc"), list((1, 2)), list({"k": 1}), list({3, 1, 2}))
