# Generators suspend at each yield: producer and consumer output interleave like CPython's.
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1

print(list(count_up(5)), sum(count_up(10)), max(count_up(4)))

def evens(limit):
    for x in range(limit):
        if x % 2 == 0:
            yield x

g = evens(10)
print(next(g), next(g), list(g))

def chain(*its):
    for it in its:
        yield from it

print(list(chain([1, 2], "ab", range(2))))

def pairs(xs):
    for i, x in enumerate(xs):
        for y in xs[i + 1:]:
            yield (x, y)

print(list(pairs([1, 2, 3])))

def early_return(n):
    for i in range(n):
        if i == 3:
            return
        yield i

print(list(early_return(10)))
gen = (x * x for x in range(5))
print(type(gen).__name__, list(gen), list(gen))
print(sorted(x for x in "hello"), dict((k, len(k)) for k in ["a", "bb"]), tuple(i for i in range(3)))
def fib():
    a, b = 0, 1
    for _ in range(10):
        yield a
        a, b = b, a + b
print(list(fib()))
it = iter([1, 2, 3])
print(next(it), list(it), next(it, "end"))
def empty():
    return
    yield
print(list(empty()))
for i, v in enumerate(count_up(3)):
    print(i, v)
print(all(x < 5 for x in count_up(5)), any(x > 3 for x in count_up(5)))

def noisy(n):
    for i in range(n):
        print("produce", i)
        yield i
    print("producer done")

for v in noisy(3):
    print("consume", v)

def accumulate():
    total = 0
    while True:
        value = yield total
        if value is None:
            return total
        total += value

acc = accumulate()
print(next(acc), acc.send(5), acc.send(10))
try:
    acc.send(None)
except StopIteration as stop:
    print("returned", stop.value)

def infinite():
    n = 0
    while True:
        yield n
        n += 1

import itertools
print(list(itertools.islice(infinite(), 4)), next(x for x in infinite() if x > 10))

def guarded():
    try:
        yield "first"
        yield "second"
    finally:
        print("finally in generator")

g = guarded()
print(next(g))
g.close()
print("closed")

def catcher():
    while True:
        try:
            yield
        except ValueError as e:
            print("generator caught", e)

c = catcher()
next(c)
c.throw(ValueError("thrown in"))
c.close()

def delegate():
    result = yield from accumulate_two()
    yield f"sub returned {result}"

def accumulate_two():
    yield 1
    yield 2
    return "two"

print(list(delegate()))
lazy = (print("evaluating", i) or i for i in range(2))
print("before consuming")
print(list(lazy))
g2 = count_up(2)
print(type(g2).__name__, g2.__name__ if hasattr(g2, "__name__") else "")
