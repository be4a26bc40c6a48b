def show(*args, **kwargs):
    return list(kwargs.items()), args
print(show(z=1, a=2, m=3))
print(show(1, 2, **{"b": 1, "a": 2}, c=3))
def defaults(a, b="B", *, c="C", d):
    return a + b + c + d
print(defaults("a", d="d"), defaults("x", "y", d="z", c="w"))
def everything(p, /, q, *args, r, **kw):
    return p, q, args, r, kw
print(everything(1, 2, 3, 4, r=5, s=6), everything(1, q=2, r=3))
opts = {"sep": "|", "end": "#\n"}
print("a", "b", **opts)
def passthrough(*a, **k):
    return show(*a, **k)
print(passthrough(9, key="v"))
try:
    everything(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    defaults("a", "b", "c", d="d")
except TypeError as e:
    print("TypeError:", e)
try:
    show(**{1: 2})
except TypeError as e:
    print("TypeError:", e)
