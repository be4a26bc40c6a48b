import functools

def trace(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        print(f"call {fn.__name__}{args}")
        result = fn(*args, **kwargs)
        print(f"return {result}")
        return result
    return wrapper

@trace
def add(a, b):
    """Add two numbers."""
    return a + b

print(add(2, 3), add.__name__, add.__doc__, add.__wrapped__(1, 1))

def repeat(times):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return deco

@repeat(3)
def greet(name):
    return "hi " + name
print(greet("bob"))

def d1(fn):
    def w():
        return "d1(" + fn() + ")"
    return w
def d2(fn):
    def w():
        return "d2(" + fn() + ")"
    return w
@d1
@d2
def base():
    return "base"
print(base())

registry = []
def register(cls):
    registry.append(cls.__name__)
    cls.registered = True
    return cls
@register
class Plugin:
    pass
print(registry, Plugin.registered)

class Memo:
    def __init__(self, fn):
        self.fn = fn
        self.cache = {}
    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.fn(n)
        return self.cache[n]

@Memo
def slow_fib(n):
    return n if n < 2 else slow_fib(n - 1) + slow_fib(n - 2)
print(slow_fib(40), len(slow_fib.cache))

@functools.lru_cache(maxsize=None)
def cached(n):
    print("computing", n)
    return n * n
print(cached(4), cached(4), cached(5), cached.cache_info())

@functools.lru_cache
def cached2(n):
    return n + 1
print(cached2(1), cached2(1), cached2.cache_info().hits)

class Service:
    def __init__(self):
        self.calls = 0
    def counted(fn):
        def wrapper(self, *args):
            self.calls += 1
            return fn(self, *args)
        return wrapper
    @counted
    def work(self, x):
        return x * 2
s = Service()
print(s.work(2), s.work(3), s.calls)

def with_attr(fn):
    fn.tag = "tagged"
    return fn
@with_attr
def tagged():
    pass
print(tagged.tag)
p = functools.partial(int, base=2)
print(p("101"), functools.partial(max, 10)(3, 20), functools.reduce(lambda a, b: a * b, range(1, 6)), functools.reduce(lambda a, b: a + b, [], 0))
