import weakref


class Box:
    def __init__(self, n):
        self.n = n


b = Box(1)
r = weakref.ref(b)
print(r() is b, r() is not None)
seen = []
r2 = weakref.ref(b, lambda wr: seen.append("callback"))
print(weakref.getweakrefcount(b))
fin = weakref.finalize(b, seen.append, "finalized")
print(fin.alive)
del b
x = 0
print(r() is None, seen, fin.alive)
c = Box(2)
f2 = weakref.finalize(c, seen.append, "never")
print(f2.detach()[0] is c, f2.alive)
del c
x = 1
print(seen)
try:
    weakref.ref(3)
except TypeError as e:
    print("TypeError:", e)
d = weakref.WeakValueDictionary()
k = Box(3)
d["a"] = k
print("a" in d, len(d))
del k
x = 2
print("a" in d, len(d))
wk = weakref.WeakKeyDictionary()
kk = Box(4)
wk[kk] = "v"
print(wk[kk], len(wk))
del kk
x = 3
print(len(wk))
