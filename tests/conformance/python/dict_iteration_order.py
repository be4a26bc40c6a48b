d = {}
for k in ["z", "a", "m", "b"]:
    d[k] = len(d)
print(d, list(d))
del d["a"]
d["a"] = 99
print(d)
d["z"] = -1
print(list(d.items()))
merged = {**{"b": 1}, **{"a": 2}, "b": 3}
print(merged)
print({i: i * i for i in range(6) if i % 2})
inv = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inv)
keys = list({"c": 0, "a": 0, "b": 0})
print(keys, sorted(keys))
s = {5, 3, 9, 1, 7}
print(s, sorted(s), {1, 2, 3} | {10, 20}, {100, 200, 300}, {0, 8, 16, 24})
print(set(range(20)), {-5, -1, 0, 1, 5})
big = {i for i in range(100) if i % 7 == 0}
print(big)
t = {(1, 2), (3, 4), (0, 0)}
print(sorted(t), len(t))
