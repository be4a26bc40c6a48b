x = a if b else -c ** 2 // d @ e
y = [i * j for i in range(3) if i for j in range(i)]
z = {k: v for k, v in d.items()}, {*s, 1}, (g for g in h)
w = lambda a, /, b=1, *c, d, e=2, **f: (a, b, c, d, e, f)
v = t[1:2, ::3, ...][0].attr(*args, key=1, **kw)
u = not a < b <= c is not d not in e
if (n := len(y)) > 10: pass
s = 0x_FF + 0o17 + 0b1_01 + 1_000.5e-3 + 3j + 123456789012345678901234567890
a, *b, (c, d) = e = f
a.b += 1; a[0] >>= 2; del a[0], b.c
