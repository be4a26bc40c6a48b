def f(a, b=2, *args, c, d=4, **kwargs):
    return a, b, args, c, d, sorted(kwargs.items())
print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, e=9, d=0))
print(f(*[1, 2, 3], **{"c": 0, "z": 1}))
def pos_only(a, b, /, c):
    return a + b + c
print(pos_only(1, 2, c=3), pos_only(1, 2, 3))
def kw_only(*, x, y=1):
    return x * y
print(kw_only(x=5), kw_only(y=2, x=5))
def defaults_shared(item, bucket=[]):
    bucket.append(item)
    return bucket
print(defaults_shared(1), defaults_shared(2))
def varargs(*args):
    return len(args), args
print(varargs(), varargs(1, "a", None))
def kwargs_only(**kw):
    return kw
print(kwargs_only(a=1, b=2), kwargs_only())
for call in [lambda: f(), lambda: f(1), lambda: f(1, 2, c=3, a=1), lambda: pos_only(a=1, b=2, c=3),
             lambda: kw_only(1), lambda: kw_only(x=1, z=2), lambda: varargs(a=1), lambda: (lambda x: x)(),
             lambda: (lambda x: x)(1, 2), lambda: defaults_shared()]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
def doc():
    """Docstring here."""
print(doc.__doc__, doc.__name__, f.__defaults__, kw_only.__kwdefaults__ if hasattr(kw_only, "__kwdefaults__") else None)
square = lambda x: x * x
print(square(7), (lambda *a, **k: (a, k))(1, k=2), square.__name__)
def recursive(n):
    return 1 if n <= 1 else n * recursive(n - 1)
print(recursive(10), [recursive(i) for i in range(6)])
def returns_multiple():
    return 1, "two", [3]
a, b, c = returns_multiple(); print(a, b, c)
def no_return():
    pass
print(no_return())
def apply(fn, *args, **kwargs):
    return fn(*args, **kwargs)
print(apply(max, 3, 9, 2), apply(sorted, [3, 1], reverse=True), apply(dict, a=1))
def outer(x):
    def middle(y):
        def inner(z):
            return x + y + z
        return inner
    return middle
print(outer(1)(2)(3))
print((lambda: (yield_ := 5))())
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
print([fib(i) for i in range(15)])
def mutual_even(n):
    return True if n == 0 else mutual_odd(n - 1)
def mutual_odd(n):
    return False if n == 0 else mutual_even(n - 1)
print(mutual_even(10), mutual_odd(7))
