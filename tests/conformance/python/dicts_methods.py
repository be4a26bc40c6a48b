d = {"b": 2, "a": 1}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
print(list(d.keys()), list(d.values()), list(d.items()), d.keys(), d.values(), d.items())
d["b"] = 20
print(d, d.pop("b"), d, d.pop("zz", "dflt"), d.setdefault("a", 9), d.setdefault("n", []), d)
d.update({"x": 1}, y=2); d.update([("z", 3)]); print(d)
print(d.popitem(), d)
del d["x"]; print(d)
e = dict(a=1, b=2); f = dict([("k", "v")]); g = dict(e, c=3); print(e, f, g, dict.fromkeys("ab", 0), dict())
print({**e, **f, "z": 0}, e | {"b": 99}, {k: v * 2 for k, v in e.items()})
e |= {"q": 5}; print(e)
print(sorted({"b": 1, "a": 2}), sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]))
for k, v in {"one": 1, "two": 2}.items():
    print(k, v)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
nested = {"a": {"b": {"c": 1}}}; print(nested["a"]["b"]["c"], nested)
print({1: "int", 1.0: "float", True: "bool"}, {(1, 2): "tuple"}[(1, 2)])
print(d == dict(d), {"a": 1} == {"a": 1.0}, {"a": 1} != {"a": 2}, d.copy() is not d)
try:
    {}["missing"]
except KeyError as e:
    print("KeyError:", e, repr(e))
try:
    for k in d:
        d["new" + k] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
ks = {"x": 1}.keys()
print("x" in ks, len(ks), ks & {"x", "y"}, ks | {"z"} == {"x", "z"})
dd = {}
dd.clear()
print(dd, bool(dd), bool({0: 0}))
print(dict(zip(range(3), "abc")), list(reversed({"a": 1, "b": 2})))
